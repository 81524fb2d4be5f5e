from django.urls import path

from core.converters import register
from projects import converters  # noqa: F401  (registers <code:…>)

from . import views

register("period", r"\d{4}-H[12]")

PLAN = "projecten/<code:code>/halfjaarplannen/<period:period>/"

urlpatterns = [
    path("projecten/<code:code>/halfjaarplannen/", views.plan_list, name="halfyear_plan_list"),
    path("projecten/<code:code>/halfjaarplannen/starten/", views.plan_start, name="halfyear_plan_start"),
    path("projecten/<code:code>/status/", views.status_record, name="project_status_record"),
    path(PLAN, views.plan_detail, name="halfyear_plan_detail"),
    path(f"{PLAN}bewerken/", views.plan_edit, name="halfyear_plan_edit"),
    path(f"{PLAN}doelen/nieuw/", views.goal_edit, name="halfyear_goal_create"),
    path(f"{PLAN}doelen/<id:number>/bewerken/", views.goal_edit, name="halfyear_goal_edit"),
    path(f"{PLAN}doelen/<id:number>/verwijderen/", views.goal_delete, name="halfyear_goal_delete"),
    path(f"{PLAN}doelen/<id:number>/", views.goal_chain, name="halfyear_goal_chain"),
    path(f"{PLAN}evaluatie/", views.evaluation_edit, name="halfyear_evaluation_edit"),
    path(f"{PLAN}<slug:action>/", views.plan_action, name="halfyear_plan_action"),
]
