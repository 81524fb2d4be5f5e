"""The workflow steps on a plan (indienen, goedkeuren, terugsturen, herzien): who may is in workflow.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from projects.views import _get_project, programme_view

from .. import services, workflow
from ..forms import CommentForm
from ..workflow import Action
from .common import _plan, _plan_url, _refuse

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
