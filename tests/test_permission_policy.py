"""One policy: every service that writes checks the user's right itself, so a write from a command, a task or a
future API meets the same rule as one from a page. Each service is called directly, without a view: a stuurgroep
member and the leader of another project are refused (PermissionDenied, nothing in the database changes), the
allowed role succeeds. The system paths (demo loader, scheduled import) pass without a user."""

from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from budget import services as budget_services
from budget.models import BudgetChange, BudgetLine, SpendingEntry
from core.periods import HalfYear
from dashboards import succession
from halfyear import services as halfyear_services
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from indicators import services as kpi_services
from indicators.importers import runs
from indicators.models import Figure, ImportRun, Indicator, Target
from projects import services as plan_services
from projects.models import Activity, Membership, Programme, Project, Theme
from reports import services as report_services
from reports.models import Meeting, ProgressReport
from tests.factories import UserFactory
from tests.halfyear.conftest import complete

MANAGER, STEERING, LEADER = "programmamanager", "stuurgroep", "projectleider"  # `projectleider` leads 2.1 and 3.2
APPS = ("projects", "indicators", "budget", "halfyear", "reports")
TODAY = date(2024, 6, 30)  # inside the demo budget's last year


def _snapshot():
    """Every row of the plan's apps, history and link tables included: equal snapshots mean nothing was written."""
    rows = {}
    for app in APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            rows[model._meta.label] = list(model._base_manager.order_by("pk").values_list())
    return rows


@pytest.fixture
def other_leader(demo):
    """A project leader in the programme who leads 1.1, and none of the projects the tests write to."""
    user = UserFactory(username="leider-elders")
    Membership.objects.create(user=user, programme=demo, role=Membership.Role.PROJECT_LEADER)
    Project.objects.get(programme=demo, code="1.1").leaders.add(user)
    return user


@pytest.fixture
def refused(demo_user, other_leader):
    """Call `write(user)` as a stuurgroep member and as the other project's leader (or as `users`): each refused
    with the Dutch message, and nothing in the database changed."""

    def check(write, message=None, users=None):
        before = _snapshot()
        for user in users or (demo_user(STEERING), other_leader):
            with pytest.raises(PermissionDenied, match=message):
                write(user)
            assert _snapshot() == before, user.username

    return check


# ── projects ─────────────────────────────────────────────────────────────────────────────────────────

ONLY_MANAGERS = "Alleen programmamanagers mogen dit wijzigen."
ACTIVITY_RIGHTS = "Alleen programmamanagers en de projectleiders van dit project mogen dit wijzigen."


def test_theme_save(demo, demo_user, refused):
    def write(user):
        theme = Theme.objects.get(programme=demo, number=2)
        theme.title = "Gewijzigd thema"
        return plan_services.theme_save(theme=theme, user=user, reason="test")

    refused(write, ONLY_MANAGERS)
    refused(lambda user: plan_services.theme_save(theme=Theme(programme=demo, number=99, title="Nieuw"), user=user))
    write(demo_user(MANAGER))
    assert Theme.objects.get(programme=demo, number=2).title == "Gewijzigd thema"


def test_project_save(demo, demo_user, refused, other_leader):
    def write(user):
        project = Project.objects.get(programme=demo, code="2.1")
        project.title = "Gewijzigd project"
        return plan_services.project_save(project=project, user=user, leaders=[other_leader], reason="test")

    refused(write, ONLY_MANAGERS)
    write(demo_user(MANAGER))
    project = Project.objects.get(programme=demo, code="2.1")
    assert project.title == "Gewijzigd project" and list(project.leaders.all()) == [other_leader]


def test_activity_save(demo, demo_user, refused):
    def write(user):
        activity = Activity.objects.get(project__programme=demo, project__code="2.1", number=1)
        activity.title = "Gewijzigde activiteit"
        return plan_services.activity_save(activity=activity, user=user, reason="test")

    refused(write, ACTIVITY_RIGHTS)
    write(demo_user(LEADER))  # the leader of 2.1
    assert Activity.objects.get(project__programme=demo, project__code="2.1", number=1).title == "Gewijzigde activiteit"


