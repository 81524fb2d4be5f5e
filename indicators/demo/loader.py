"""Loads the IJssel-Vecht streefcijfers and the seed's own figures from streefcijfers.yaml (beside this module).

Runs on `projects.signals.demo_loaded`. Idempotent: rows are found by their natural keys and saved only when
something changed, so a second run writes no history. Figures are never typed into Python: they come from the file.
"""

import re
from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from indicators.models import Indicator, Measurement, Target
from indicators.schoolyear import SchoolYear
from projects.demo.loader import _upsert
from projects.models import Programme, Project

STREEFCIJFERS_FILE = Path(__file__).with_name("streefcijfers.yaml")
SEED_SOURCE = "seed 004 (Vervolgaanpak VSV 2020-2024)"
FINALITY = {None: Measurement.Finality.UNSTATED, "voorlopig": Measurement.Finality.PROVISIONAL}
# Which columns of Tabel 4 ("VSV een jaar later") hold each terugkeer indicator: (share, count of the dropouts).
ONE_YEAR_LATER_COLUMNS = {
    "terugkeer-school": ("share_back_in_education", "back_in_education"),
    "terugkeer-werk": ("share_working", "working"),
}


def read_streefcijfers(path: Path = STREEFCIJFERS_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _decimal(value) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _when(label: str) -> str:
    """ "Nu (cijfers aangeleverd in maart 2020)" → "cijfers aangeleverd in maart 2020"."""
    match = re.search(r"\((.+)\)", label)
    return match[1] if match else label


def _seed_figures(data: dict, indicator: dict):
    """(school year, value, numerator, denominator, finality, source table) of the seed for one indicator."""
    for row in data.get("figures", []):
        if row["category"] == indicator["category"] and row["leerweg"] is None and row["percentage"] is not None:
            yield row["school_year"], row["percentage"], row["dropouts"], row["participants"], row
    columns = ONE_YEAR_LATER_COLUMNS.get(indicator["code"])
    if columns:
        share, count = columns
        for row in data.get("one_year_later", []):
            # Only rows for which the seed states the school year measured (see the notes in the file).
            if row["measured_school_year"]:
                yield row["measured_school_year"], row[share], row[count], row["dropouts"], row


def _link_projects(indicator: Indicator, codes: list[str], projects: dict[str, Project]) -> None:
    """The projects the plan says work on this indicator (see the `projects:` comments in the file). Set only
    when they differ, so a second run writes no history row."""
    wanted = {projects[code].pk for code in codes}
    if set(indicator.projects.values_list("pk", flat=True)) != wanted:
        indicator.projects.set(wanted)


@transaction.atomic
def load_indicators(programme: Programme, path: Path = STREEFCIJFERS_FILE) -> list[Indicator]:
    data = read_streefcijfers(path)
    projects = {project.code: project for project in Project.objects.filter(programme=programme)}
    indicators = []
    for position, item in enumerate(data["indicators"], start=1):
        indicator = _upsert(
            Indicator,
            {
                "name": item["name"],
                "definition": " ".join(item.get("definition", "").split()),
                "unit": Indicator.Unit.PERCENTAGE if item["unit"] == "percentage" else Indicator.Unit.COUNT,
                "direction": item["direction"],
                "group": Indicator.Group(item["group"].lower()),
                "category": item["category"],
                "source": Indicator.Source.DUO,
                "position": position,
                "baseline": _decimal(item["baseline"]),
                "baseline_when": _when(data["baseline_label"]),
                "norm": _decimal(item["norm"]),
                "norm_school_year": data["norm_school_year"] if item["norm"] is not None else "",
            },
            programme=programme,
            code=item["code"],
        )
        for peildatum_year, value in item["targets"].items():
            school_year = str(SchoolYear.measured_on(int(peildatum_year)))
            _upsert(Target, {"value": _decimal(value)}, indicator=indicator, school_year=school_year)
        for school_year, value, numerator, denominator, row in _seed_figures(data, item):
            _upsert(
                Measurement,
                {
                    "value": _decimal(value),
                    "numerator": numerator,
                    "denominator": denominator,
                    "finality": FINALITY[row.get("status")],
                    "source": Measurement.Source.DOCUMENT,
                    "source_detail": f"{SEED_SOURCE}, Bijlage 1: {row['source_table']}",
                    "entered_by": None,
                },
                indicator=indicator,
                region=programme.region,
                school_year=school_year,
            )
        _link_projects(indicator, item.get("projects", []), projects)
        indicators.append(indicator)
    return indicators


def on_demo_loaded(sender, programme, **kwargs):
    load_indicators(programme)
