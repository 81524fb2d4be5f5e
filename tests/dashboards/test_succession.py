"""A programme's course through its period: "Volgend programma starten" copies what carries over and nothing else,
a concept becomes active only once the region's active programme is closed, and closing asks for the final
report."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from budget.models import BudgetAmount, BudgetChange, BudgetLine, BudgetSection, BudgetSettings, SpendingEntry
from dashboards import succession
from halfyear.models import CycleSettings, HalfYearPlan, ProjectStatus
from indicators.models import Figure, Indicator, Target
from projects.models import Activity, Membership, Programme, Project, Region, Theme
from reports import services as report_services
from reports.models import Meeting, ProgressReport
from tests.urls import reverse

MANAGER, STEERING = "programmamanager", "stuurgroep"


# The demo already holds the 2026–2029 programme started from 2020–2024. The service tests start 2020–2024's next
# programme (it has targets, amounts and plans to leave behind) once the example has moved to another region (the
# `example_elsewhere` fixture); they start it for 2030–2033, and check the years on their own.
FIRST, LAST = 2030, 2033


@pytest.fixture
def current_programme_of_demo(demo):
    """The 2026–2029 example (a concept under `demo`), the region's newest programme."""
    return Programme.objects.get(region=demo.region, first_year=2026)


@pytest.fixture
def example_elsewhere(demo):
    """The demo's 2026–2029 example programme moved to a region without programmes, inside the test's transaction:
    region 10 then has only 2020–2024, as before the example was started."""
    other = Region.objects.create(code="999", name="Testregio zonder programma's")
    Programme.objects.filter(region=demo.region, first_year=2026).update(region=other)
    return demo


def _start(demo, user, **options):
    return succession.start_next_programme(programme=demo, user=user, first_year=FIRST, last_year=LAST, **options)


def _plan(programme):
    """What a programme's plan holds, as comparable values."""
    projects = Project.objects.filter(programme=programme).order_by("code")
    return {
        "themes": list(Theme.objects.filter(programme=programme).values_list("number", "title", "ambition")),
        "projects": [
            (
                project.code,
                project.theme.number,
                project.title,
                project.goal,
                sorted(project.lead_organisations.values_list("name", flat=True)),
                sorted(project.partners.values_list("name", flat=True)),
                list(project.activities.order_by("number").values_list("number", "title", "who", "when")),
            )
            for project in projects
        ],
        "indicators": list(
            Indicator.objects.filter(programme=programme)
            .order_by("code")
            .values_list("code", "name", "category_id", "area_kind", "area_code", "unit", "direction", "group")
        ),
        "indicator_projects": sorted(
            (indicator.code, project.code)
            for indicator in Indicator.objects.filter(programme=programme)
            for project in indicator.projects.all()
        ),
        "sections": list(BudgetSection.objects.filter(programme=programme).values_list("position", "title")),
        "lines": list(
            BudgetLine.objects.filter(programme=programme)
            .order_by("section__position", "position", "description")
            .values_list("section__title", "description", "project__code", "recipient", "kind")
        ),
    }


@pytest.mark.usefixtures("example_elsewhere")
def test_the_next_programme_takes_over_the_plan_as_a_concept(demo, demo_user):
    before = _plan(demo)
    successor = _start(demo, demo_user(MANAGER))

    assert (successor.region, successor.first_year, successor.last_year) == (demo.region, FIRST, LAST)
    assert successor.status == Programme.Status.DRAFT
    assert successor.title == "Vervolgaanpak VSV 2030-2033" and successor.slug == "10-2030-2033"
    assert len(before["themes"]) == 5 and len(before["projects"]) == 11  # seed 004
    assert _plan(successor) == before
    assert _plan(demo) == before  # the old programme is untouched


