from django.urls import path

from projects import converters  # noqa: F401  (registers <code:…>)

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    # Before projecten/<code>/ and every other projecten/… pattern, so "dashboard" is never read as a code.
    path("projecten/dashboard/", views.project_dashboard, name="project_dashboard"),
    path("projecten/<code:code>/", views.project_detail, name="project_detail"),
    path("programma/", views.programme_detail, name="programme_detail"),
    path("programma/volgende/", views.programme_start_next, name="programme_start_next"),
    path("programma/actief-maken/", views.programme_activate, name="programme_activate"),
    path("programma/afsluiten/", views.programme_close, name="programme_close"),
]
