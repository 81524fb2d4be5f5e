"""The evaluation of a half-year: the result per goal and the lessons for the next plan."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import formset_factory
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from core.forms import add_service_error
from projects.views import _get_project, programme_view

from .. import selectors, services, workflow
from ..forms import EvaluationForm, GoalResultForm
from .common import _plan, _plan_url, _refuse

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
    if request.method == "POST" and len(formset.forms) != len(goals):  # sent for other goals, or tampered
        form.add_error(None, _("Het formulier hoort niet meer bij de doelen van dit plan. Open de pagina opnieuw."))
        formset = GoalResultFormSet(initial=initial, prefix="doel")  # the plan's goals as they are
    elif request.method == "POST" and form.is_valid() and formset.is_valid():
        results = [{"goal": goal, **sub.cleaned_data} for goal, sub in zip(goals, formset.forms, strict=True)]
        try:
            services.halfyear_evaluation_save(
                plan=plan,
                user=request.user,
                reflection=form.cleaned_data["reflection"],
                goal_results=results,
                expected_version=form.expected_version,
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