def test_activity_delete(demo, demo_user, refused):
    def write(user):
        activity = Activity.objects.get(project__programme=demo, project__code="2.1", number=1)
        plan_services.activity_delete(activity=activity, user=user, reason="test")

    refused(write, ACTIVITY_RIGHTS)
    write(demo_user(LEADER))
    assert not Activity.objects.filter(project__programme=demo, project__code="2.1", number=1).exists()


# ── indicators ───────────────────────────────────────────────────────────────────────────────────────


def _indicator(demo) -> Indicator:
    return Indicator.objects.get(programme=demo, code="mbo-niveau-4")


def test_indicator_update(demo, demo_user, refused):
    def write(user):
        indicator = _indicator(demo)
        indicator.definition = "Gewijzigd"
        return kpi_services.indicator_update(indicator=indicator, user=user, projects=[], reason="test")

    refused(write, ONLY_MANAGERS)
    write(demo_user(MANAGER))
    assert _indicator(demo).definition == "Gewijzigd" and not _indicator(demo).projects.exists()


def test_target_save(demo, demo_user, refused):
    def write(user):
        target = Target(indicator=_indicator(demo), school_year="2029-2030", value=Decimal("2.5"))
        return kpi_services.target_save(target=target, user=user, reason="test")

    refused(write, ONLY_MANAGERS)
    write(demo_user(MANAGER))
    assert Target.objects.filter(indicator=_indicator(demo), school_year="2029-2030").exists()


def test_target_delete(demo, demo_user, refused):
    def write(user):
        kpi_services.target_delete(target=_indicator(demo).targets.first(), user=user, reason="test")

    before = _indicator(demo).targets.count()
    refused(write, ONLY_MANAGERS)
    write(demo_user(MANAGER))
    assert _indicator(demo).targets.count() == before - 1


OWN_REGION_FIGURES = "Alleen de programmamanagers van de eigen regio en de gegevensbeheerders"


def test_figure_save(demo, demo_user, refused):
    def write(user, region="10"):
        figure = Figure(
            category_id="mbo-niveau-3", area_kind="regio", area_code=region, school_year="2029-2030", value=3
        )
        return kpi_services.figure_save(figure=figure, programme=demo, user=user, reason="test")

    refused(write, OWN_REGION_FIGURES)
    # a shared fact of another region: not even the programme's own managers
    refused(lambda user: write(user, region="11"), OWN_REGION_FIGURES, users=[demo_user(MANAGER)])
    saved = write(demo_user(MANAGER))
    assert (saved.source, saved.entered_by.username, saved.programme) == (Figure.Source.HAND, MANAGER, demo)


# ── DUO import runs: programme managers (their own runs) and data stewards; user=None is the system ─────────

IMPORTERS = "Alleen programmamanagers en gegevensbeheerders mogen cijfers importeren."
OWN_RUNS = "Deze import is van een ander programma."


def _create(user, source=ImportRun.Source.UPLOAD, status=ImportRun.Status.PREVIEW, programme=None):
    if programme is None and user is not None:
        from projects.models import Programme

        programme = Programme.objects.get(title="Vervolgaanpak VSV 2020-2024")
    return runs.import_run_create(
        kind=ImportRun.Kind.FIGURES,
        data=b"x",
        file_name="vsv.csv",
        source=source,
        user=user,
        status=status,
        programme=programme,
    )


def test_import_run_create(demo, demo_user, refused):
    refused(_create, IMPORTERS)
    refused(lambda user: _create(user, source=ImportRun.Source.SCHEDULED))  # a user given is checked, any source
    with pytest.raises(PermissionDenied):
        _create(None)  # an upload always has a person behind it
    assert not ImportRun.objects.exclude(source=ImportRun.Source.DEMO).exists()
    run = _create(demo_user(MANAGER))
    assert (run.status, run.created_by.username, run.programme) == (ImportRun.Status.PREVIEW, MANAGER, demo)


