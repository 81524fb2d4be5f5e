from django.dispatch import Signal

# Sent by `load_demo` after the plan is loaded, with `programme`: other apps add their demo data
# (streefcijfers, figures, budgets) without `projects` importing them.
demo_loaded = Signal()

# Sent by the project dashboard (halfyear/tables.py) while it builds its table, with `programme` and
# `projects` (the projects of the rows shown). A receiver returns a list of (name, django_tables2.Column) to
# add to the table, on screen and in the CSV/XLSX export, computed for all `projects` at once (a fixed number
# of queries). `indicators` answers with the KPIs each project contributes to: `projects` never imports it.
project_dashboard_columns = Signal()

# A SMART goal may carry data another app owns (indicators: the programme KPI the goal is measured by).
# - `smart_goal_form_fields`: sent by GoalForm with `goal`; a receiver returns {name: forms.Field} to add.
# - `smart_goal_saved`: sent by `smart_goal_save` inside its transaction with `goal`, `user` and `data`
#   ({name: cleaned value} of those fields; a name that is absent means "not on this form, leave it").
# - `smart_goals_copied`: sent when goals are copied into a new plan (PDCA) or a new plan version, with
#   `pairs` [(source goal, copy)] and `user`, so the data follows the goal.
smart_goal_form_fields = Signal()
smart_goal_saved = Signal()
smart_goals_copied = Signal()
