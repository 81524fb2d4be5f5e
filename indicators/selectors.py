"""Reads for the import and region pages, each with a fixed number of queries."""

from django.db.models import Count, Prefetch, Q, QuerySet

from projects.models import Municipality, Region

from .models import ImportRun


def previous_import(*, kind: str, checksum: str, exclude_pk: int | None = None) -> ImportRun | None:
    """The successful run that already imported a file with this checksum, if any."""
    runs = ImportRun.objects.filter(kind=kind, checksum=checksum, status=ImportRun.Status.SUCCEEDED)
    if exclude_pk is not None:
        runs = runs.exclude(pk=exclude_pk)
    return runs.order_by("finished_at").first()


def regions_with_municipalities(*, search: str = "") -> QuerySet[Region]:
    """Every region with its municipalities (two queries), optionally those whose name, code or municipality
    matches `search`."""
    regions = Region.objects.annotate(municipality_count=Count("municipalities")).order_by("code")
    if search:
        matching = Municipality.objects.filter(name__icontains=search).values("region_id")
        regions = regions.filter(Q(code__iexact=search) | Q(name__icontains=search) | Q(pk__in=matching))
    return regions.prefetch_related(Prefetch("municipalities", queryset=Municipality.objects.order_by("name")))
