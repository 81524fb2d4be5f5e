"""Every write to the budget: validated (full_clean), in a transaction, with a history row (who and why).

Each checks the user's right first (projects/permissions.py: who records spending, proposes and decides a
change), then guards the data: no spending outside the budget years or in the future, no budget change that
would leave a line below zero, and no decision on a change that was already decided.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from core.formatting import euro
from core.history import save_with_history
from projects import permissions
from projects.models import Programme

from .models import BudgetChange, BudgetLine, BudgetSettings, SpendingEntry
from .selectors import line_current_amount

CENT = Decimal("0.01")


def _settings(programme: Programme) -> BudgetSettings:
    settings = BudgetSettings.objects.filter(programme=programme).first()
    if settings is None:
        raise ValidationError(_("Dit programma heeft nog geen begroting."))
    return settings


def _check_year(settings: BudgetSettings, year: int, field: str):
    """A year outside the budget is refused; when another programme of the region covers it, the message names it."""
    if settings.first_year <= year <= settings.last_year:
        return
    message = _("De begroting loopt van %(first)s tot en met %(last)s.") % {
        "first": settings.first_year,
        "last": settings.last_year,
    }
    programme = settings.programme
    other = (
        Programme.objects.filter(region_id=programme.region_id, first_year__lte=year, last_year__gte=year)
        .exclude(pk=programme.pk)
        .first()
    )
    if other is not None:
        message += " " + _("%(year)s hoort bij %(title)s; leg het daar vast.") % {"year": year, "title": other.title}
    raise ValidationError({field: message})


@transaction.atomic
def spending_record(
    *,
    line: BudgetLine,
    user,
    date: date,
    description: str,
    today: date,
    amount: Decimal | None = None,
    hours: Decimal | None = None,
    hourly_rate: Decimal | None = None,
) -> SpendingEntry:
    """Record money spent on a line: an amount, or hours × hourly rate (the programme's rate by default)."""
    permissions.require_record_spending(user, line.programme, line)
    settings = _settings(line.programme)
    _check_year(settings, date.year, "date")
    if date > today:
        raise ValidationError(
            {"date": _("Deze datum ligt in de toekomst. Leg alleen bestedingen vast die al gedaan zijn.")}
        )
    if hours is not None:
        hourly_rate = settings.hourly_rate if hourly_rate is None else hourly_rate
        computed = (hours * hourly_rate).quantize(CENT, rounding=ROUND_HALF_UP)
        if amount is not None and amount != computed:
            raise ValidationError(
                {
                    "amount": _(
                        "Het bedrag (%(amount)s) klopt niet met %(hours)s uur × %(rate)s = %(computed)s. "
                        "Laat het bedrag leeg om het te laten uitrekenen."
                    )
                    % {
                        "amount": euro(amount, 2),
                        "hours": number_format(hours, use_l10n=True),
                        "rate": euro(hourly_rate, 2),
                        "computed": euro(computed, 2),
                    }
                }
            )
        amount = computed
    elif hourly_rate is not None:
        raise ValidationError({"hours": _("Vul het aantal uren in bij een uurtarief.")})
    if amount is None:
        raise ValidationError({"amount": _("Vul een bedrag in, of het aantal uren.")})
    entry = SpendingEntry(
        line=line,
        date=date,
        amount=amount,
        description=description.strip(),
        hours=hours,
        hourly_rate=hourly_rate if hours is not None else None,
        recorded_by=user,
    )
    return save_with_history(entry, user=user, reason=_("besteding vastgelegd"))


def _check_room(change: BudgetChange, field: str):
    """The line the money comes from must have at least that much budget left in that year."""
    available = line_current_amount(line=change.from_line, year=change.year) or Decimal(0)
    if change.amount > available:
        raise ValidationError(
            {
                field: _("Op “%(line)s” staat in %(year)s nog %(available)s; u kunt daar niet %(amount)s vanaf halen.")
                % {
                    "line": change.from_line,
                    "year": change.year,
                    "available": euro(available, 2),
                    "amount": euro(change.amount, 2),
                }
            }
        )


@transaction.atomic
def budget_change_propose(
    *,
    programme: Programme,
    user,
    from_line: BudgetLine,
    to_line: BudgetLine,
    year: int,
    amount: Decimal,
    reason: str,
) -> BudgetChange:
    """Propose moving `amount` in `year` from one line to another. Nothing changes until it is approved."""
    permissions.require_propose_budget_change(user, programme, [from_line, to_line])
    settings = _settings(programme)
    _check_year(settings, year, "year")
    if not (reason or "").strip():
        raise ValidationError({"reason": _("Geef de reden van de wijziging.")})
    change = BudgetChange(
        programme=programme,
        from_line=from_line,
        to_line=to_line,
        year=year,
        amount=amount,
        reason=reason.strip(),
        proposed_by=user,
    )
    change.full_clean()
    _check_room(change, "amount")
    return save_with_history(change, user=user, reason=_("voorgesteld: %(reason)s") % {"reason": change.reason[:80]})


@transaction.atomic
def budget_change_decide(
    *, change: BudgetChange, user, approve: bool, decided_on: date, note: str = "", today: date | None = None
) -> BudgetChange:
    """Approve (the budget moves) or reject (nothing moves) a proposed change, once."""
    permissions.require_decide_budget_change(user, change.programme)
    locked = BudgetChange.objects.select_for_update().get(pk=change.pk)
    if locked.status != BudgetChange.Status.PROPOSED:
        raise ValidationError(
            _("Over deze wijziging is al besloten (%(status)s).") % {"status": locked.get_status_display()}
        )
    if today is not None and decided_on > today:
        raise ValidationError({"decided_on": _("De datum van het besluit ligt in de toekomst.")})
    if approve:
        # Serialise approvals that take money from the same line, then check it still has room.
        BudgetLine.objects.select_for_update().filter(pk=locked.from_line_id).first()
        _check_room(locked, "__all__")
    locked.status = BudgetChange.Status.APPROVED if approve else BudgetChange.Status.REJECTED
    locked.decided_by = user
    locked.decided_on = decided_on
    locked.decision_note = (note or "").strip()
    reason = _("goedgekeurd") if approve else _("afgewezen")
    if locked.decision_note:
        reason = f"{reason}: {locked.decision_note}"
    save_with_history(locked, user=user, reason=reason[:100])
    change.refresh_from_db()
    return locked
