"""Every write to the plan. Each validates, refuses stale edits, and leaves a history row (who, when, why)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Activity, Programme, Project, Theme, VersionedModel


class StaleEdit(ValidationError):
    """Somebody saved the same row after this form was opened."""


def save_with_history(instance, *, user, reason: str = ""):
    """Validate and save one row inside the caller's transaction; its history row says who and why."""
    instance.full_clean()
    instance._history_user = user
    instance._change_reason = (reason or "")[:100] or None
    instance.save()
    return instance


def save_versioned(instance: VersionedModel, *, user, reason: str = "", expected_version: int | None = None):
    """save_with_history with optimistic locking on `version`: a form opened before somebody else saved the
    same row is refused instead of silently overwriting their change."""
    model = type(instance)
    if instance.pk:
        current = model.objects.select_for_update().filter(pk=instance.pk).values_list("version", flat=True).first()
        if current is None:
            raise StaleEdit(_("Dit onderdeel is intussen verwijderd."))
        if expected_version is not None and current != expected_version:
            raise StaleEdit(
                _(
                    "Iemand anders heeft dit intussen gewijzigd. Open de pagina opnieuw; "
                    "uw wijzigingen zijn niet opgeslagen."
                )
            )
        instance.version = current + 1
    return save_with_history(instance, user=user, reason=reason)


@transaction.atomic
def theme_save(*, theme: Theme, user, reason: str = "", expected_version: int | None = None) -> Theme:
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
    save_versioned(project, user=user, reason=reason, expected_version=expected_version)
    for field, values in (("leaders", leaders), ("lead_organisations", lead_organisations), ("partners", partners)):
        if values is not None:
            getattr(project, field).set(values)
    return project


@transaction.atomic
def activity_save(*, activity: Activity, user, reason: str = "", expected_version: int | None = None) -> Activity:
    return save_versioned(activity, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def activity_delete(*, activity: Activity, user, reason: str = "") -> None:
    activity._history_user = user
    activity._change_reason = reason or None
    activity.delete()


def next_activity_number(*, project: Project) -> int:
    last = project.activities.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


def next_theme_number(*, programme: Programme) -> int:
    last = programme.themes.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
