from django.urls import path

from . import views

urlpatterns = [
    path("regios/", views.region_list, name="region_list"),
]
