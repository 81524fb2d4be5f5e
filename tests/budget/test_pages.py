"""What users see and may do on /begroting/: the seed's table, exports a spreadsheet reads as numbers,
permissions by URL and by form tampering, and a fixed number of queries."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budget import services
from budget.models import BudgetAmount, BudgetChange, BudgetLine, BudgetSection, SpendingEntry
from tests.urls import reverse

from .conftest import TODAY

ANON, MANAGER, STEERING, LEADER = None, "programmamanager", "stuurgroep", "projectleider"
# What the 403 page tells a user who may not do it.
NO_SPENDING = (
    "Alleen programmamanagers en de projectleiders van het project van deze regel mogen hier bestedingen vastleggen."
)
NO_DECISION = "Alleen programmamanagers keuren begrotingswijzigingen goed of af."
NO_CHANGE = "Alleen programmamanagers en projectleiders mogen een begrotingswijziging voorstellen."
NOT_OWN_LINES = "Een projectleider kan alleen wijzigingen voorstellen voor regels van de eigen projecten."


def test_overview_shows_the_seed_table(steering_client):
    html = steering_client.get(reverse("budget_overview")).content.decode()
    for text in [
        "Werkbudget programma contactgemeente Zwolle",
        "1. Ondersteunen en versterken LOB",
        "Excl.Plusvoorziening",
        "€ 871.342",
        "€ 912.630",
        "€ 846.342",
        "€ 833.842",
        "€ 3.464.156",
        "Tbv contactgemeente Zwolle",
        "€ 599.500",
        "€ 2.376.788",
        "€ 173.788",
        "€ 48.788",
    ]:
        assert text in html, text
    assert "3.464.156,00" not in html and "2.024" not in html  # whole euros; years without a separator


def test_overview_and_project_page_show_spending_and_pace(manager_client, demo, line, demo_user):
    services.spending_record(
        line=line("Verzuimaanpak 3.0"),
        user=demo_user("projectleider"),
        date=date(2024, 5, 1),
        amount=Decimal("40000"),
        description="Verzuimconsulenten",
        today=TODAY,
    )
    html = manager_client.get(reverse("budget_overview")).content.decode()
    assert "€ 40.000" in html and "50,0%" in html  # of 80.000, half way through the year
    assert "op schema" in html
    project_html = manager_client.get(reverse("project_detail", kwargs={"code": "3.2"})).content.decode()
    assert "Verzuimaanpak 3.0" in project_html and "€ 320.000" in project_html and "op schema" in project_html
    other = manager_client.get(reverse("project_detail", kwargs={"code": "1.2"})).content.decode()
    assert "achter op schema" in other  # nothing spent half way through 2024
    no_budget = manager_client.get(reverse("project_detail", kwargs={"code": "3.1"})).content.decode()
    assert "geen budget" in no_budget  # the seed gives 3.1 € 0 in 2024


def test_project_without_budget_line_says_so(manager_client, demo):
    BudgetLine.objects.filter(programme=demo, project__code="2.2").update(project=None)
    html = manager_client.get(reverse("project_detail", kwargs={"code": "2.2"})).content.decode()
    assert "geen eigen regel in de begroting" in html


def test_overview_without_budget_has_an_empty_state(manager_client, demo):
    BudgetChange.objects.all().delete()
    BudgetAmount.objects.all().delete()
    BudgetLine.objects.all().delete()
    BudgetSection.objects.all().delete()
    demo.budget_settings.delete()
    html = manager_client.get(reverse("budget_overview")).content.decode()
    assert "nog geen begroting" in html


def _rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_says_what_the_seed_says(steering_client):
    response = steering_client.get(reverse("budget_overview"), {"_export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = _rows(response)
    header = rows[0]
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    total = by_label["Totaal Projecten"]
    assert [total[f"Oorspronkelijk {y}"] for y in (2021, 2022, 2023, 2024)] == ["871342", "912630", "846342", "833842"]
    assert total["Oorspronkelijk totaal"] == total["Actueel totaal"] == "3464156"
    zwolle = by_label["Tbv contactgemeente Zwolle"]
    assert [zwolle[f"Actueel {y}"] for y in (2021, 2022, 2023, 2024)] == ["599500", "640788", "574500", "562000"]
    assert zwolle["Actueel totaal"] == "2376788"
    netwerk = by_label["Netwerkcafe's"]
    assert (netwerk["Oorspronkelijk 2024"], netwerk["Oorspronkelijk totaal"]) == ("", "20000")  # empty year
    smp = next(row for label, row in by_label.items() if label.startswith("Evalueren en onderzoek"))
    assert (smp["Oorspronkelijk 2024"], smp["Project"], smp["Ontvanger"]) == ("0", "2.3", "contactgemeente")
    assert len(rows) == 1 + 18 + 5 + 2  # header, 18 lines, the five theme rows, the two totals rows
    assert by_label["3. Preventie en ondersteuning"]["Actueel totaal"] == "520000"


def test_xlsx_export_holds_real_numbers(steering_client, line, demo_user):
    services.spending_record(
        line=line("Verzuimaanpak 3.0"),
        user=demo_user("programmamanager"),
        date=date(2024, 2, 1),
        amount=Decimal("1250.50"),
        description="Training",
        today=TODAY,
    )
    response = steering_client.get(reverse("budget_overview"), {"_export": "xlsx", "jaar": "2024"})
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_label = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    total = by_label["Totaal Projecten"]
    assert total["Actueel totaal"] == 3464156 and isinstance(total["Actueel totaal"], int)
    assert total["Oorspronkelijk 2022"] == 912630
    assert by_label["Verzuimaanpak 3.0"]["Besteed 2024"] == pytest.approx(1250.5)
    assert isinstance(by_label["Verzuimaanpak 3.0"]["Besteed 2024"], float)  # a number cell, not text
    assert by_label["Verzuimaanpak 3.0"]["Uitgavenritme 2024"] == "achter op schema"


def test_exports_of_line_spending_and_changes(manager_client, line, demo_user):
    verzuim = line("Verzuimaanpak 3.0")
    services.spending_record(
        line=verzuim,
        user=demo_user("projectleider"),
        date=date(2024, 2, 1),
        hours=Decimal(3),
        description="Overleg",
        today=TODAY,
    )
    rows = _rows(manager_client.get(reverse("budget_line", kwargs={"pk": verzuim.pk}), {"_export": "csv"}))
    assert rows[0][:5] == ["Datum", "Omschrijving", "Uren", "Uurtarief", "Bedrag"]
    assert rows[1][:5] == ["2024-02-01", "Overleg", "3", "50", "150"]
    response = manager_client.get(reverse("budget_change_list"), {"_export": "xlsx"})
    assert response.content[:2] == b"PK"
    assert manager_client.get(reverse("budget_overview"), {"_export": "json"})["Content-Type"].startswith("text/html")


PAGES = [
    ("budget_overview", {}, {MANAGER, STEERING, LEADER}),
    ("budget_change_list", {}, {MANAGER, STEERING, LEADER}),
    ("budget_change_create", {}, {MANAGER, LEADER}),
]


@pytest.mark.parametrize("username", [ANON, MANAGER, STEERING, LEADER])
@pytest.mark.parametrize(("name", "kwargs", "allowed"), PAGES)
def test_pages_per_role(role_client, username, name, kwargs, allowed):
    response = role_client(username).get(reverse(name, kwargs=kwargs))
    if username is None:
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    else:
        assert response.status_code == (200 if username in allowed else 403)
        if username not in allowed:
            assert NO_CHANGE in response.content.decode()  # the only page here some readers may not open


@pytest.mark.parametrize(
    ("username", "description", "status"),
    [
        (MANAGER, "Meelopen in het MBO en in bedrijf", 200),
        (LEADER, "Verzuimaanpak 3.0", 200),  # 3.2 is the leader's own project
        (LEADER, "Meelopen in het MBO en in bedrijf", 403),  # 1.2 is not
        (LEADER, "Werkbudget programma contactgemeente Zwolle", 403),  # no project: managers only
        (STEERING, "Verzuimaanpak 3.0", 403),
    ],
)
def test_who_may_record_spending(role_client, line, username, description, status):
    client = role_client(username)
    target = line(description)
    url = reverse("spending_create", kwargs={"pk": target.pk})
    page = client.get(url)
    assert page.status_code == status
    response = client.post(url, {"date": "2024-03-01", "description": "Inhuur", "amount": "100"})
    assert response.status_code == (302 if status == 200 else 403)
    assert SpendingEntry.objects.filter(line=target).count() == (1 if status == 200 else 0)
    if status == 403:
        assert NO_SPENDING in page.content.decode() and NO_SPENDING in response.content.decode()


def test_form_tampering_cannot_move_spending_to_another_line(role_client, line):
    """The leader posts to their own line's URL with another line in the body: the entry lands on the URL's
    line (the form has no line field), and posting straight to the other line's URL is refused."""
    client = role_client(LEADER)
    own, other = line("Verzuimaanpak 3.0"), line("Meelopen in het MBO en in bedrijf")
    client.post(
        reverse("spending_create", kwargs={"pk": own.pk}),
        {"date": "2024-03-01", "description": "Inhuur", "amount": "100", "line": other.pk, "line_id": other.pk},
    )
    assert not SpendingEntry.objects.filter(line=other).exists()
    assert SpendingEntry.objects.get().line == own
    refused = client.post(reverse("spending_create", kwargs={"pk": other.pk}), {"amount": "1"})
    assert refused.status_code == 403 and NO_SPENDING in refused.content.decode()
    assert SpendingEntry.objects.count() == 1


