"""A load of concurrent edits on PostgreSQL loses nothing: people record spending on one budget line at the same
moment (each entry is kept, the total is their sum), some of them double-click (saved once), and several save
the same half-year plan from forms opened at the same version (exactly one wins, the others are told)."""

import re
import threading
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client

from budget.models import BudgetLine, SpendingEntry
from core import clock
from halfyear import services as halfyear_services
from halfyear.models import HalfYearPlan
from projects.demo.loader import DEMO_PASSWORD
from tests.urls import reverse

PEOPLE = 8


def _client(username):
    client = Client()
    client.post("/inloggen/", {"username": username, "password": DEMO_PASSWORD})
    return client


def _at_once(work, count):
    """Run work(index) in `count` threads released together; each thread has its own database connection."""
    start, errors = threading.Barrier(count), []

    def run(index):
        try:
            start.wait()
            work(index)
        except Exception as error:  # noqa: BLE001  reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors


@pytest.mark.django_db(transaction=True)
def test_concurrent_spending_and_plan_edits_lose_nothing(shipped_demo):
    if connection.vendor != "postgresql":
        pytest.skip("gelijktijdig schrijven wordt op PostgreSQL getest (CI zet DATABASE_URL=postgres://…)")
    current = type(shipped_demo).objects.get(region=shipped_demo.region, first_year=2026)
    # spending: the 2026–2029 budget has no amounts; the line takes spending in its years all the same
    line = BudgetLine.objects.filter(programme=current, project__code="3.2").first()
    url = reverse("spending_create", kwargs={"pk": line.pk}, programme=current)
    clients = [_client("programmamanager") for _ in range(PEOPLE)]
    day = f"{min(clock.today().year, 2029)}-01-15"  # a past day inside the programme

    def spend(index):
        client = clients[index]
        token = re.search(r'name="_verzending" value="([0-9a-f]+)"', client.get(url).content.decode())[1]
        data = {"date": day, "description": f"Inhuur {index}", "amount": f"{100 + index}", "_verzending": token}
        for _ in range(2 if index % 2 else 1):  # every second person double-clicks
            assert client.post(url, data).status_code == 302

    _at_once(spend, PEOPLE)
    entries = SpendingEntry.objects.filter(line=line, description__startswith="Inhuur ")
    assert entries.count() == PEOPLE
    assert sum(entry.amount for entry in entries) == Decimal(sum(100 + index for index in range(PEOPLE)))

    # the same plan saved from PEOPLE forms opened at one version: one is saved, every other one is refused
    project = current.projects.get(code="2.1")
    period = current.periods(clock.today()).half_year.next()
    plan = HalfYearPlan.objects.filter(project=project, period=str(period)).first()
    if plan is None:
        plan = halfyear_services.halfyear_plan_start(
            project=project, period=period, user=project.leaders.get(username="projectleider")
        )
    edit = reverse("halfyear_plan_edit", kwargs={"code": "2.1", "period": plan.period}, programme=current)
    leaders = [_client("projectleider") for _ in range(PEOPLE)]
    version = plan.version
    answers = []

    def save(index):
        response = leaders[index].post(
            edit,
            {
                "context": "",
                "aim": f"Doel van tabblad {index}",
                "lessons": "",
                "hours_requested": "0",
                "other_costs": "0",
                "version": version,
            },
        )
        stale = "Iemand anders heeft dit intussen gewijzigd" in response.content.decode()
        answers.append((index, response.status_code, stale))

    _at_once(save, PEOPLE)
    saved = [index for index, status, _stale in answers if status == 302]
    refused = [index for index, status, stale in answers if status == 200 and stale]
    assert len(saved) == 1 and len(refused) == PEOPLE - 1, answers
    plan.refresh_from_db()
    assert plan.aim == f"Doel van tabblad {saved[0]}" and plan.version == version + 1
