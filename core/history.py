"""Versioned rows and writes with history: every user-facing write says who and why (django-simple-history),
and a form opened before somebody else saved the same row is refused instead of silently overwriting."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class VersionedModel(models.Model):
    """A row that forms edit: `version` goes up on every save, so a stale form is refused, not applied. A model
    whose `version` means something else keeps its lock in another field and names it in `LOCK_FIELD`."""

    LOCK_FIELD = "version"
    version = models.PositiveIntegerField(default=1, editable=False)
    updated_at = models.DateTimeField(gettext_lazy("gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class StaleEdit(ValidationError):
    """Somebody saved the same row after this form was opened."""


def save_with_history(instance, *, user, reason: str = ""):
    """Validate and save one row inside the caller's transaction; its history row says who and why."""
    instance.full_clean()
    instance._history_user = user
    instance._change_reason = (reason or "")[:100] or None
    instance.save()
    return instance


def lock_version(instance) -> int:
    """The row's optimistic-lock counter (`version`, or the field its model names in LOCK_FIELD)."""
    return getattr(instance, getattr(type(instance), "LOCK_FIELD", "version"))


def save_versioned(instance, *, user, reason: str = "", expected_version: int | None = None):
    """save_with_history with optimistic locking on the row's lock counter (`lock_version`): a form opened before
    somebody else saved the same row is refused instead of silently overwriting their change."""
    model = type(instance)
    field = getattr(model, "LOCK_FIELD", "version")
    if instance.pk:
        current = model.objects.select_for_update().filter(pk=instance.pk).values_list(field, flat=True).first()
        if current is None:
            raise StaleEdit(_("Dit onderdeel is intussen verwijderd."))
        if expected_version is not None and current != expected_version:
            raise StaleEdit(
                _(
                    "Iemand anders heeft dit intussen gewijzigd. Open de pagina opnieuw; "
                    "uw wijzigingen zijn niet opgeslagen."
                )
            )
        setattr(instance, field, current + 1)
    return save_with_history(instance, user=user, reason=reason)
