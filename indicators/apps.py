from django.apps import AppConfig


class IndicatorsConfig(AppConfig):
    name = "indicators"
    verbose_name = "Indicatoren en streefcijfers"

    def ready(self):
        from projects.signals import (
            project_dashboard_columns,
            smart_goal_form_fields,
            smart_goal_saved,
            smart_goals_copied,
        )

        from . import goal_kpi
        from .contributions import dashboard_columns

        project_dashboard_columns.connect(dashboard_columns, dispatch_uid="indicators.project_dashboard_columns")
        smart_goal_form_fields.connect(goal_kpi.goal_form_fields, dispatch_uid="indicators.goal_form_fields")
        smart_goal_saved.connect(goal_kpi.goal_saved, dispatch_uid="indicators.goal_saved")
        smart_goals_copied.connect(goal_kpi.goals_copied, dispatch_uid="indicators.goals_copied")