@pytest.mark.usefixtures("example_elsewhere")
def test_what_belongs_to_a_period_stays_behind(demo, demo_user):
    assert Target.objects.filter(indicator__programme=demo).exists()
    assert BudgetAmount.objects.filter(line__programme=demo).exists()
    successor = _start(demo, demo_user(MANAGER))

    assert not Target.objects.filter(indicator__programme=successor).exists()
    assert not BudgetAmount.objects.filter(line__programme=successor).exists()
    for model, lookup in [
        (SpendingEntry, "line__programme"),
        (BudgetChange, "programme"),
        (HalfYearPlan, "project__programme"),
        (ProjectStatus, "project__programme"),
        (Meeting, "programme"),
        (ProgressReport, "programme"),
    ]:
        assert not model.objects.filter(**{lookup: successor}).exists(), model.__name__
    budget = BudgetSettings.objects.get(programme=successor)
    assert budget.years == [2030, 2031, 2032, 2033]
    assert budget.hourly_rate == BudgetSettings.objects.get(programme=demo).hourly_rate


@pytest.mark.usefixtures("example_elsewhere")
def test_each_baseline_is_the_newest_definitive_figure_with_its_school_year(demo, demo_user):
    successor = _start(demo, demo_user(MANAGER))
    proposed = 0
    for indicator in Indicator.objects.filter(programme=successor).select_related("programme__region"):
        area = indicator.area
        newest = (
            Figure.objects.filter(
                category=indicator.category,
                area_kind=area.kind,
                area_code=area.code,
                breakdown="",
                finality=Figure.Finality.DEFINITIVE,
            )
            .order_by("-school_year")
            .first()
        )
        if newest is None:
            assert indicator.baseline is None and indicator.baseline_when == ""
            continue
        proposed += 1
        assert indicator.baseline == newest.value
        assert indicator.baseline_when == f"schooljaar {newest.school_year}, definitief"
    assert proposed >= 1  # the demo has definitive figures, so at least one baseline is proposed


@pytest.mark.usefixtures("example_elsewhere")
def test_without_asking_only_the_starter_comes_along(demo, demo_user):
    manager = demo_user(MANAGER)
    alone = _start(demo, manager)
    assert list(Membership.objects.filter(programme=alone).values_list("user__username", "role")) == [
        (MANAGER, Membership.Role.PROGRAMME_MANAGER)
    ]
    assert not Project.objects.filter(programme=alone, leaders__isnull=False).exists()


@pytest.mark.usefixtures("example_elsewhere")
def test_people_and_roles_come_along_when_asked(demo, demo_user):
    together = _start(demo, demo_user(MANAGER), copy_people=True)
    roles = lambda programme: sorted(  # noqa: E731
        Membership.objects.filter(programme=programme).values_list("user__username", "role")
    )
    assert roles(together) == roles(demo)
    leaders = lambda programme: sorted(  # noqa: E731
        Project.objects.filter(programme=programme).values_list("code", "leaders__username")
    )
    assert leaders(together) == leaders(demo)


@pytest.mark.usefixtures("example_elsewhere")
def test_only_its_managers_start_the_next_programme_and_nothing_is_written_otherwise(demo, demo_user):
    count = Programme.objects.count()
    with pytest.raises(PermissionDenied, match="Alleen de programmamanagers van dit programma"):
        _start(demo, demo_user(STEERING))
    assert Programme.objects.count() == count


@pytest.mark.usefixtures("example_elsewhere")
def test_a_second_start_for_the_same_years_is_refused(demo, demo_user):
    """A double click, or a second manager: the programme has its successor, and the message names it."""
    _start(demo, demo_user(MANAGER))
    activities = Activity.objects.count()
    with pytest.raises(ValidationError, match=r"Vervolgaanpak VSV 2030-2033 \(2030–2033\) volgt al op dit programma"):
        _start(demo, demo_user(MANAGER), title="Een andere titel")
    assert Programme.objects.filter(region=demo.region).count() == 2  # 2020–2024 and this one
    assert Activity.objects.count() == activities


def test_only_the_regions_newest_programme_is_succeeded(demo, demo_user):
    """2020–2024 already has its successor (the demo's 2026–2029): a period after that one starts from that one,
    not from the old plan."""
    count = Programme.objects.count()
    with pytest.raises(ValidationError, match=r"Vervolgaanpak VSV 2026-2029 \(voorbeeld\) \(2026–2029\) volgt al"):
        _start(demo, demo_user(MANAGER))
    assert Programme.objects.count() == count


