from django.urls import path

from projects import converters  # noqa: F401  (registers <code:…>)

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/<code:code>/", views.project_detail, name="project_detail"),
]
