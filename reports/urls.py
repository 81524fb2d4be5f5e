from django.urls import path

from . import views

urlpatterns = [
    path("vergaderingen/", views.meeting_list, name="meeting_list"),
    path("vergaderingen/nieuw/", views.meeting_edit, name="meeting_create"),
    path("vergaderingen/<int:pk>/bewerken/", views.meeting_edit, name="meeting_edit"),
    path("vergaderingen/<int:pk>/verwijderen/", views.meeting_delete, name="meeting_delete"),
    path("rapportages/", views.report_list, name="report_list"),
    path("rapportages/nieuw/", views.report_create, name="report_create"),
    path("rapportages/<int:pk>/", views.report_detail, name="report_detail"),
    path("rapportages/<int:pk>/pdf/", views.report_pdf, name="report_pdf"),
    path("rapportages/<int:pk>/bewerken/", views.report_edit, name="report_edit"),
    path("rapportages/<int:pk>/publiceren/", views.report_publish, name="report_publish"),
    path("rapportages/<int:pk>/corrigeren/", views.report_correct, name="report_correct"),
    path("rapportages/<int:pk>/reacties/", views.report_comment, name="report_comment"),
]