@pytest.mark.parametrize("source", [ImportRun.Source.SCHEDULED, ImportRun.Source.COMMAND, ImportRun.Source.DEMO])
def test_import_run_create_by_the_system(demo, source):
    run = _create(None, source=source, status=ImportRun.Status.QUEUED)
    assert (run.source, run.status, run.created_by) == (source, ImportRun.Status.QUEUED, None)


def test_import_run_confirm(demo, demo_user, refused, django_capture_on_commit_callbacks):
    run = _create(demo_user(MANAGER))
    refused(lambda user: runs.import_run_confirm(run=run, user=user), OWN_RUNS)
    with django_capture_on_commit_callbacks() as callbacks:  # the task is queued, not run
        runs.import_run_confirm(run=run, user=demo_user(MANAGER))
    run.refresh_from_db()
    assert run.status == ImportRun.Status.QUEUED and len(callbacks) == 1


def test_import_run_cancel(demo, demo_user, refused):
    run = _create(demo_user(MANAGER))
    refused(lambda user: runs.import_run_cancel(run=run, user=user), OWN_RUNS)
    runs.import_run_cancel(run=run, user=demo_user(MANAGER))
    assert ImportRun.objects.get(pk=run.pk).status == ImportRun.Status.CANCELLED


# ── budget ───────────────────────────────────────────────────────────────────────────────────────────


def _line(demo, description) -> BudgetLine:
    return BudgetLine.objects.get(programme=demo, description=description)


VERZUIM = "Verzuimaanpak 3.0"  # a line of 3.2, which `projectleider` leads
REGELRUIMTE = "Regelruimte nieuwe maatregelen"


def test_spending_record(demo, demo_user, refused):
    def write(user):
        return budget_services.spending_record(
            line=_line(demo, VERZUIM),
            user=user,
            date=date(2024, 3, 1),
            description="Inhuur",
            amount=Decimal(100),
            today=TODAY,
        )

    refused(write, "Alleen programmamanagers en de projectleiders van het project van deze regel")
    write(demo_user(LEADER))
    assert SpendingEntry.objects.get().recorded_by.username == LEADER


def test_budget_change_propose(demo, demo_user, refused, other_leader):
    def write(user):
        return budget_services.budget_change_propose(
            programme=demo,
            user=user,
            from_line=_line(demo, REGELRUIMTE),
            to_line=_line(demo, VERZUIM),
            year=2024,
            amount=Decimal(1000),
            reason="Extra consulent",
        )

    refused(write)
    with pytest.raises(PermissionDenied, match="Alleen programmamanagers en projectleiders mogen"):
        write(demo_user(STEERING))
    with pytest.raises(PermissionDenied, match="alleen wijzigingen voorstellen voor regels van de eigen projecten"):
        write(other_leader)
    assert write(demo_user(LEADER)).status == BudgetChange.Status.PROPOSED


def test_budget_change_decide(demo, demo_user, refused):
    change = budget_services.budget_change_propose(
        programme=demo,
        user=demo_user(MANAGER),
        from_line=_line(demo, REGELRUIMTE),
        to_line=_line(demo, VERZUIM),
        year=2024,
        amount=Decimal(1000),
        reason="Extra consulent",
    )

    def write(user):
        return budget_services.budget_change_decide(change=change, user=user, approve=True, decided_on=TODAY)

    refused(write, "Alleen programmamanagers keuren begrotingswijzigingen goed of af.")
    with pytest.raises(PermissionDenied):
        write(demo_user(LEADER))  # not even the leader of the line's project
    assert write(demo_user(MANAGER)).status == BudgetChange.Status.APPROVED


