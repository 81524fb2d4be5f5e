from django.urls import path

from . import (
    converters,  # noqa: F401  (registers <code:…>)
    views,
)

urlpatterns = [
    path("projecten/", views.project_list, name="project_list"),
    path("projecten/nieuw/", views.project_edit, name="project_create"),
    path("projecten/<code:code>/bewerken/", views.project_edit, name="project_edit"),
    path("projecten/<code:code>/geschiedenis/", views.project_history, name="project_history"),
    path("projecten/<code:code>/activiteiten/nieuw/", views.activity_edit, name="activity_create"),
    path("projecten/<code:code>/activiteiten/<id:number>/bewerken/", views.activity_edit, name="activity_edit"),
    path("projecten/<code:code>/activiteiten/<id:number>/verwijderen/", views.activity_delete, name="activity_delete"),
    path("themas/nieuw/", views.theme_edit, name="theme_create"),
    path("themas/<id:number>/", views.theme_detail, name="theme_detail"),
    path("themas/<id:number>/bewerken/", views.theme_edit, name="theme_edit"),
]