def test_the_cycle_settings_carry_over(demo, current_programme_of_demo, demo_user):
    CycleSettings.objects.update_or_create(
        programme=current_programme_of_demo,
        defaults={"plan_due_days_before": 21, "evaluation_due_weeks_after": 4, "reminder_days_before": 10},
    )
    successor = _start(current_programme_of_demo, demo_user(MANAGER))
    copied = CycleSettings.objects.get(programme=successor)
    assert (copied.plan_due_days_before, copied.evaluation_due_weeks_after, copied.reminder_days_before) == (21, 4, 10)


@pytest.mark.usefixtures("example_elsewhere")
@pytest.mark.parametrize(
    ("first", "last", "message"),
    [(2024, 2027, "begint na 2024"), (2031, 2030, "laatste jaar ligt vóór het eerste jaar")],
)
def test_a_period_that_does_not_follow_is_refused(demo, demo_user, first, last, message):
    with pytest.raises(ValidationError, match=message):
        succession.start_next_programme(programme=demo, user=demo_user(MANAGER), first_year=first, last_year=last)


@pytest.mark.usefixtures("example_elsewhere")
def test_a_closed_programme_can_still_be_succeeded(demo, demo_user):
    Programme.objects.filter(pk=demo.pk).update(status=Programme.Status.CLOSED)
    demo.refresh_from_db()
    assert _start(demo, demo_user(MANAGER)).status == Programme.Status.DRAFT


# ── pages ──────────────────────────────────────────────────────────────────────────────────────────────


