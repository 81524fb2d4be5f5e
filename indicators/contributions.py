"""The programme KPIs each project contributes to, with their current status, for the composite pages above
`indicators` (dashboards/): the project dashboard adds `KpiColumn` to its table (badges on screen, words in
CSV/XLSX: one column serves both, so nothing is written twice), the project page shows them in a panel
(templates/indicators/_project_kpis.html).

Both read through `kpis_by_project`: the KPI dashboard's own selector (four queries), so a project shows the
status /dashboard/ shows, plus one query for the links, whatever the number of projects or indicators.
"""

from collections import defaultdict
from dataclasses import dataclass

import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from projects.models import Programme

from . import selectors
from .models import Indicator
from .selectors import YearRow
from .templatetags.kpi import status_badge


@dataclass(frozen=True)
class Contribution:
    """A KPI a project contributes to, with the indicator's row in the KPI dashboard's current school year."""

    indicator: Indicator
    year: YearRow

    @property
    def assessment(self):
        return self.year.assessment


@dataclass
class ProjectKpis:
    school_year: str | None  # the year the KPI dashboard shows by default, of which the statuses are
    by_project: dict[int, list[Contribution]]

    def of(self, project) -> list[Contribution]:
        return self.by_project.get(project.pk, [])


def kpis_by_project(*, programme: Programme, projects) -> ProjectKpis:
    """project id → its KPIs (in the KPI dashboard's order) with their status. Five queries for any number."""
    ids = [project.pk for project in projects]
    links = set(
        Indicator.projects.through.objects.filter(project_id__in=ids, indicator__programme=programme).values_list(
            "project_id", "indicator_id"
        )
    )
    board = selectors.dashboard(programme=programme)
    by_project = defaultdict(list)
    for row in board.rows:
        for project_id in ids:
            if (project_id, row.indicator.pk) in links:
                by_project[project_id].append(Contribution(row.indicator, row.selected))
    return ProjectKpis(board.selected_year, dict(by_project))


class KpiColumn(tables.Column):
    """The KPIs of the row's project: on screen each name (a link to its page) with its status badge (word,
    icon and colour); in CSV/XLSX "name: status" separated by semicolons."""

    def __init__(self, kpis: ProjectKpis, **kwargs):
        year = kpis.school_year
        label = _("KPI's (status %(year)s)") % {"year": year} if year else _("KPI's")
        super().__init__(
            verbose_name=label,
            empty_values=(),
            orderable=False,
            attrs={"td": {"class": "dashboard-kpis"}},
            **kwargs,
        )
        self.kpis = kpis

    def render(self, record):
        """Grouped by status, so a project with seven KPIs still fits a table row: a badge, then the KPIs
        (by their short category name, each a link to its page) that have that status."""
        contributions = self.kpis.of(record.project)
        if not contributions:
            return format_html('<span class="muted">{}</span>', _("geen KPI gekoppeld"))
        groups = {}
        for contribution in contributions:
            groups.setdefault(contribution.assessment.level, (contribution.assessment, []))[1].append(contribution)
        items = format_html_join(
            "",
            "<li>{} {}</li>",
            (
                (
                    status_badge(assessment),
                    format_html_join(
                        ", ",
                        '<a class="utrecht-link" href="{}" title="{}">{}</a>',
                        (
                            (
                                reverse("indicator_detail", kwargs={"code": c.indicator.code}),
                                c.indicator.name,
                                c.indicator.category,
                            )
                            for c in members
                        ),
                    ),
                )
                for assessment, members in groups.values()
            ),
        )
        return format_html('<ul class="kpi-list">{}</ul>', items)

    def value(self, record, **kwargs):
        contributions = self.kpis.of(record.project)
        return "; ".join(f"{c.indicator.name}: {c.assessment.label}" for c in contributions)
