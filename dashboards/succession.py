"""A programme's course through its period: starting the next one from it ("Volgend programma starten"),
making a concept the region's active programme, and closing it with its final report.

A new statutory period starts from the last plan, not from nothing: the next programme (a concept) gets the
themes, projects and activities, the partners and trekkers, the KPIs with their category and area and, when the
manager asks for it, the project leaders and everybody's roles. Each KPI proposes as its baseline the newest
definitive figure (its school year says from when). What belongs to a period stays behind: targets, budget
amounts, spending, half-year plans, statuses, meetings and reports. The budget gets the new period's years, its
blocks and lines, with empty amounts.

Closing asks for the final report: a published progress report of the programme, marked as its
eindrapportage; after that the programme is read-only (projects.permissions), its reports and PDFs stay.

Every part is written here because it crosses the apps below (projects, indicators, budget, halfyear); each app's own
rules (constraints, validation) still hold for every row."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from budget.models import BudgetLine, BudgetSection, BudgetSettings
from halfyear.models import CycleSettings
from indicators import selectors as indicator_selectors
from indicators.models import Indicator
from projects import permissions
from projects.models import Activity, Membership, Programme, Project, Region, Theme
from reports.models import ProgressReport

_PERIOD_IN_TITLE = re.compile(r"(\d{4})\s*[-–/]\s*(\d{4})")


def proposed_years(programme: Programme, this_year: int) -> tuple[int, int]:
    """The next period: four years from the year after the region's last programme (or from this year, when that is
    later)."""
    latest = Programme.objects.filter(region=programme.region).order_by("-last_year").values_list("last_year").first()
    first = max(latest[0] + 1, this_year)
    return first, first + 3


def proposed_title(programme: Programme, first_year: int, last_year: int) -> str:
    """The title with the new period in place of the old one ("Vervolgaanpak VSV 2026-2029")."""
    title, count = _PERIOD_IN_TITLE.subn(f"{first_year}-{last_year}", programme.title, count=1)
    return title if count else f"{programme.title} {first_year}-{last_year}"


def carry_over(programme: Programme) -> dict[str, int]:
    """How much of the programme the next one takes over, to show before it starts (five counts)."""
    return {
        "themes": Theme.objects.filter(programme=programme).count(),
        "projects": Project.objects.filter(programme=programme).count(),
        "activities": Activity.objects.filter(project__programme=programme).count(),
        "indicators": Indicator.objects.filter(programme=programme).count(),
        "budget_lines": BudgetLine.objects.filter(programme=programme).count(),
    }


def region_programmes(*, programme: Programme, user) -> list[Programme]:
    """The region's programmes the user has a role in (administrators: all), oldest period first."""
    programmes = Programme.objects.filter(region=programme.region).select_related("region")
    if not user.is_superuser:
        programmes = programmes.filter(memberships__user=user).distinct()
    return list(programmes.order_by("first_year"))


def final_report(*, programme: Programme) -> ProgressReport | None:
    return ProgressReport.objects.filter(programme=programme, is_final=True).first()


def newer_programme(programme: Programme) -> Programme | None:
    """The region's programme after this one, if there is one: the next period starts from that one, not from
    this one (else two programmes would carry the same projects forward)."""
    return (
        Programme.objects.filter(region=programme.region_id, first_year__gt=programme.last_year)
        .order_by("first_year")
        .first()
    )


def _lock_region(programme: Programme) -> None:
    """Starting or activating a programme reads the region's programmes, then writes: one at a time per region, so
    two at once end in the second one's message (overlap, already active), not in a database error."""
    Region.objects.select_for_update().filter(pk=programme.region_id).first()