def test_spending_form_shows_dutch_errors_and_saves_nothing(role_client, line):
    client = role_client(MANAGER)
    url = reverse("spending_create", kwargs={"pk": line("Verzuimaanpak 3.0").pk})
    html = client.post(url, {"date": "", "description": "", "amount": "twaalf"}).content.decode()
    assert "Vul de datum van de besteding in." in html
    assert "Vul een bedrag in, bijvoorbeeld 1250,50." in html
    html = client.post(url, {"date": "2024-03-01", "description": "x"}).content.decode()
    assert "Vul een bedrag in, of het aantal uren." in html
    assert not SpendingEntry.objects.exists()
    response = client.post(url, {"date": "2024-03-01", "description": "Training", "amount": "1.250,50"})
    assert response.status_code == 302
    assert SpendingEntry.objects.get().amount == Decimal("1250.50")


def _change(demo, demo_user, line):
    return services.budget_change_propose(
        programme=demo,
        user=demo_user(MANAGER),
        from_line=line("Regelruimte nieuwe maatregelen"),
        to_line=line("Verzuimaanpak 3.0"),
        year=2024,
        amount=Decimal(5000),
        reason="Extra inzet",
    )


@pytest.mark.parametrize("username", [STEERING, LEADER])
def test_only_managers_decide_on_changes(role_client, demo, demo_user, line, username):
    change = _change(demo, demo_user, line)
    client = role_client(username)
    html = client.get(reverse("budget_change", kwargs={"pk": change.pk})).content.decode()
    assert "Goedkeuren" not in html
    response = client.post(
        reverse("budget_change", kwargs={"pk": change.pk}), {"decision": "goedkeuren", "decided_on": "2024-06-30"}
    )
    assert response.status_code == 403
    assert NO_DECISION in response.content.decode()
    change.refresh_from_db()
    assert (change.status, change.decided_by, change.decided_on) == ("voorgesteld", None, None)