# ── half-year cycle ──────────────────────────────────────────────────────────────────────────────────

WRITES_THE_PLAN = "Alleen de projectleiders van dit project schrijven het halfjaarplan."


@pytest.fixture
def current():
    return HalfYear.for_date(timezone.localdate())


@pytest.fixture
def concept(demo, current):
    """The demo's concept plan of 2.1 (led by `projectleider`) for the next half-year, completed."""
    return complete(HalfYearPlan.objects.get(project__code="2.1", period=str(current.next())))


@pytest.fixture
def approved(demo, current):
    """The demo's approved plan of 2.1 for this half-year."""
    return HalfYearPlan.objects.get(project__code="2.1", period=str(current))


def _plan(plan) -> HalfYearPlan:
    return HalfYearPlan.objects.get(pk=plan.pk)


def test_halfyear_plan_start(demo, demo_user, refused, current):
    # next half-year's plan: in the 2026–2029 programme (2020–2024 refuses a half-year outside its period)
    project = Project.objects.get(programme__region=demo.region, programme__first_year=2026, code="3.2")

    def write(user):
        return halfyear_services.halfyear_plan_start(project=project, period=current.next(), user=user)

    refused(write, WRITES_THE_PLAN)
    assert write(demo_user(LEADER)).status == HalfYearPlan.Status.CONCEPT


def test_halfyear_plan_update(demo_user, refused, concept):
    def write(user):
        plan = _plan(concept)
        plan.context = "Gewijzigde context"
        return halfyear_services.halfyear_plan_update(plan=plan, user=user, reason="test")

    refused(write, WRITES_THE_PLAN)
    write(demo_user(LEADER))
    assert _plan(concept).context == "Gewijzigde context"


def test_halfyear_plan_submit(demo_user, refused, concept):
    def write(user):
        return halfyear_services.halfyear_plan_submit(plan=_plan(concept), user=user)

    refused(write, "Alleen de projectleiders van dit project dienen het halfjaarplan in.")
    assert write(demo_user(LEADER)).status == HalfYearPlan.Status.SUBMITTED


@pytest.mark.parametrize(
    ("step", "message", "status"),
    [
        ("approve", "Alleen programmamanagers keuren een halfjaarplan goed.", HalfYearPlan.Status.APPROVED),
        ("return", "Alleen programmamanagers sturen een halfjaarplan terug.", HalfYearPlan.Status.RETURNED),
    ],
)
def test_halfyear_plan_approve_and_return(demo_user, refused, concept, step, message, status):
    submitted = halfyear_services.halfyear_plan_submit(plan=concept, user=demo_user(LEADER))
    service = getattr(halfyear_services, f"halfyear_plan_{step}")

    def write(user):
        return service(plan=_plan(submitted), user=user, comment="Toelichting")

    refused(write, message, users=(demo_user(STEERING), demo_user(LEADER)))  # not the plan's own leader either
    assert write(demo_user(MANAGER)).status == status


def test_halfyear_plan_revise(demo_user, refused, approved):
    def write(user):
        return halfyear_services.halfyear_plan_revise(plan=_plan(approved), user=user, reason="Nieuwe school")

    refused(write, "Alleen de projectleiders van dit project maken een nieuwe versie van het plan.")
    assert write(demo_user(LEADER)).revision == approved.revision + 1


def test_smart_goal_save(demo_user, refused, concept):
    def write(user):
        goal = concept.goals.get(number=1)
        goal.description = "Gewijzigd doel"
        return halfyear_services.smart_goal_save(goal=goal, user=user, reason="test")

    refused(write, WRITES_THE_PLAN)
    write(demo_user(LEADER))
    assert concept.goals.get(number=1).description == "Gewijzigd doel"


def test_smart_goal_delete(demo_user, refused, concept):
    def write(user):
        halfyear_services.smart_goal_delete(goal=concept.goals.get(number=1), user=user)

    refused(write, WRITES_THE_PLAN)
    write(demo_user(LEADER))
    assert not concept.goals.filter(number=1).exists()


