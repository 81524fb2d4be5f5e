"""A project's status over time (op schema, risico, achter, afgerond)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core import clock
from core.forms import add_service_error
from projects import permissions
from projects.views import _get_project, programme_view

from .. import services
from ..forms import StatusForm


@programme_view()
@require_http_methods(["GET", "POST"])
def status_record(request, programme, code):
    project = _get_project(programme, code)
    permissions.require_record_status(request.user, project)  # early 403; project_status_record checks it too
    form = StatusForm(request.POST or None, initial={"date": clock.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.project_status_record(
                project=project,
                user=request.user,
                status=form.cleaned_data["status"],
                explanation=form.cleaned_data["explanation"],
                day=form.cleaned_data["date"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("De status van project %(code)s is vastgelegd.") % {"code": project.code})
            return redirect("project_detail", code=project.code)
    context = {
        "form": form,
        "project": project,
        "title": _("Status vastleggen"),
        "cancel_url": reverse("project_detail", kwargs={"code": project.code}),
    }
    return render(request, "halfyear/form.html", context)
