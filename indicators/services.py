"""Every write to KPIs and, by hand, to figures: only by those projects/permissions.py allows (a KPI by its
programme's managers; a figure of a region by that region's programme managers and the data stewards),
validated, refused when stale, in a transaction, with a history row (who, when, why). The DUO import runs have
their own module: importers/runs.py."""

from django.db import transaction

from core.history import save_versioned
from projects import permissions

from .models import Figure, Indicator, Norm, Target


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
def figure_save(*, figure: Figure, programme, user, reason: str = "", expected_version: int | None = None) -> Figure:
    """A figure of a region entered or corrected by hand, from `programme`'s pages: a shared fact, so only the
    managers of a programme of that region (or a data steward) may write it. The previous value stays in the
    history, with the reason; a new figure records the programme it was entered for."""
    entered_for = Figure.objects.filter(pk=figure.pk).values_list("programme_id", flat=True).first()
    permissions.require_write_figure(user, programme, figure.area_kind, figure.area_code, entered_for)
    figure.source = Figure.Source.HAND
    figure.entered_by = user
    if figure.pk is None:
        figure.programme = programme
    return save_versioned(figure, user=user, reason=reason, expected_version=expected_version)


@transaction.atomic
def norm_save(*, norm: Norm, user, reason: str = "", expected_version: int | None = None) -> Norm:
    """A national norm of a category for a school year: shared by every programme, so the data stewards' to keep."""
    permissions.require_keep_norms(user)
    return save_versioned(norm, user=user, reason=reason, expected_version=expected_version)
