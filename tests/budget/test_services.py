"""Writes to the budget: Decimal money, hours × rate, budget changes that move money without changing totals,
rejected changes that change nothing, and history with who and why."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budget import services
from budget.models import BudgetChange, SpendingEntry
from budget.selectors import budget_overview, line_current_amount

from .conftest import TODAY

REGELRUIMTE = "Regelruimte nieuwe maatregelen"


def _record(line, user, **kwargs):
    values = {"date": date(2024, 3, 1), "description": "Inhuur", "today": TODAY, **kwargs}
    return services.spending_record(line=line, user=user, **values)


def test_money_adds_up_as_decimal_without_float_rounding(demo, line, demo_user):
    verzuim, manager = line("Verzuimaanpak 3.0"), demo_user("programmamanager")
    for _ in range(10):
        _record(verzuim, manager, amount=Decimal("0.10"))
    _record(verzuim, manager, amount=Decimal("0.20"))
    overview = budget_overview(programme=demo, today=TODAY, year=2024)
    row = next(r for b in overview.sections for r in b.rows if r.line == verzuim)
    # As floats 0.1 * 10 + 0.2 would be 1.2000000000000002.
    assert row.figures.spent[2024] == Decimal("1.20")
    assert isinstance(row.figures.spent[2024], Decimal)
    assert overview.total.spent[2024] == Decimal("1.20")
    assert row.pace.spent_pct == Decimal("0.0015")  # 1,20 of 80.000


def test_hours_times_rate_uses_the_programme_rate(demo, line, demo_user):
    entry = _record(line("Verzuimaanpak 3.0"), demo_user("projectleider"), hours=Decimal("12.5"))
    assert (entry.amount, entry.hourly_rate) == (Decimal("625.00"), Decimal("50.00"))
    entry = _record(
        line("Verzuimaanpak 3.0"), demo_user("projectleider"), hours=Decimal("0.33"), hourly_rate=Decimal("47.50")
    )
    assert entry.amount == Decimal("15.68")  # 15,675 rounded half up


def test_amount_that_contradicts_hours_is_refused(demo, line, demo_user):
    with pytest.raises(ValidationError) as error:
        _record(line("Verzuimaanpak 3.0"), demo_user("projectleider"), hours=Decimal(2), amount=Decimal(120))
    assert "2 uur × € 50,00 = € 100,00" in str(error.value)
    assert not SpendingEntry.objects.exists()


@pytest.mark.parametrize(
    ("day", "message"),
    [(date(2020, 12, 31), "De begroting loopt van 2021 tot en met 2024."), (date(2024, 7, 1), "in de toekomst")],
)
def test_spending_outside_the_budget_years_or_in_the_future_is_refused(demo, line, demo_user, day, message):
    with pytest.raises(ValidationError) as error:
        _record(line("Verzuimaanpak 3.0"), demo_user("programmamanager"), date=day, amount=Decimal(10))
    assert message in str(error.value)
    assert not SpendingEntry.objects.exists()


def test_spending_leaves_history_with_who(demo, line, demo_user):
    entry = _record(line("Verzuimaanpak 3.0"), demo_user("projectleider"), amount=Decimal(10))
    record = entry.history.get()
    assert (record.history_user.username, record.history_change_reason) == ("projectleider", "besteding vastgelegd")


def _propose(demo, line, demo_user, amount="10000", year=2024, to="Verzuimaanpak 3.0"):
    return services.budget_change_propose(
        programme=demo,
        user=demo_user("programmamanager"),
        from_line=line(REGELRUIMTE),
        to_line=line(to),
        year=year,
        amount=Decimal(amount),
        reason="Extra verzuimconsulent, besluit stuurgroep",
    )


def test_approved_change_moves_money_and_keeps_the_totals(demo, line, demo_user):
    before = budget_overview(programme=demo, today=TODAY)
    change = _propose(demo, line, demo_user)
    # A proposal alone changes nothing.
    assert line_current_amount(line=line(REGELRUIMTE), year=2024) == Decimal(35000)
    services.budget_change_decide(
        change=change, user=demo_user("programmamanager"), approve=True, decided_on=TODAY, note="stuurgroep 12 juni"
    )
    after = budget_overview(programme=demo, today=TODAY)
    assert line_current_amount(line=line(REGELRUIMTE), year=2024) == Decimal(25000)
    assert line_current_amount(line=line("Verzuimaanpak 3.0"), year=2024) == Decimal(90000)
    assert after.total.current == before.total.current
    assert after.total.current_total == Decimal(3464156)
    assert after.total.original == before.total.original
    blocks = {b.section.title: b for b in after.sections}
    assert blocks["3. Preventie en ondersteuning"].figures.current[2024] == Decimal(127500)
    assert blocks["3. Preventie en ondersteuning"].figures.original[2024] == Decimal(117500)
    change.refresh_from_db()
    assert (change.status, change.decided_by.username, change.decided_on) == ("goedgekeurd", "programmamanager", TODAY)
    reasons = list(change.history.order_by("history_id").values_list("history_change_reason", flat=True))
    assert reasons == ["voorgesteld: Extra verzuimconsulent, besluit stuurgroep", "goedgekeurd: stuurgroep 12 juni"]


def test_rejected_change_leaves_the_budget_as_it_was(demo, line, demo_user):
    before = budget_overview(programme=demo, today=TODAY)
    change = _propose(demo, line, demo_user)
    services.budget_change_decide(change=change, user=demo_user("programmamanager"), approve=False, decided_on=TODAY)
    after = budget_overview(programme=demo, today=TODAY)
    for b_before, b_after in zip(before.sections, after.sections, strict=True):
        assert b_after.figures.current == b_before.figures.current
        for r_before, r_after in zip(b_before.rows, b_after.rows, strict=True):
            assert r_after.figures.current == r_before.figures.current
    assert BudgetChange.objects.get().status == "afgewezen"


def test_a_change_is_decided_once(demo, line, demo_user):
    change = _propose(demo, line, demo_user)
    manager = demo_user("programmamanager")
    services.budget_change_decide(change=change, user=manager, approve=False, decided_on=TODAY)
    with pytest.raises(ValidationError, match="al besloten"):
        services.budget_change_decide(change=change, user=manager, approve=True, decided_on=TODAY)
    assert line_current_amount(line=line(REGELRUIMTE), year=2024) == Decimal(35000)


def test_cannot_take_more_than_a_line_holds(demo, line, demo_user):
    with pytest.raises(ValidationError, match="nog € 35.000,00"):
        _propose(demo, line, demo_user, amount="35000.01")
    with pytest.raises(ValidationError, match="nog € 0,00"):
        _propose(demo, line, demo_user, amount="1", year=2021)  # regelruimte has no 2021 budget
    assert not BudgetChange.objects.exists()


def test_approval_rechecks_room_after_other_approvals(demo, line, demo_user):
    manager = demo_user("programmamanager")
    first, second = _propose(demo, line, demo_user, "20000"), _propose(demo, line, demo_user, "20000")
    services.budget_change_decide(change=first, user=manager, approve=True, decided_on=TODAY)
    with pytest.raises(ValidationError, match="nog € 15.000,00"):
        services.budget_change_decide(change=second, user=manager, approve=True, decided_on=TODAY)
    second.refresh_from_db()
    assert second.status == "voorgesteld"
    assert line_current_amount(line=line(REGELRUIMTE), year=2024) == Decimal(15000)


def test_change_needs_two_lines_and_a_year_of_the_budget(demo, line, demo_user):
    with pytest.raises(ValidationError):
        _propose(demo, line, demo_user, to=REGELRUIMTE)
    with pytest.raises(ValidationError, match="2021 tot en met 2024"):
        _propose(demo, line, demo_user, year=2025)
    assert not BudgetChange.objects.exists()


def test_decision_date_cannot_lie_in_the_future(demo, line, demo_user):
    change = _propose(demo, line, demo_user)
    with pytest.raises(ValidationError, match="in de toekomst"):
        services.budget_change_decide(
            change=change, user=demo_user("programmamanager"), approve=True, decided_on=date(2024, 7, 1), today=TODAY
        )
    change.refresh_from_db()
    assert change.status == "voorgesteld"
    assert line_current_amount(line=line(REGELRUIMTE), year=2024) == Decimal(35000)


def test_spending_in_a_year_of_the_next_programme_names_that_programme(demo, line, demo_user, clock):
    """2026 is not a year of the 2020–2024 budget: the message says where it belongs (the demo's 2026–2029)."""
    clock.set(date(2026, 12, 2))
    with pytest.raises(ValidationError) as refused:
        services.spending_record(
            line=line("Verzuimaanpak 3.0"),
            user=demo_user("programmamanager"),
            date=date(2026, 3, 1),
            amount=Decimal(100),
            description="Inhuur",
            today=date(2026, 12, 2),
        )
    assert refused.value.message_dict["date"] == [
        "De begroting loopt van 2021 tot en met 2024. "
        "2026 hoort bij Vervolgaanpak VSV 2026-2029 (voorbeeld); leg het daar vast."
    ]
    assert not SpendingEntry.objects.filter(date=date(2026, 3, 1)).exists()
