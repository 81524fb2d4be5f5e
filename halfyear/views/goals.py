"""SMART goals of a plan: add, edit, delete, and one goal followed across the half-years."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.forms import DeleteForm, add_service_error
from core.numbers import query_int
from projects.views import _get_project, programme_view

from .. import selectors, services
from ..forms import GoalForm
from ..models import SmartGoal
from .common import _editable_plan, _plan, _plan_url, _refuse


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
            services.smart_goal_save(
                goal=form.instance,
                user=request.user,
                reason=form.cleaned_data.get("reason", ""),
                expected_version=form.expected_version,
            )
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
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.smart_goal_delete(goal=goal, user=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("Doel %(number)s is verwijderd.") % {"number": number})
        return redirect(_plan_url(plan))
    context = {"project": plan.project, "plan": plan, "goal": goal, "cancel_url": _plan_url(plan), "form": form}
    return render(request, "halfyear/goal_delete.html", context)


@programme_view()
def goal_chain(request, programme, code, period, number):
    project = _get_project(programme, code)
    revision = request.GET.get("versie")
    plan = _plan(project, period, query_int(revision))
    goal = next((goal for goal in plan.goals.all() if goal.number == number), None)
    if goal is None:
        raise Http404(_("Dit plan heeft geen doel %(number)s.") % {"number": number})
    chain = selectors.goal_chain(goal=goal)
    return render(request, "halfyear/goal_chain.html", {"project": project, "plan": plan, "goal": goal, "chain": chain})
