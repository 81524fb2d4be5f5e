from django.dispatch import Signal

# Sent by `load_demo` after the plan is loaded, with `programme`: other apps add their demo data
# (streefcijfers, figures, budgets) without `projects` importing them.
demo_loaded = Signal()

# Sent by the project dashboard (halfyear/tables.py) while it builds its table, with `programme` and
# `projects` (the projects of the rows shown). A receiver returns a list of (name, django_tables2.Column) to
# add to the table, on screen and in the CSV/XLSX export, computed for all `projects` at once (a fixed number
# of queries). `indicators` answers with the KPIs each project contributes to: `projects` never imports it.
project_dashboard_columns = Signal()
