"""The programme KPI a SMART goal of a half-year plan is measured by (issue 8).

The link lives here, not as a field on `projects.SmartGoal`, because `projects` may not depend on `indicators`.
`projects` asks for it through three signals (projects/signals.py), answered below and connected in
IndicatorsConfig.ready:

- `smart_goal_form_fields`: the goal form gets a "Gemeten met KPI" choice of the programme's KPIs;
- `smart_goal_saved`: the goal service saves the choice in its own transaction, with history (who, why);
- `smart_goals_copied`: a goal copied into the next half-year (PDCA) or a new plan version keeps its KPI.

The plan page shows the KPI through `{% goal_kpis %}` in templatetags/kpi.py (one query for all goals).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.models import HistoricalRecords

from halfyear.models import SmartGoal

from .models import Indicator

FIELD = "kpi"


class GoalIndicator(models.Model):
    goal = models.OneToOneField(
        SmartGoal, verbose_name=gettext_lazy("SMART-doel"), on_delete=models.CASCADE, related_name="kpi_link"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=gettext_lazy("KPI"), on_delete=models.PROTECT, related_name="goal_links"
    )
    history = HistoricalRecords()

    class Meta:
        app_label = "indicators"
        verbose_name = gettext_lazy("KPI van een SMART-doel")
        verbose_name_plural = gettext_lazy("KPI's van SMART-doelen")

    def __str__(self):
        return f"{self.goal} → {self.indicator}"

    def clean(self):
        if self.goal_id and self.indicator_id and self.goal.plan.project.programme_id != self.indicator.programme_id:
            raise ValidationError({"indicator": _("Kies een KPI van het programma van dit project.")})


def goal_kpis(goals) -> dict[int, Indicator]:
    """goal id → the KPI it is measured by, for any number of goals in one query."""
    ids = [goal.pk for goal in goals if goal.pk]
    links = GoalIndicator.objects.filter(goal_id__in=ids).select_related("indicator")
    return {link.goal_id: link.indicator for link in links}


def _write(link: GoalIndicator, *, user, reason: str, delete: bool = False) -> None:
    link._history_user = user
    link._change_reason = reason[:100] or None
    if delete:
        link.delete()
    else:
        link.full_clean()
        link.save()


# ── receivers of the signals in projects/signals.py ──────────────────────────────────────────────────


def goal_form_fields(sender, goal, **kwargs):
    field = forms.ModelChoiceField(
        label=_("KPI van het programma"),
        queryset=Indicator.objects.filter(programme_id=goal.plan.project.programme_id).order_by("position", "code"),
        required=False,
        empty_label=_("Geen KPI: alleen de eigen meting hierboven"),
        initial=goal_kpis([goal]).get(goal.pk),
        help_text=_(
            "Kies de KPI als dit doel bijdraagt aan een KPI van het programma en daarmee wordt gemeten; "
            "beschrijf hierboven hoe u het meet."
        ),
        error_messages={"invalid_choice": _("Kies een KPI uit de lijst.")},
    )
    field.label_from_instance = lambda indicator: indicator.name
    return {FIELD: field}


def goal_saved(sender, goal, user, data, **kwargs):
    if FIELD not in data:
        return
    indicator = data[FIELD]
    link = GoalIndicator.objects.filter(goal=goal).first()
    if indicator is None:
        if link is not None:
            _write(link, user=user, reason=_("KPI losgekoppeld"), delete=True)
        return
    if link is not None and link.indicator_id == indicator.pk:
        return
    link = link or GoalIndicator(goal=goal)
    link.indicator = indicator
    _write(link, user=user, reason=_("gemeten met KPI %(kpi)s") % {"kpi": indicator.name})


def goals_copied(sender, pairs, user, **kwargs):
    sources = [source.pk for source, _copy in pairs]
    links = dict(GoalIndicator.objects.filter(goal_id__in=sources).values_list("goal_id", "indicator_id"))
    for source, copy in pairs:
        if source.pk in links:
            _write(
                GoalIndicator(goal=copy, indicator_id=links[source.pk]),
                user=user,
                reason=_("overgenomen met het doel"),
            )