def _evaluate(plan, user):
    results = [{"goal": goal, "result": "behaald", "value_reached": goal.target_value} for goal in plan.goals.all()]
    return halfyear_services.halfyear_evaluation_save(
        plan=_plan(plan), user=user, reflection="Goed halfjaar.", goal_results=results, today=plan.period_obj.end
    )


def test_halfyear_evaluation_save(demo_user, refused, approved):
    refused(lambda user: _evaluate(approved, user), "Alleen de projectleiders van dit project schrijven de evaluatie.")
    assert _evaluate(approved, demo_user(LEADER)).reflection == "Goed halfjaar."
    assert set(approved.goals.values_list("result", flat=True)) == {SmartGoal.Result.MET}


def test_halfyear_evaluation_submit(demo_user, refused, approved):
    _evaluate(approved, demo_user(LEADER))

    def write(user):
        return halfyear_services.halfyear_evaluation_submit(
            plan=_plan(approved), user=user, today=approved.period_obj.end
        )

    refused(write, "Alleen de projectleiders van dit project schrijven de evaluatie.")
    assert write(demo_user(LEADER)).status == HalfYearEvaluation.Status.SUBMITTED


def test_project_status_record(demo, demo_user, refused):
    def write(user):
        return halfyear_services.project_status_record(
            project=Project.objects.get(programme=demo, code="2.1"), user=user, status="risico", explanation="Krap."
        )

    refused(write, "Alleen programmamanagers en de projectleiders van dit project leggen de status vast.")
    assert write(demo_user(LEADER)).recorded_by.username == LEADER
    assert ProjectStatus.objects.filter(project__code="2.1", explanation="Krap.").count() == 1


# ── meetings and reports ─────────────────────────────────────────────────────────────────────────────


@pytest.fixture
def concept_report(demo, demo_user):
    return report_services.report_create(programme=demo, user=demo_user(MANAGER), period="2024-K2", highlights="Oud")