def _check_period(programme: Programme, first_year: int, last_year: int, title: str) -> None:
    newer = newer_programme(programme)
    if newer is not None:
        raise ValidationError(
            _("%(title)s (%(period)s) volgt al op dit programma; start het volgende programma vanuit dat programma.")
            % {"title": newer.title, "period": newer.period_label}
        )
    errors = {}
    if first_year <= programme.last_year:
        errors["first_year"] = _("Het volgende programma begint na %(last)s, het laatste jaar van %(title)s.") % {
            "last": programme.last_year,
            "title": programme.title,
        }
    if last_year < first_year:
        errors["last_year"] = _("Het laatste jaar ligt vóór het eerste jaar.")
    others = Programme.objects.filter(region=programme.region)
    overlapping = others.filter(first_year__lte=last_year, last_year__gte=first_year).first()
    if overlapping is not None and "first_year" not in errors:
        errors["first_year"] = _("Deze jaren overlappen met %(title)s (%(period)s).") % {
            "title": overlapping.title,
            "period": overlapping.period_label,
        }
    if others.filter(title=title).exists():
        errors["title"] = _("Deze regio heeft al een programma met deze titel.")
    if errors:
        raise ValidationError(errors)


def _mark(instance, user, reason):
    """The history row of a copied row says who copied it and from where."""
    instance._history_user = user
    instance._change_reason = reason[:100]
    return instance


@transaction.atomic
def start_next_programme(
    *, programme: Programme, user, first_year: int, last_year: int, title: str = "", copy_people: bool = False
) -> Programme:
    """The next programme of `programme`'s region, as a concept, with what carries over (see the module)."""
    permissions.require_start_next(user, programme)
    _lock_region(programme)
    title = (title or "").strip() or proposed_title(programme, first_year, last_year)
    _check_period(programme, first_year, last_year, title)
    reason = _("Overgenomen uit %(title)s") % {"title": programme.title}

    successor = Programme(
        region=programme.region,
        title=title,
        first_year=first_year,
        last_year=last_year,
        status=Programme.Status.DRAFT,
        summary=programme.summary,
        contact_municipality=programme.contact_municipality,
        contact_school=programme.contact_school,
    )
    successor.full_clean()
    _mark(successor, user, reason).save()

    if copy_people:
        for membership in Membership.objects.filter(programme=programme):
            _mark(
                Membership(user_id=membership.user_id, programme=successor, role=membership.role), user, reason
            ).save()
    if not user.is_superuser:  # who starts it manages it, so somebody can open the concept
        Membership.objects.get_or_create(user=user, programme=successor, role=Membership.Role.PROGRAMME_MANAGER)

    themes = {}
    for theme in Theme.objects.filter(programme=programme).order_by("number"):
        copy = Theme(programme=successor, number=theme.number, title=theme.title, ambition=theme.ambition)
        themes[theme.pk] = _mark(copy, user, reason)
        copy.save()

    projects = {}
    source_projects = Project.objects.filter(programme=programme).prefetch_related(
        "leaders", "lead_organisations", "partners", "activities"
    )
    for project in source_projects.order_by("code"):
        copy = Project(
            programme=successor,
            theme=themes[project.theme_id],
            code=project.code,
            title=project.title,
            description=project.description,
            goal=project.goal,
            target_group=project.target_group,
        )
        _mark(copy, user, reason).save()
        copy.lead_organisations.set(project.lead_organisations.all())
        copy.partners.set(project.partners.all())
        if copy_people:
            copy.leaders.set(project.leaders.all())
        for activity in project.activities.all():
            _mark(
                Activity(
                    project=copy,
                    number=activity.number,
                    title=activity.title,
                    description=activity.description,
                    who=activity.who,
                    when=activity.when,
                ),
                user,
                reason,
            ).save()
        projects[project.pk] = copy

    indicators = list(
        Indicator.objects.filter(programme=programme)
        .select_related("programme__region", "category")
        .prefetch_related("projects")
        .order_by("position", "code")
    )
    baselines = indicator_selectors.latest_definitive_figures(indicators=indicators)
    for indicator in indicators:
        figure = baselines.get(indicator.pk)
        copy = Indicator(
            programme=successor,
            code=indicator.code,
            name=indicator.name,
            definition=indicator.definition,
            unit=indicator.unit,
            direction=indicator.direction,
            group=indicator.group,
            category=indicator.category,
            area_kind=indicator.area_kind,
            area_code=indicator.area_code,
            source=indicator.source,
            position=indicator.position,
            risk_margin_pct=indicator.risk_margin_pct,
            baseline=figure.value if figure else None,
            baseline_when=(_("schooljaar %(year)s, definitief") % {"year": figure.school_year} if figure else ""),
        )
        _mark(copy, user, reason).save()
        copy.projects.set([projects[project.pk] for project in indicator.projects.all()])

    cycle = CycleSettings.objects.filter(programme=programme).first()
    if cycle is not None:
        _mark(
            CycleSettings(
                programme=successor,
                plan_due_days_before=cycle.plan_due_days_before,
                evaluation_due_weeks_after=cycle.evaluation_due_weeks_after,
                reminder_days_before=cycle.reminder_days_before,
            ),
            user,
            reason,
        ).save()

    settings = BudgetSettings.objects.filter(programme=programme).first()
    if settings is not None:
        BudgetSettings.objects.create(
            programme=successor,
            first_year=first_year,
            last_year=last_year,
            hourly_rate=settings.hourly_rate,
            pace_behind_below_pct=settings.pace_behind_below_pct,
            pace_ahead_above_pct=settings.pace_ahead_above_pct,
            pace_far_ahead_above_pct=settings.pace_far_ahead_above_pct,
        )
        sections = {}
        for section in BudgetSection.objects.filter(programme=programme).order_by("position"):
            sections[section.pk] = BudgetSection.objects.create(
                programme=successor,
                position=section.position,
                title=section.title,
                theme=themes.get(section.theme_id),
                shows_total=section.shows_total,
                note=section.note,
            )
        for line in BudgetLine.objects.filter(programme=programme).order_by("section__position", "position", "pk"):
            _mark(
                BudgetLine(
                    programme=successor,
                    section=sections[line.section_id],
                    position=line.position,
                    description=line.description,
                    project=projects.get(line.project_id),
                    recipient=line.recipient,
                    kind=line.kind,
                ),
                user,
                reason,
            ).save()
    return successor