def test_manager_approves_a_change_on_the_page(role_client, demo, demo_user, line):
    change = _change(demo, demo_user, line)
    client = role_client(MANAGER)
    response = client.post(
        reverse("budget_change", kwargs={"pk": change.pk}),
        {"decision": "goedkeuren", "decided_on": "2024-06-28", "note": "stuurgroep"},
        follow=True,
    )
    html = response.content.decode()
    assert "is goedgekeurd; de begroting is bijgewerkt" in html and "28 juni 2024" in html
    overview = client.get(reverse("budget_overview")).content.decode()
    assert "€ 85.000" in overview and "<del" in overview  # current, with the original struck through
    assert "€ 3.464.156" in overview


def test_leader_may_only_propose_changes_touching_own_lines(role_client, line):
    client = role_client(LEADER)
    url = reverse("budget_change_create")
    data = {"year": "2024", "amount": "1000", "reason": "Meer nodig"}
    response = client.post(
        url, {**data, "from_line": line("Regelruimte nieuwe maatregelen").pk, "to_line": line("Verzuimaanpak 3.0").pk}
    )
    assert response.status_code == 302
    response = client.post(
        url,
        {
            **data,
            "from_line": line("Regelruimte nieuwe maatregelen").pk,
            "to_line": line("Meelopen in het MBO en in bedrijf").pk,
        },
    )
    assert response.status_code == 403
    assert NOT_OWN_LINES in response.content.decode()
    assert BudgetChange.objects.count() == 1


