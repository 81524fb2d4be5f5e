"""What the half-year pages share: finding a plan, its URL, refusing with a message."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from projects.views import _get_project

from .. import selectors, workflow
from ..models import HalfYearPlan
from ..workflow import Action


def _plan(project, period, revision=None) -> HalfYearPlan:
    try:
        return selectors.plan_for(project=project, period=period, revision=revision)
    except HalfYearPlan.DoesNotExist as exc:
        raise Http404(
            _("Project %(code)s heeft geen plan voor %(period)s.") % {"code": project.code, "period": period}
        ) from exc


def _plan_url(plan) -> str:
    return reverse("halfyear_plan_detail", kwargs={"code": plan.project.code, "period": plan.period})


def _refuse(request, error: ValidationError, lead: str = "") -> None:
    """Show why a step was refused, as one message."""
    messages.error(request, " ".join([lead, *error.messages]).strip())


def _editable_plan(request, programme, code, period) -> HalfYearPlan:
    """The newest version of the plan, if the user may edit it now; else 403 (role) or back with a message."""
    project = _get_project(programme, code)
    plan = _plan(project, period)
    workflow.check(Action.EDIT, plan, request.user)  # PermissionDenied → 403; ValidationError → caller
    return plan
