from django.urls import include, path, register_converter

from . import views


class ProjectCodeConverter:
    regex = r"\d{1,2}\.\d{1,2}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ProjectCodeConverter, "code")

urlpatterns = [
    path("", views.home, name="home"),
    path("projecten/", views.project_list, name="project_list"),
    path("projecten/nieuw/", views.project_edit, name="project_create"),
    path("projecten/<code:code>/", views.project_detail, name="project_detail"),
    path("projecten/<code:code>/bewerken/", views.project_edit, name="project_edit"),
    path("projecten/<code:code>/geschiedenis/", views.project_history, name="project_history"),
    path("projecten/<code:code>/activiteiten/nieuw/", views.activity_edit, name="activity_create"),
    path("projecten/<code:code>/activiteiten/<int:number>/bewerken/", views.activity_edit, name="activity_edit"),
    path("projecten/<code:code>/activiteiten/<int:number>/verwijderen/", views.activity_delete, name="activity_delete"),
    path("themas/nieuw/", views.theme_edit, name="theme_create"),
    path("themas/<int:number>/", views.theme_detail, name="theme_detail"),
    path("themas/<int:number>/bewerken/", views.theme_edit, name="theme_edit"),
    path("begroting/", include("projects.budget.urls")),
    # Half-year plans, project status and the project dashboard (projects/halfyear/).
    path("", include("projects.halfyear.urls")),
]
