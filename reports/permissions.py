"""Who may do what with meetings and reports. Builds on projects/permissions.py; every service that writes asks
here (the `require_*` helpers), and views ask the same functions to show or hide buttons."""

from django.utils.translation import gettext as _

from projects.models import Membership
from projects.permissions import can_manage, can_view, is_open, require, require_open, user_roles


def can_edit_reports(user, programme) -> bool:
    """Programme managers plan meetings, write, publish and correct reports."""
    return can_manage(user, programme)


def require_edit_reports(user, programme) -> None:
    require_open(programme)
    require(can_edit_reports(user, programme), _("Alleen programmamanagers mogen dit wijzigen."))


def can_read_reports(user, programme) -> bool:
    """Everybody with a role reads published reports; drafts too (they show the live data)."""
    return can_view(user, programme)


def can_comment(user, programme) -> bool:
    """Stuurgroep members (and the programme managers who take the minutes) comment and record decisions."""
    return can_manage(user, programme) or (
        is_open(programme) and Membership.Role.STEERING_GROUP in user_roles(user, programme)
    )


def require_comment(user, programme) -> None:
    require_open(programme)
    require(
        can_comment(user, programme),
        _("Alleen leden van de stuurgroep en programmamanagers reageren op een rapportage."),
    )