def test_the_start_page_says_what_comes_along_and_starts_it(manager_client, current_programme_of_demo):
    start = reverse("programme_start_next", programme=current_programme_of_demo)
    page = manager_client.get(start)
    html = page.content.decode()
    assert page.status_code == 200
    assert "5 thema's" in html and "11 projecten" in html
    # after the region's latest programme (the demo's 2026–2029)
    assert 'value="2030"' in html and 'value="2033"' in html and "Vervolgaanpak VSV 2030-2033" in html

    response = manager_client.post(
        start, {"title": "Vervolgaanpak VSV 2030-2033", "first_year": "2030", "last_year": "2033"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/programmas/10-2030-2033/programma/"
    assert "is gestart als concept" in response.content.decode()
    again = manager_client.post(start, {"title": "Nog eens", "first_year": "2030", "last_year": "2033"}, follow=True)
    assert "Vervolgaanpak VSV 2030-2033 volgt al op dit programma" in again.content.decode()
    assert Programme.objects.filter(region=current_programme_of_demo.region).count() == 3


def test_an_older_programme_offers_no_start_and_its_start_page_points_on(manager_client, demo):
    assert "Volgend programma starten" not in manager_client.get(reverse("programme_detail")).content.decode()
    response = manager_client.get(reverse("programme_start_next"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("programme_detail")
    assert "Vervolgaanpak VSV 2026-2029 (voorbeeld) volgt al op dit programma" in response.content.decode()


def test_the_steering_group_cannot_start_a_programme(steering_client):
    assert steering_client.get(reverse("programme_start_next")).status_code == 403
    response = steering_client.post(reverse("programme_start_next"), {"title": "X", "first_year": "2026"})
    assert response.status_code == 403
    assert not Programme.objects.filter(first_year=2030).exists()


def test_wrong_years_on_the_form_get_a_dutch_message(manager_client, current_programme_of_demo):
    response = manager_client.post(
        reverse("programme_start_next", programme=current_programme_of_demo),
        {"title": "X", "first_year": "twintig", "last_year": "2029"},
    )
    assert response.status_code == 200 and "Voer een geheel getal in" in response.content.decode()


# ── activating and closing ─────────────────────────────────────────────────────────────────────────────


@pytest.fixture
def published(demo):
    """The demo's published report of 2024-K4, the final report it was closed with (`demo` reopened it)."""
    return ProgressReport.objects.get(programme=demo, period="2024-K4", status="gepubliceerd")


@pytest.mark.usefixtures("example_elsewhere")
def test_a_concept_becomes_active_only_after_the_active_one_is_closed(demo, demo_user, published):
    manager = demo_user(MANAGER)
    successor = _start(demo, manager)
    with pytest.raises(ValidationError, match="Vervolgaanpak VSV 2020-2024 is nog actief"):  # (`demo` opened it)
        succession.activate_programme(programme=successor, user=manager)

    succession.close_programme(programme=demo, user=manager, final_report=published)
    successor = succession.activate_programme(programme=Programme.objects.get(pk=successor.pk), user=manager)
    assert Programme.objects.get(pk=demo.pk).status == Programme.Status.CLOSED
    assert successor.status == Programme.Status.ACTIVE
    assert ProgressReport.objects.get(is_final=True, programme=demo) == published


def test_closing_asks_for_a_published_report_of_the_programme(manager_client, demo, demo_user):
    form = manager_client.get(reverse("programme_close")).content.decode()
    concept = report_services.report_create(programme=demo, user=demo_user(MANAGER), period="2024-K3")
    with pytest.raises(ValidationError, match="Kies een gepubliceerde rapportage"):
        succession.close_programme(programme=demo, user=demo_user(MANAGER), final_report=concept)
    assert Programme.objects.get(pk=demo.pk).status == Programme.Status.ACTIVE
    assert "2024-K4" in form  # the published report is offered, the concept is not
    assert "2024-K3" not in manager_client.get(reverse("programme_close")).content.decode()


def test_without_a_published_report_the_close_page_says_what_to_do_first(manager_client, demo):
    ProgressReport.objects.filter(programme=demo).update(status="concept")
    form = manager_client.get(reverse("programme_close")).content.decode()
    assert "Publiceer eerst de laatste voortgangsrapportage" in form
    assert 'name="final_report"' not in form


def test_closing_on_the_page_makes_the_programme_read_only(manager_client, demo, published):
    response = manager_client.post(reverse("programme_close"), {"final_report": published.pk})
    assert "Bevestig dat het programma daarna alleen nog te lezen is" in response.content.decode()
    assert Programme.objects.get(pk=demo.pk).status == Programme.Status.ACTIVE

    response = manager_client.post(reverse("programme_close"), {"final_report": published.pk, "confirm": "on"})
    assert response.status_code == 302
    assert Programme.objects.get(pk=demo.pk).status == Programme.Status.CLOSED
    page = manager_client.get(reverse("programme_detail")).content.decode()
    assert "Eindrapportage" in page and str(published) in page
    assert manager_client.get(reverse("programme_close")).status_code == 403  # closed: nothing more to close


def test_a_concept_is_not_closed(manager_client, current_programme_of_demo, demo_user):
    """Only the active programme is closed; a direct POST for the concept changes nothing."""
    with pytest.raises(ValidationError, match="Een concept wordt niet afgesloten"):
        succession.close_programme(programme=current_programme_of_demo, user=demo_user(MANAGER), final_report=None)
    assert Programme.objects.get(pk=current_programme_of_demo.pk).status == Programme.Status.DRAFT


# ── the KPI page across periods ────────────────────────────────────────────────────────────────────────


def test_the_kpi_page_of_the_next_programme_shows_the_series_with_each_periods_targets(
    current_programme, shipped_demo, manager_client, demo_user
):
    old_targets = dict(
        Target.objects.filter(indicator__programme=shipped_demo, indicator__code="mbo-niveau-3").values_list(
            "school_year", "value"
        )
    )
    assert old_targets  # seed 004's streefcijfers
    indicator = Indicator.objects.get(programme=current_programme, code="mbo-niveau-3")
    Target.objects.create(indicator=indicator, school_year="2027-2028", value="3.00")

    html = manager_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"}, programme=current_programme))
    html = html.content.decode()
    assert html.count("streefcijfer programma 2020–2024") == len(old_targets)  # a row per old target, marked
    assert "streefcijfer 2020–2024" in html and "streefcijfer 2026–2029" in html  # the chart's two target series
    assert "landelijke norm" in html
    # the figures run on: every definitive and provisional figure of the region is in the table, whatever period
    figures = Figure.objects.filter(category_id="mbo-niveau-3", area_kind="regio", area_code="10", breakdown="")
    for year in figures.values_list("school_year", flat=True):
        assert f">{year}<span" in html, year
