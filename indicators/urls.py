from django.urls import path

from core.converters import register

from . import views

register("schoolyear", r"\d{4}-\d{4}")

# Shared public facts, outside any programme: /regios/, /normen/.
shared_urlpatterns = [
    path("regios/", views.region_list, name="region_list"),
    path("normen/", views.norm_list, name="norm_list"),
    path("normen/nieuw/", views.norm_edit, name="norm_create"),
    path("normen/<id:pk>/", views.norm_edit, name="norm_edit"),
]

# Inside a programme (/programmas/<code>-<first>-<last>/…); the import pages also outside, for the data stewards.
urlpatterns = [
    path("import/", views.import_start, name="import_start"),
    path("import/<id:pk>/", views.import_detail, name="import_detail"),
    path("import/<id:pk>/status/", views.import_status, name="import_status"),
    path("import/<id:pk>/bestand/", views.import_file, name="import_file"),
    path("import/<id:pk>/bevestigen/", views.import_confirm, name="import_confirm"),
    path("import/<id:pk>/annuleren/", views.import_cancel, name="import_cancel"),
    path("dashboard/", views.dashboard, name="kpi_dashboard"),
    path("dashboard/<slug:code>/", views.indicator_detail, name="indicator_detail"),
    path("dashboard/<slug:code>/bewerken/", views.indicator_edit, name="indicator_edit"),
    path("dashboard/<slug:code>/geschiedenis/", views.indicator_history, name="indicator_history"),
    path("dashboard/<slug:code>/streefcijfers/nieuw/", views.target_edit, name="target_create"),
    path("dashboard/<slug:code>/streefcijfers/<schoolyear:school_year>/", views.target_edit, name="target_edit"),
    path(
        "dashboard/<slug:code>/streefcijfers/<schoolyear:school_year>/verwijderen/",
        views.target_delete,
        name="target_delete",
    ),
    path("dashboard/<slug:code>/cijfers/nieuw/", views.figure_edit, name="figure_create"),
    path("dashboard/<slug:code>/cijfers/<schoolyear:school_year>/", views.figure_edit, name="figure_edit"),
]
