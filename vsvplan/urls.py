from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core.forms import LoginForm

admin.site.site_header = _("vsvplan beheer")
admin.site.site_title = _("vsvplan beheer")

urlpatterns = [
    path(
        "inloggen/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("beheer/", admin.site.urls),
    path("", include("dashboards.urls")),
    path("", include("indicators.urls")),
    path("", include("reports.urls")),
    path("", include("projects.urls")),
    path("begroting/", include("budget.urls")),
    # Half-year plans, project status (halfyear/).
    path("", include("halfyear.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
