from django.dispatch import Signal

# Sent by `load_demo` after the plan is loaded, with `programme`: other apps add their demo data
# (streefcijfers, figures, budgets) without `projects` importing them.
demo_loaded = Signal()
