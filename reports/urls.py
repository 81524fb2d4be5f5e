from django.urls import path

from . import views

urlpatterns = [
    path("vergaderingen/", views.meeting_list, name="meeting_list"),
    path("vergaderingen/nieuw/", views.meeting_edit, name="meeting_create"),
    path("vergaderingen/<id:pk>/bewerken/", views.meeting_edit, name="meeting_edit"),
    path("vergaderingen/<id:pk>/verwijderen/", views.meeting_delete, name="meeting_delete"),
    path("rapportages/", views.report_list, name="report_list"),
    path("rapportages/nieuw/", views.report_create, name="report_create"),
    path("rapportages/<id:pk>/", views.report_detail, name="report_detail"),
    path("rapportages/<id:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path("rapportages/<id:pk>/bewerken/", views.report_edit, name="report_edit"),
    path("rapportages/<id:pk>/publiceren/", views.report_publish, name="report_publish"),
    path("rapportages/<id:pk>/corrigeren/", views.report_correct, name="report_correct"),
    path("rapportages/<id:pk>/reacties/", views.report_comment, name="report_comment"),
]
