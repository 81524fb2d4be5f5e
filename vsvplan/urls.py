"""The site's URLs. A programme's pages live under its own prefix, `/programmas/<region code>-<first year>-<last
year>/` (`Programme.url_prefix`): `ProgrammeURLMiddleware` serves such a request with `programme_urlconf(slug)`,
the same pages mounted under that prefix, so every `{% url %}` and `reverse()` on the page stays inside the
programme. The root URLconf (below) holds the shared pages (login, admin, regions, norms, the list of programmes),
the programme's pages without prefix (today's URLs, which `programme_view` redirects to the same page of the
user's current programme; the data stewards' own import pages) and a 404 for a programme that does not exist."""

from functools import cache
from types import ModuleType

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core import views as core_views
from core.forms import LoginForm
from indicators import urls as indicator_urls
from projects import views as project_views

admin.site.site_header = _("vsvplan beheer")
admin.site.site_title = _("vsvplan beheer")

shared_patterns = [
    path("gezond/", core_views.health, name="health"),
    path(
        "inloggen/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("programmas/", project_views.programme_list, name="programme_list"),
    path("", include(indicator_urls.shared_urlpatterns)),
]

# One programme's pages, relative to its prefix.
programme_patterns = [
    path("", include("dashboards.urls")),
    path("", include("indicators.urls")),
    path("", include("reports.urls")),
    path("", include("projects.urls")),
    path("begroting/", include("budget.urls")),
    # Half-year plans, project status (halfyear/).
    path("", include("halfyear.urls")),
]

urlpatterns = [
    *shared_patterns,
    # A programme that does not exist (the middleware found none for this prefix).
    path("programmas/<str:slug>/", project_views.programme_missing),
    path("programmas/<str:slug>/<path:rest>", project_views.programme_missing),
    *programme_patterns,
]


@cache
def programme_urlconf(slug: str) -> ModuleType:
    """The URLconf of one programme: the shared pages, and the programme's pages under its prefix. One per
    programme, kept (Django caches a resolver per URLconf; there are a few per region)."""
    urlconf = ModuleType(f"vsvplan.urls.programme_{slug}")
    urlconf.urlpatterns = [*shared_patterns, path(f"programmas/{slug}/", include(programme_patterns))]
    return urlconf
