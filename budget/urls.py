from django.urls import path

from . import views

urlpatterns = [
    path("", views.budget_overview, name="budget_overview"),
    path("regels/<id:pk>/", views.budget_line, name="budget_line"),
    path("regels/<id:pk>/besteding/", views.spending_create, name="spending_create"),
    path("wijzigingen/", views.budget_change_list, name="budget_change_list"),
    path("wijzigingen/nieuw/", views.budget_change_create, name="budget_change_create"),
    path("wijzigingen/<id:pk>/", views.budget_change_detail, name="budget_change"),
]
