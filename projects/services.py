"""Every write to the plan. Each checks the user's right (permissions.py), validates, refuses stale edits, and
leaves a history row (who, when, why)."""

from django.db import transaction

from core.history import save_versioned

from . import permissions
from .models import Activity, Programme, Project, Theme


@transaction.atomic
def theme_save(*, theme: Theme, user, reason: str = "", expected_version: int | None = None) -> Theme:
    permissions.require_manage(user, theme.programme)
    return save_versioned(theme, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def project_save(
    *,
    project: Project,
    user,
    leaders=None,
    lead_organisations=None,
    partners=None,
    reason: str = "",
    expected_version: int | None = None,
) -> Project:
    permissions.require_manage(user, project.programme)
    save_versioned(project, user=user, reason=reason, expected_version=expected_version)
    for field, values in (("leaders", leaders), ("lead_organisations", lead_organisations), ("partners", partners)):
        if values is not None:
            getattr(project, field).set(values)
    return project


@transaction.atomic
def activity_save(*, activity: Activity, user, reason: str = "", expected_version: int | None = None) -> Activity:
    permissions.require_edit_activities(user, activity.project)
    return save_versioned(activity, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def activity_delete(*, activity: Activity, user, reason: str = "") -> None:
    permissions.require_edit_activities(user, activity.project)
    activity._history_user = user
    activity._change_reason = reason or None
    activity.delete()


def next_activity_number(*, project: Project) -> int:
    last = project.activities.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def next_theme_number(*, programme: Programme) -> int:
    last = programme.themes.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
