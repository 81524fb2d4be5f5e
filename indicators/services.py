"""Every write to KPIs: only by programme managers (projects/permissions.py), validated, refused when stale, in a
transaction, with a history row (who, when, why). The DUO import runs have their own module: importers/runs.py."""

from django.db import transaction

from core.history import save_versioned
from projects import permissions

from .models import Indicator, Measurement, Target


@transaction.atomic
def indicator_update(
    *, indicator: Indicator, user, projects=None, reason: str = "", expected_version: int | None = None
) -> Indicator:
    """Baseline, norm, margin and description of an indicator; `projects` (if given) replaces its projects."""
    permissions.require_manage(user, indicator.programme)
    save_versioned(indicator, user=user, reason=reason, expected_version=expected_version)
    if projects is not None:
        indicator.projects.set(projects)
    return indicator


@transaction.atomic
def target_save(*, target: Target, user, reason: str = "", expected_version: int | None = None) -> Target:
    permissions.require_manage(user, target.indicator.programme)
    return save_versioned(target, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def target_delete(*, target: Target, user, reason: str = "") -> None:
    permissions.require_manage(user, target.indicator.programme)
    target._history_user = user
    target._change_reason = reason or None
    target.delete()


@transaction.atomic
def measurement_save(
    *, measurement: Measurement, user, reason: str = "", expected_version: int | None = None
) -> Measurement:
    """A figure entered or corrected by hand. The previous value stays in the history, with the reason."""
    permissions.require_manage(user, measurement.indicator.programme)
    measurement.source = Measurement.Source.HAND
    measurement.entered_by = user
    if not measurement.region_id:
        measurement.region_id = measurement.indicator.programme.region_id
    return save_versioned(measurement, user=user, reason=reason, expected_version=expected_version)
