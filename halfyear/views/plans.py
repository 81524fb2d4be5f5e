"""Plans: the list per project, starting the next half-year, the plan page and its edit form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core import clock
from core.forms import add_service_error
from core.numbers import query_int
from projects import permissions
from projects.views import _get_project, programme_view

from .. import selectors, services, workflow
from ..forms import PlanForm, StartPlanForm
from ..models import HalfYearPlan
from .common import _editable_plan, _plan, _plan_url, _refuse

# ── plans ────────────────────────────────────────────────────────────────────────────────────────────


@programme_view()
def plan_list(request, programme, code):
    project = _get_project(programme, code)
    today = programme.day(clock.today())
    current = programme.periods(today).half_year
    plans = selectors.project_plans(project=project)
    existing = {plan.period for plan in plans}
    settings = services.cycle_settings(programme=programme)
    startable = []
    if workflow.can_start(request.user, project):
        startable = [
            {"period": period, "deadline": settings.plan_deadline(period)}
            for period in (current, current.next())
            if str(period) not in existing and programme.period.contains(period.start)
        ]
    context = {
        "project": project,
        "plans": plans,
        "startable": startable,
        "cycle": selectors.project_cycle(project=project, today=today, history=50),
        "can_record_status": permissions.can_record_status(request.user, project),
        "settings": settings,
    }
    return render(request, "halfyear/plan_list.html", context)


@programme_view()
@require_POST
def plan_start(request, programme, code):
    project = _get_project(programme, code)
    form = StartPlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Onbekend halfjaar."))
        return redirect("halfyear_plan_list", code=project.code)
    try:
        plan = services.halfyear_plan_start(project=project, period=form.cleaned_data["period"], user=request.user)
    except ValidationError as error:
        _refuse(request, error)
        return redirect("halfyear_plan_list", code=project.code)
    copied = plan.goals.count()
    message = _("Plan %(period)s gestart.") % {"period": plan.period}
    if copied:
        proposals = ngettext(
            "%(count)s doel uit het vorige halfjaar staat erin als voorstel.",
            "%(count)s doelen uit het vorige halfjaar staan erin als voorstel.",
            copied,
        ) % {"count": copied}
        message = f"{message} {proposals}"
    messages.success(request, message)
    return redirect(_plan_url(plan))


@programme_view()
def plan_detail(request, programme, code, period):
    project = _get_project(programme, code)
    revision = request.GET.get("versie")
    plan = _plan(project, period, query_int(revision))
    today = clock.today()
    evaluation = selectors.evaluation_of(plan)
    settings = services.cycle_settings(programme=programme)
    can_evaluate = (
        plan.status == HalfYearPlan.Status.APPROVED
        and permissions.leads(request.user, project)
        and (evaluation is None or evaluation.status != evaluation.Status.SUBMITTED)
        and today >= services.evaluation_opens(plan.period_obj)
    )
    context = {
        "project": project,
        "plan": plan,
        "goals": list(plan.goals.all()),
        "evaluation": evaluation,
        "versions": list(selectors.plan_versions(plan=plan)),
        "history": selectors.plan_history(plan=plan),
        "actions": {action.name.lower() for action in workflow.allowed_actions(plan, request.user)},
        "can_evaluate": can_evaluate,
        "plan_deadline": settings.plan_deadline(plan.period_obj),
        "evaluation_deadline": settings.evaluation_deadline(plan.period_obj),
        "evaluation_opens": services.evaluation_opens(plan.period_obj),
    }
    return render(request, "halfyear/plan_detail.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def plan_edit(request, programme, code, period):
    try:
        plan = _editable_plan(request, programme, code, period)
    except ValidationError as error:
        _refuse(request, error)
        return redirect("halfyear_plan_detail", code=code, period=period)
    form = PlanForm(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        try:
            services.halfyear_plan_update(
                plan=form.instance,
                user=request.user,
                activities=form.cleaned_data["activities"],
                reason=form.cleaned_data["reason"],
                expected_version=form.expected_version,
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Plan %(plan)s is opgeslagen.") % {"plan": plan})
            return redirect(_plan_url(plan))
    context = {
        "form": form,
        "project": plan.project,
        "plan": plan,
        "title": _("Plan %(period)s bewerken") % {"period": plan.period},
        "cancel_url": _plan_url(plan),
    }
    return render(request, "halfyear/form.html", context)
