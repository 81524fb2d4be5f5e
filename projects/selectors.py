"""Reads for the plan pages, each with a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.db.models import Case, Count, Prefetch, Q, QuerySet, Value, When

from .models import Activity, Membership, Programme, Project, Theme


def programme_for_user(user) -> Programme | None:
    """The programme a user works in: of those they have a role in (administrators: all), an active one before a
    concept or a closed one, then the newest. A new concept programme does not take its managers away from the
    active one."""
    if not user.is_authenticated:
        return None
    active_first = Case(When(status=Programme.Status.ACTIVE, then=Value(0)), default=Value(1))
    programmes = Programme.objects.select_related("region").order_by(active_first, "-first_year", "-pk")
    if not user.is_superuser:
        programmes = programmes.filter(memberships__user=user)
    return programmes.first()


def programmes_for_user(user) -> list[Programme]:
    """Every programme the user has a role in (administrators: all), by region, newest period first."""
    if not user.is_authenticated:
        return []
    programmes = Programme.objects.select_related("region").order_by("region__name", "-first_year", "-pk")
    if not user.is_superuser:
        programmes = programmes.filter(memberships__user=user).distinct()
    return list(programmes)


def _leaders_prefetch():
    return Prefetch("leaders", queryset=get_user_model().objects.order_by("last_name", "first_name", "username"))


def themes_with_projects(*, programme: Programme) -> QuerySet[Theme]:
    projects = (
        Project.objects.order_by("code")
        .prefetch_related(_leaders_prefetch(), "lead_organisations")
        .annotate(activity_count=Count("activities"))
    )
    return programme.themes.order_by("number").prefetch_related(Prefetch("projects", queryset=projects))


def project_list(*, programme: Programme) -> QuerySet[Project]:
    return (
        Project.objects.filter(programme=programme)
        .select_related("theme")
        .prefetch_related(_leaders_prefetch(), "lead_organisations")
        .annotate(activity_count=Count("activities"))
        .order_by("theme__number", "code")
    )


def project_detail(*, programme: Programme, code: str) -> Project:
    return (
        Project.objects.select_related("theme", "programme")
        .prefetch_related(
            _leaders_prefetch(),
            "partners",
            "lead_organisations",
            Prefetch("activities", queryset=Activity.objects.order_by("number")),
        )
        .get(programme=programme, code=code)
    )


def programme_people(*, programme: Programme, role: str | None = None):
    users = get_user_model().objects.filter(memberships__programme=programme)
    if role:
        users = users.filter(memberships__role=role)
    return users.distinct().order_by("last_name", "first_name", "username")


def with_changes(rows, fields):
    """Attach `changes` (label, old, new) to each history row: simple-history's `diff_against` the previous row of
    the same object among `rows`, limited to `fields` and listed in their order. In memory: no query per row."""
    names = [field.name for field in fields]
    labels = {field.name: field.verbose_name for field in fields}
    previous = {}
    for row in sorted(rows, key=lambda r: (r.id, r.history_date)):
        before = previous.get(row.id)
        row.changes = []
        if before is not None and row.history_type == "~":
            delta = row.diff_against(before, included_fields=names)
            changed = {change.field: change for change in delta.changes}
            row.changes = [(labels[name], changed[name].old, changed[name].new) for name in names if name in changed]
        previous[row.id] = row
    return rows


def project_history(*, project: Project, limit: int = 200):
    """Changes to the project and its activities, newest first, with who made them, what changed and why."""
    project_fields = [
        Project._meta.get_field(name) for name in ("code", "title", "description", "goal", "target_group")
    ]
    activity_fields = [Activity._meta.get_field(name) for name in ("number", "title", "description", "who", "when")]
    project_rows = list(project.history.select_related("history_user").order_by("-history_date")[:limit])
    activity_rows = list(
        Activity.history.filter(project_id=project.pk).select_related("history_user").order_by("-history_date")[:limit]
    )
    rows = [*with_changes(project_rows, project_fields), *with_changes(activity_rows, activity_fields)]
    rows.sort(key=lambda row: row.history_date, reverse=True)
    return rows[:limit]


def search_filter(term: str) -> Q:
    return (
        Q(code__icontains=term)
        | Q(title__icontains=term)
        | Q(description__icontains=term)
        | Q(target_group__icontains=term)
        | Q(goal__icontains=term)
    )


def memberships(*, programme: Programme):
    return Membership.objects.filter(programme=programme).select_related("user").order_by("role", "user__username")
