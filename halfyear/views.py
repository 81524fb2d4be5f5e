"""Pages of the half-year cycle. Thin: resolve, check permission (workflow.py), call a service or selector, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from core import clock
from core.forms import add_service_error
from core.periods import HalfYear
from projects import permissions
from projects.views import _get_project, programme_view

from . import selectors, services, workflow
from .forms import (
    CommentForm,
    EvaluationForm,
    GoalForm,
    GoalResultForm,
    PlanForm,
    StartPlanForm,
    StatusForm,
)
from .models import HalfYearPlan, SmartGoal
from .workflow import Action


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


# ── plans ────────────────────────────────────────────────────────────────────────────────────────────


@programme_view()
def plan_list(request, programme, code):
    project = _get_project(programme, code)
    today = clock.today()
    current = HalfYear.for_date(today)
    plans = selectors.project_plans(project=project)
    existing = {plan.period for plan in plans}
    settings = services.cycle_settings(programme=programme)
    startable = []
    if workflow.can_start(request.user, project):
        startable = [
            {"period": period, "deadline": settings.plan_deadline(period)}
            for period in (current, current.next())
            if str(period) not in existing
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
    plan = _plan(project, period, int(revision) if revision and revision.isdigit() else None)
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


def _editable_plan(request, programme, code, period) -> HalfYearPlan:
    """The newest version of the plan, if the user may edit it now; else 403 (role) or back with a message."""
    project = _get_project(programme, code)
    plan = _plan(project, period)
    workflow.check(Action.EDIT, plan, request.user)  # PermissionDenied → 403; ValidationError → caller
    return plan


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


@programme_view()
@require_http_methods(["GET", "POST"])
def goal_edit(request, programme, code, period, number=None):
    try:
        plan = _editable_plan(request, programme, code, period)
    except ValidationError as error:
        _refuse(request, error)
        return redirect("halfyear_plan_detail", code=code, period=period)
    if number is None:
        goal = SmartGoal(plan=plan, number=services.next_goal_number(plan=plan))
    else:
        goal = next((goal for goal in plan.goals.all() if goal.number == number), None)
        if goal is None:
            raise Http404(_("Dit plan heeft geen doel %(number)s.") % {"number": number})
    form = GoalForm(request.POST or None, instance=goal)
    if request.method == "POST" and form.is_valid():
        try:
            services.smart_goal_save(goal=form.instance, user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Doel %(number)s is opgeslagen.") % {"number": goal.number})
            return redirect(f"{_plan_url(plan)}#doel-{goal.number}")
    title = _("Doel %(number)s bewerken") % {"number": goal.number} if goal.pk else _("Nieuw SMART-doel")
    context = {
        "form": form,
        "project": plan.project,
        "plan": plan,
        "goal": goal,
        "title": title,
        "cancel_url": _plan_url(plan),
    }
    return render(request, "halfyear/form.html", context)


@programme_view()
@require_http_methods(["GET", "POST"])
def goal_delete(request, programme, code, period, number):
    try:
        plan = _editable_plan(request, programme, code, period)
    except ValidationError as error:
        _refuse(request, error)
        return redirect("halfyear_plan_detail", code=code, period=period)
    goal = next((goal for goal in plan.goals.all() if goal.number == number), None)
    if goal is None:
        raise Http404(_("Dit plan heeft geen doel %(number)s.") % {"number": number})
    if request.method == "POST":
        services.smart_goal_delete(goal=goal, user=request.user)
        messages.success(request, _("Doel %(number)s is verwijderd.") % {"number": number})
        return redirect(_plan_url(plan))
    context = {"project": plan.project, "plan": plan, "goal": goal, "cancel_url": _plan_url(plan)}
    return render(request, "halfyear/goal_delete.html", context)


ACTION_TEXT = {
    Action.SUBMIT: {
        "title": _("Plan indienen"),
        "button": _("Indienen"),
        "done": _("Plan %(plan)s is ingediend. De programmamanager beoordeelt het."),
    },
    Action.APPROVE: {
        "title": _("Plan goedkeuren"),
        "button": _("Goedkeuren"),
        "label": _("Opmerking bij de goedkeuring"),
        "done": _("Plan %(plan)s is goedgekeurd."),
    },
    Action.RETURN: {
        "title": _("Plan terugsturen"),
        "button": _("Terugsturen"),
        "label": _("Wat moet de projectleider aanpassen?"),
        "required": True,
        "done": _("Plan %(plan)s is teruggestuurd naar de projectleider."),
    },
    Action.REVISE: {
        "title": _("Nieuwe versie maken"),
        "button": _("Nieuwe versie maken"),
        "label": _("Reden voor de nieuwe versie"),
        "required": True,
        "help": _("Het goedgekeurde plan blijft bewaard; de nieuwe versie wordt opnieuw ingediend en beoordeeld."),
        "done": _("Nieuwe versie van plan %(plan)s gemaakt. Pas het aan en dien het opnieuw in."),
    },
}


@programme_view()
@require_http_methods(["GET", "POST"])
def plan_action(request, programme, code, period, action):
    """Submit, approve, return or revise: the workflow decides who may, from which state."""
    try:
        action = Action(action)
    except ValueError as exc:
        raise Http404 from exc
    if action not in ACTION_TEXT:
        raise Http404
    project = _get_project(programme, code)
    plan = _plan(project, period)
    text = ACTION_TEXT[action]
    try:
        workflow.check(action, plan, request.user)
    except ValidationError as error:
        _refuse(request, error)
        return redirect(_plan_url(plan))
    form = None
    if "label" in text:
        form = CommentForm(
            request.POST or None,
            required=text.get("required", False),
            label=text["label"],
            help_text=text.get("help", ""),
        )
    if request.method == "POST" and (form is None or form.is_valid()):
        comment = form.cleaned_data["comment"] if form else ""
        try:
            if action is Action.SUBMIT:
                result = services.halfyear_plan_submit(plan=plan, user=request.user)
            elif action is Action.APPROVE:
                result = services.halfyear_plan_approve(plan=plan, user=request.user, comment=comment)
            elif action is Action.RETURN:
                result = services.halfyear_plan_return(plan=plan, user=request.user, comment=comment)
            else:
                result = services.halfyear_plan_revise(plan=plan, user=request.user, reason=comment)
        except ValidationError as error:
            if form is not None and hasattr(error, "error_dict"):
                form.add_error("comment", " ".join(error.messages))
            else:
                _refuse(request, error, _("Het plan is nog niet ingediend.") if action is Action.SUBMIT else "")
                return redirect(_plan_url(plan))
        else:
            messages.success(request, text["done"] % {"plan": result})
            return redirect(_plan_url(result))
    context = {"project": project, "plan": plan, "form": form, "text": text, "action": action}
    return render(request, "halfyear/action.html", context)


# ── evaluation ───────────────────────────────────────────────────────────────────────────────────────

GoalResultFormSet = formset_factory(GoalResultForm, extra=0)


@programme_view()
@require_http_methods(["GET", "POST"])
def evaluation_edit(request, programme, code, period):
    project = _get_project(programme, code)
    plan = services.latest_approved(project=project, period=period)
    if plan is None:
        raise Http404(
            _("Project %(code)s heeft geen goedgekeurd plan voor %(period)s.") % {"code": code, "period": period}
        )
    plan = _plan(project, period, plan.revision)
    evaluation = selectors.evaluation_of(plan)
    try:
        workflow.check_evaluation(plan, request.user, evaluation)
    except ValidationError as error:
        _refuse(request, error)
        return redirect(f"{_plan_url(plan)}?versie={plan.revision}")
    goals = list(plan.goals.all())
    form = EvaluationForm(request.POST or None, instance=evaluation, prefix="evaluatie")
    initial = [
        {"result": g.result, "value_reached": g.value_reached, "explanation": g.explanation, "lesson": g.lesson}
        for g in goals
    ]
    formset = GoalResultFormSet(request.POST or None, initial=initial, prefix="doel")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        results = [{"goal": goal, **sub.cleaned_data} for goal, sub in zip(goals, formset.forms, strict=True)]
        try:
            services.halfyear_evaluation_save(
                plan=plan, user=request.user, reflection=form.cleaned_data["reflection"], goal_results=results
            )
            if "indienen" in request.POST:
                services.halfyear_evaluation_submit(plan=plan, user=request.user)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            done = _("De evaluatie is ingediend.") if "indienen" in request.POST else _("De evaluatie is opgeslagen.")
            messages.success(request, done)
            return redirect(f"{_plan_url(plan)}?versie={plan.revision}")
    context = {
        "project": project,
        "plan": plan,
        "form": form,
        "goal_forms": list(zip(goals, formset.forms, strict=True)),
        "formset": formset,
    }
    return render(request, "halfyear/evaluation_form.html", context)


# ── goals across half-years, project status ──────────────────────────────────────────────────────────


@programme_view()
def goal_chain(request, programme, code, period, number):
    project = _get_project(programme, code)
    revision = request.GET.get("versie")
    plan = _plan(project, period, int(revision) if revision and revision.isdigit() else None)
    goal = next((goal for goal in plan.goals.all() if goal.number == number), None)
    if goal is None:
        raise Http404(_("Dit plan heeft geen doel %(number)s.") % {"number": number})
    chain = selectors.goal_chain(goal=goal)
    return render(request, "halfyear/goal_chain.html", {"project": project, "plan": plan, "goal": goal, "chain": chain})


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
