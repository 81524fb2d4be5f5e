"""Half-yearly SMART plans, their evaluations (the PDCA chain), project status, reminders and the project dashboard.

Kept apart from the rest of `projects` so the plan cycle reads as one unit: periods.py (pure period logic),
workflow.py (who may move a plan where), models.py, services.py (writes), selectors.py (reads),
reminders.py (the e-mail reminders), forms/tables/views/urls, demo.py (its part of `load_demo`).
"""