def test_change_form_errors_are_dutch_and_save_nothing(role_client, line):
    client = role_client(MANAGER)
    regel = line("Regelruimte nieuwe maatregelen").pk
    html = client.post(
        reverse("budget_change_create"),
        {"from_line": regel, "to_line": regel, "year": "2024", "amount": "0", "reason": ""},
    ).content.decode()
    assert "Kies twee verschillende begrotingsregels." in html
    assert "Het bedrag moet groter zijn dan 0." in html
    assert "Geef de reden van de wijziging." in html
    assert not BudgetChange.objects.exists()


def _queries(client, url, params=None):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)


def test_budget_pages_run_a_fixed_number_of_queries(manager_client, demo, line, demo_user):
    verzuim = line("Verzuimaanpak 3.0")
    urls = [
        (reverse("budget_overview"), None),
        (reverse("budget_overview"), {"_export": "xlsx"}),
        (reverse("budget_line", kwargs={"pk": verzuim.pk}), None),
        (reverse("budget_change_list"), None),
        (reverse("project_detail", kwargs={"code": "3.2"}), None),
    ]
    _change(demo, demo_user, line)
    services.spending_record(
        line=verzuim, user=demo_user(MANAGER), date=date(2024, 1, 5), amount=Decimal(1), description="x", today=TODAY
    )
    before = [_queries(manager_client, url, params) for url, params in urls]
    section = BudgetSection.objects.get(programme=demo, title="4. Kansen voor VSV")
    project = verzuim.project
    for number in range(40):
        extra = BudgetLine.objects.create(
            programme=demo, section=section, description=f"Extra {number}", project=project, recipient="contactgemeente"
        )
        for year in (2021, 2022, 2023, 2024):
            BudgetAmount.objects.create(line=extra, year=year, amount=Decimal(100))
        SpendingEntry.objects.create(
            line=extra, date=date(2024, 2, 1), amount=Decimal(10), description="x", recorded_by=demo_user(MANAGER)
        )
        BudgetChange.objects.create(
            programme=demo,
            year=2024,
            amount=Decimal(1),
            from_line=extra,
            to_line=verzuim,
            reason="x",
            proposed_by=demo_user(MANAGER),
        )
        SpendingEntry.objects.create(
            line=verzuim, date=date(2024, 2, 1), amount=Decimal(10), description="x", recorded_by=demo_user(MANAGER)
        )
    assert [_queries(manager_client, url, params) for url, params in urls] == before


def test_spending_form_suggests_a_date_inside_the_budget(role_client, line, clock):
    url = reverse("spending_create", kwargs={"pk": line("Verzuimaanpak 3.0").pk})
    assert 'value="2024-06-30"' in role_client(MANAGER).get(url).content.decode()
    clock.set(date(2026, 11, 26))
    assert 'value="2024-12-31"' in role_client(MANAGER).get(url).content.decode()