@pytest.fixture
def published_report(concept_report, demo_user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():  # the e-mail task is not sent
        return report_services.report_publish(report=concept_report, user=demo_user(MANAGER))


def test_meeting_save(demo, demo_user, refused):
    def write(user):
        meeting = Meeting(programme=demo, kind=Meeting.Kind.values[0], date=date(2027, 1, 10))
        return report_services.meeting_save(meeting=meeting, user=user, reason="test")

    refused(write, ONLY_MANAGERS)
    assert write(demo_user(MANAGER)).pk


def test_meeting_delete(demo, demo_user, refused):
    meeting = Meeting.objects.create(programme=demo, kind=Meeting.Kind.values[0], date=date(2024, 3, 4))
    refused(lambda user: report_services.meeting_delete(meeting=meeting, user=user, reason="test"), ONLY_MANAGERS)
    report_services.meeting_delete(meeting=Meeting.objects.get(pk=meeting.pk), user=demo_user(MANAGER))
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_report_create(demo, demo_user, refused):
    def write(user):
        return report_services.report_create(programme=demo, user=user, period="2024-K2")

    refused(write, ONLY_MANAGERS)
    assert write(demo_user(MANAGER)).status == ProgressReport.Status.DRAFT


def test_report_update(demo_user, refused, concept_report):
    def write(user):
        report = ProgressReport.objects.get(pk=concept_report.pk)
        report.highlights = "Nieuw"
        return report_services.report_update(report=report, user=user, reason="test")

    refused(write, ONLY_MANAGERS)
    write(demo_user(MANAGER))
    assert ProgressReport.objects.get(pk=concept_report.pk).highlights == "Nieuw"


def test_report_publish(demo_user, refused, concept_report, django_capture_on_commit_callbacks):
    def write(user):
        return report_services.report_publish(report=ProgressReport.objects.get(pk=concept_report.pk), user=user)

    refused(write, ONLY_MANAGERS)
    with django_capture_on_commit_callbacks() as callbacks:
        assert write(demo_user(MANAGER)).is_published
    assert len(callbacks) == 1  # the stuurgroep's e-mail, only for the real publication


def test_report_correct(demo_user, refused, published_report):
    def write(user):
        return report_services.report_correct(report=published_report, user=user, reason="Cijfer hersteld")

    refused(write, ONLY_MANAGERS)
    assert write(demo_user(MANAGER)).version == published_report.version + 1


def test_report_comment_add(demo_user, refused, other_leader, published_report):
    def write(user):
        return report_services.report_comment_add(report=published_report, user=user, kind="reactie", text="Prima.")

    # The stuurgroep is the role that comments here: the project leaders are refused.
    refused(write, "Alleen leden van de stuurgroep en programmamanagers reageren", (demo_user(LEADER), other_leader))
    assert write(demo_user(STEERING)).author.username == STEERING


def test_a_figure_entered_by_hand_for_one_programme_is_changed_by_that_programmes_managers_only(demo, demo_user):
    """Two programmes of one region share its figures; a series one of them keeps by hand is that one's."""
    from projects.models import Programme

    older = Programme.objects.get(region=demo.region, first_year=2026)  # the demo's next programme (a concept here)
    other_manager = UserFactory(username="pm-oud")
    Membership.objects.create(user=other_manager, programme=older, role=Membership.Role.PROGRAMME_MANAGER)
    figure = kpi_services.figure_save(
        figure=Figure(category_id="mbo-niveau-3", area_kind="regio", area_code="10", school_year="2029-2030", value=3),
        programme=demo,
        user=demo_user(MANAGER),
    )
    figure.value = 5
    with pytest.raises(PermissionDenied, match="met de hand ingevoerd voor een ander programma"):
        kpi_services.figure_save(figure=figure, programme=older, user=other_manager, reason="anders")
    figure.refresh_from_db()
    assert figure.value == 3 and figure.programme == demo
    figure.value = 4
    kpi_services.figure_save(figure=figure, programme=demo, user=demo_user(MANAGER), reason="gecorrigeerd")
    figure.refresh_from_db()
    assert figure.value == 4


# ── the programme's course: the next one, activating, closing ──────────────────────────────────────────

MANAGERS_ONLY = "Alleen programmamanagers mogen dit wijzigen."


@pytest.fixture
def example(demo):
    """The region's 2026–2029 programme, a concept under `demo` (which reopened 2020–2024)."""
    return Programme.objects.get(region=demo.region, first_year=2026)


def test_programme_start_next(demo_user, refused, example):
    def write(user):
        return succession.start_next_programme(programme=example, user=user, first_year=2030, last_year=2033)

    refused(write, "Alleen de programmamanagers van dit programma starten het volgende programma.")
    assert write(demo_user(MANAGER)).status == Programme.Status.DRAFT


def test_programme_activate(demo, demo_user, refused, example):
    Programme.objects.filter(pk=demo.pk).update(status=Programme.Status.CLOSED)

    def write(user):
        return succession.activate_programme(programme=example, user=user)

    refused(write, MANAGERS_ONLY)
    assert write(demo_user(MANAGER)).status == Programme.Status.ACTIVE


def test_programme_close(demo, demo_user, refused):
    final = ProgressReport.objects.get(programme=demo, period="2024-K4", status=ProgressReport.Status.PUBLISHED)

    def write(user):
        return succession.close_programme(programme=demo, user=user, final_report=final)

    refused(write, MANAGERS_ONLY)
    assert write(demo_user(MANAGER)).status == Programme.Status.CLOSED


# ── a closed programme is read-only for everyone ─────────────────────────────────────────────────────

CLOSED = "Dit programma is afgesloten: het is alleen nog te lezen."


def test_a_closed_programme_refuses_every_write_of_every_role(
    demo, demo_user, concept, approved, published_report, current
):
    """The roles that may write in an open programme (the tests above) are each refused once it is closed, with
    one Dutch message, and nothing in the database changes; reading stays allowed."""
    manager, leader, steering = demo_user(MANAGER), demo_user(LEADER), demo_user(STEERING)
    submitted = halfyear_services.halfyear_plan_submit(plan=concept, user=leader)
    change = budget_services.budget_change_propose(
        programme=demo,
        user=manager,
        from_line=_line(demo, REGELRUIMTE),
        to_line=_line(demo, VERZUIM),
        year=2024,
        amount=Decimal(1000),
        reason="Extra consulent",
    )
    # Both programmes of the region: the half-year plans are the 2026–2029 programme's, the rest 2020–2024's.
    type(demo).objects.filter(region=demo.region).exclude(pk=demo.pk).update(status=demo.Status.CLOSED)
    demo.status = demo.Status.CLOSED
    demo.save()
    demo = type(demo).objects.get(pk=demo.pk)
    theme = Theme.objects.get(programme=demo, number=2)
    project = Project.objects.get(programme=demo, code="2.1")
    activity = Activity.objects.get(project=project, number=1)
    figure = Figure(category_id="mbo-niveau-3", area_kind="regio", area_code="10", school_year="2029-2030", value=3)
    report = ProgressReport.objects.get(pk=published_report.pk)  # as a request would load it: closed programme
    writes = {
        "theme": lambda: plan_services.theme_save(theme=theme, user=manager, reason="x"),
        "project": lambda: plan_services.project_save(project=project, user=manager, reason="x"),
        "activity (leader)": lambda: plan_services.activity_save(activity=activity, user=leader, reason="x"),
        "indicator": lambda: kpi_services.indicator_update(indicator=_indicator(demo), user=manager, reason="x"),
        "target": lambda: kpi_services.target_save(
            target=Target(indicator=_indicator(demo), school_year="2029-2030", value=1), user=manager
        ),
        "figure": lambda: kpi_services.figure_save(figure=figure, programme=demo, user=manager, reason="x"),
        "import": lambda: _create(manager, programme=demo),
        "spending (leader)": lambda: budget_services.spending_record(
            line=_line(demo, VERZUIM), user=leader, date=date(2024, 3, 1), description="x", amount=1, today=TODAY
        ),
        "budget change": lambda: budget_services.budget_change_propose(
            programme=demo,
            user=manager,
            from_line=_line(demo, REGELRUIMTE),
            to_line=_line(demo, VERZUIM),
            year=2024,
            amount=Decimal(1),
            reason="x",
        ),
        "decide": lambda: budget_services.budget_change_decide(
            change=change, user=manager, approve=True, decided_on=TODAY
        ),
        "status (leader)": lambda: halfyear_services.project_status_record(
            project=project, user=leader, status="risico", explanation="x"
        ),
        "plan start (leader)": lambda: halfyear_services.halfyear_plan_start(
            project=Project.objects.get(programme=demo, code="3.2"), period=current.next(), user=leader
        ),
        "plan approve": lambda: halfyear_services.halfyear_plan_approve(plan=_plan(submitted), user=manager),
        "evaluation (leader)": lambda: _evaluate(approved, leader),
        "meeting": lambda: report_services.meeting_save(
            meeting=Meeting(programme=demo, kind=Meeting.Kind.values[0], date=date(2027, 1, 11)), user=manager
        ),
        "report": lambda: report_services.report_update(report=report, user=manager, reason="x"),
        "comment (stuurgroep)": lambda: report_services.report_comment_add(
            report=report, user=steering, kind="reactie", text="x"
        ),
    }
    before = _snapshot()
    for name, write in writes.items():
        with pytest.raises(PermissionDenied, match=CLOSED):
            write()
        assert _snapshot() == before, name