@transaction.atomic
def activate_programme(*, programme: Programme, user) -> Programme:
    """A concept becomes the region's active programme; the region's active one must be closed first."""
    permissions.require_manage(user, programme)
    _lock_region(programme)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.status != Programme.Status.DRAFT:
        raise ValidationError(_("Alleen een concept kan actief worden gemaakt."))
    active = Programme.objects.filter(region=programme.region, status=Programme.Status.ACTIVE).first()
    if active is not None:
        raise ValidationError(
            _("%(title)s is nog actief. Sluit dat programma eerst af; een regio heeft één actief programma.")
            % {"title": active.title}
        )
    programme.status = Programme.Status.ACTIVE
    _mark(programme, user, _("Actief gemaakt")).save()
    return programme


def final_report_choices(*, programme: Programme):
    """The reports a programme can close with: its published ones, newest quarter first."""
    return ProgressReport.objects.filter(programme=programme, status=ProgressReport.Status.PUBLISHED).order_by(
        "-period", "-version"
    )


@transaction.atomic
def close_programme(*, programme: Programme, user, final_report: ProgressReport, reason: str = "") -> Programme:
    """Close the programme with its final report: from then on it is read-only for everyone."""
    permissions.require_manage(user, programme)
    programme = Programme.objects.select_for_update().get(pk=programme.pk)
    if programme.status == Programme.Status.CLOSED:
        raise ValidationError(_("Dit programma is al afgesloten."))
    if programme.status != Programme.Status.ACTIVE:
        raise ValidationError(_("Een concept wordt niet afgesloten; alleen het actieve programma sluit u af."))
    if final_report is None or not final_report_choices(programme=programme).filter(pk=final_report.pk).exists():
        raise ValidationError(
            {"final_report": _("Kies een gepubliceerde rapportage van dit programma als eindrapportage.")}
        )
    # A programme reopened in the admin and closed again has one final report: the one chosen now.
    ProgressReport.objects.filter(programme=programme, is_final=True).update(is_final=False)
    ProgressReport.objects.filter(pk=final_report.pk).update(is_final=True)
    programme.status = Programme.Status.CLOSED
    _mark(programme, user, reason or _("Afgesloten met eindrapportage %(report)s") % {"report": final_report}).save()
    return programme
