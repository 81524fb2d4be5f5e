"""The plan workflow as a small state machine: every move, from which states, by which role, in one table.

    concept ──submit──▶ ingediend ──approve──▶ goedgekeurd ──revise──▶ (new version) concept
       ▲                   │
       └─── teruggestuurd ◀┘ return (with a comment); the leader edits and submits again

Leaders of the project write, submit and revise; programme managers approve and return; everybody else
(the steering group) reads. Views and services both ask `check()`, so a direct POST meets the same rules.
"""

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from projects import permissions

from .models import HalfYearEvaluation, HalfYearPlan

Status = HalfYearPlan.Status


class Role(StrEnum):
    LEADER = "leider"
    MANAGER = "manager"


class Action(StrEnum):
    EDIT = "bewerken"
    SUBMIT = "indienen"
    APPROVE = "goedkeuren"
    RETURN = "terugsturen"
    REVISE = "nieuwe-versie"


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    target: str | None  # None: the state does not change (editing)
    role: Role
    wrong_role: str
    wrong_state: str


MOVES: dict[Action, Move] = {
    Action.EDIT: Move(
        frozenset({Status.CONCEPT, Status.RETURNED}),
        None,
        Role.LEADER,
        _("Alleen de projectleiders van dit project schrijven het halfjaarplan."),
        _("Dit plan is %(status)s en kan niet meer worden gewijzigd. Maak een nieuwe versie met een reden."),
    ),
    Action.SUBMIT: Move(
        frozenset({Status.CONCEPT, Status.RETURNED}),
        Status.SUBMITTED,
        Role.LEADER,
        _("Alleen de projectleiders van dit project dienen het halfjaarplan in."),
        _("Dit plan is %(status)s en kan niet (opnieuw) worden ingediend."),
    ),
    Action.APPROVE: Move(
        frozenset({Status.SUBMITTED}),
        Status.APPROVED,
        Role.MANAGER,
        _("Alleen programmamanagers keuren een halfjaarplan goed."),
        _("Dit plan is %(status)s; alleen een ingediend plan kan worden goedgekeurd."),
    ),
    Action.RETURN: Move(
        frozenset({Status.SUBMITTED}),
        Status.RETURNED,
        Role.MANAGER,
        _("Alleen programmamanagers sturen een halfjaarplan terug."),
        _("Dit plan is %(status)s; alleen een ingediend plan kan worden teruggestuurd."),
    ),
    Action.REVISE: Move(
        frozenset({Status.APPROVED}),
        Status.CONCEPT,
        Role.LEADER,
        _("Alleen de projectleiders van dit project maken een nieuwe versie van het plan."),
        _("Dit plan is %(status)s; alleen van een goedgekeurd plan maakt u een nieuwe versie."),
    ),
}


def has_role(user, plan: HalfYearPlan, role: Role) -> bool:
    if role is Role.LEADER:
        return permissions.leads(user, plan.project)
    return permissions.can_manage(user, plan.project.programme)


def check(action: Action, plan: HalfYearPlan, user) -> Move:
    """Raise PermissionDenied (wrong role) or ValidationError (wrong state), both with a Dutch message."""
    move = MOVES[action]
    permissions.require_open(plan.project.programme)
    if not has_role(user, plan, move.role):
        raise PermissionDenied(move.wrong_role)
    if plan.status not in move.sources:
        raise ValidationError(move.wrong_state % {"status": plan.get_status_display()}, code="state")
    return move


def allowed(action: Action, plan: HalfYearPlan, user) -> bool:
    try:
        check(action, plan, user)
    except (PermissionDenied, ValidationError):
        return False
    return True


def allowed_actions(plan: HalfYearPlan, user) -> set[Action]:
    return {action for action in Action if allowed(action, plan, user)}


# The evaluation has two states: the leader writes it (concept) and hands it in (ingediend, then locked).
def check_evaluation(plan: HalfYearPlan, user, evaluation: HalfYearEvaluation | None = None) -> None:
    permissions.require_open(plan.project.programme)
    if not permissions.leads(user, plan.project):
        raise PermissionDenied(_("Alleen de projectleiders van dit project schrijven de evaluatie."))
    if plan.status != Status.APPROVED:
        raise ValidationError(_("Alleen een goedgekeurd plan wordt geëvalueerd."), code="state")
    if evaluation is not None and evaluation.status == HalfYearEvaluation.Status.SUBMITTED:
        raise ValidationError(_("Deze evaluatie is al ingediend en kan niet meer worden gewijzigd."), code="state")


def can_start(user, project) -> bool:
    return permissions.leads(user, project)