def test_spending_reads_euro_signs_and_hours_the_dutch_way(role_client, line):
    client = role_client(MANAGER)
    url = reverse("spending_create", kwargs={"pk": line("Verzuimaanpak 3.0").pk})
    response = client.post(url, {"date": "2024-03-01", "description": "Training", "amount": "€ 1.500,50"})
    assert response.status_code == 302
    data = {"date": "2024-03-02", "description": "Inhuur", "hours": "12,5", "hourly_rate": "€ 47,50"}
    assert client.post(url, data).status_code == 302
    assert client.post(url, {"date": "2024-03-03", "description": "Zaal", "amount": "1.500"}).status_code == 302
    assert sorted(SpendingEntry.objects.values_list("amount", "hours", "hourly_rate")) == [
        (Decimal("593.75"), Decimal("12.5"), Decimal("47.50")),
        (Decimal("1500.00"), None, None),  # "1.500" is fifteen hundred, as before
        (Decimal("1500.50"), None, None),
    ]
    html = client.post(url, {"date": "2024-03-01", "description": "x", "hours": "veel"}).content.decode()
    assert "Vul een aantal uren in, bijvoorbeeld 12,5." in html


def test_budget_change_amount_may_carry_a_euro_sign(role_client, line):
    client = role_client(MANAGER)
    data = {"year": "2024", "amount": "€ 1.500,50", "reason": "Meer nodig"}
    data |= {"from_line": line("Regelruimte nieuwe maatregelen").pk, "to_line": line("Verzuimaanpak 3.0").pk}
    assert client.post(reverse("budget_change_create"), data).status_code == 302
    assert BudgetChange.objects.get().amount == Decimal("1500.50")


def test_pace_legend_shows_the_programmes_bands_with_word_and_icon(steering_client, demo):
    settings = demo.budget_settings
    settings.pace_behind_below_pct = Decimal("22.5")
    settings.save()
    html = steering_client.get(reverse("budget_overview")).content.decode()
    legend = html[html.index('<details class="pace-legend">') :]
    assert "minder dan 22,50% besteed is achter op schema, 22,50–30% is op schema" in legend
    for icon, word in [
        ("▼", "achter op schema"),
        ("✔", "op schema"),
        ("▲▲", "ruim voor op schema"),
        ("✖", "boven budget"),
    ]:
        assert f'<span class="badge__icon" aria-hidden="true">{icon}</span> {word}</span>' in legend


def _token(html: str) -> str:
    return re.search(r'name="_verzending" value="([0-9a-f]+)"', html)[1]


def test_a_double_click_records_the_spending_once(role_client, line):
    client = role_client(MANAGER)
    target = line("Verzuimaanpak 3.0")
    url = reverse("spending_create", kwargs={"pk": target.pk})
    data = {
        "date": "2024-03-01",
        "description": "Inhuur",
        "amount": "100",
        "_verzending": _token(client.get(url).content.decode()),
    }
    first = client.post(url, data)
    second = client.post(url, data)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]  # where the first one went
    assert SpendingEntry.objects.filter(line=target).count() == 1
    page = client.get(second["Location"]).content.decode()
    assert "Dit formulier was al verstuurd. Het is één keer opgeslagen." in page


def test_a_form_error_releases_the_token_so_the_corrected_form_is_saved(role_client, line):
    client = role_client(MANAGER)
    target = line("Verzuimaanpak 3.0")
    url = reverse("spending_create", kwargs={"pk": target.pk})
    token = _token(client.get(url).content.decode())
    wrong = client.post(url, {"date": "2024-03-01", "description": "Inhuur", "amount": "twaalf", "_verzending": token})
    assert wrong.status_code == 200
    right = client.post(url, {"date": "2024-03-01", "description": "Inhuur", "amount": "12", "_verzending": token})
    assert right.status_code == 302
    assert SpendingEntry.objects.filter(line=target).count() == 1
