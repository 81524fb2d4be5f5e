"""Loads the IJssel-Vecht KPIs and streefcijfers from streefcijfers.yaml, the national norms per school year from
normen.yaml, then the figures through the DUO importer (as the data stewards' runs: shared figures).

Called by `dashboards.demo.load_demo` after the plan and budget. Idempotent: indicators and targets are found by
their natural keys and saved only when something changed; a figures file already imported is not imported again, so
a second run writes no rows and no history. Figures are never typed into Python.

One source per figure: the seed's 2018-2019 figures (Bijlage 1) and the made-up later years live in the demo files
duo_vsv_regio10.csv and duo_een_jaar_later_regio10.csv, Bijlage 1's per-leerweg tables in duo_vsv_regio10_leerweg.csv
(breakdowns, with two misprints corrected and said so per row), seed 000's national percentages in
duo_vsv_landelijk.csv; they reach the database only through the importer, like a real DUO file. streefcijfers.yaml
keeps the seed's full tables (per leerweg, with notes) as the checked transcription; tests/indicators/
test_demo_figures.py proves the CSV rows equal it."""

import re
from pathlib import Path

import yaml
from django.db import transaction

from core.demo import upsert, yaml_decimal
from core.periods import SchoolYear
from indicators import selectors
from indicators.categories import ensure_categories
from indicators.importers.runs import checksum_of, import_run_create, import_run_execute
from indicators.models import ImportRun, Indicator, Norm, Target
from projects.models import Programme, Project

STREEFCIJFERS_FILE = Path(__file__).with_name("streefcijfers.yaml")
NORMS_FILE = Path(__file__).with_name("normen.yaml")
FIGURES_FILES = [
    Path(__file__).with_name("duo_vsv_regio10.csv"),
    Path(__file__).with_name("duo_een_jaar_later_regio10.csv"),
    Path(__file__).with_name("duo_vsv_regio10_leerweg.csv"),
    Path(__file__).with_name("duo_vsv_landelijk.csv"),
]


def read_streefcijfers(path: Path = STREEFCIJFERS_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _when(label: str) -> str:
    """ "Nu (cijfers aangeleverd in maart 2020)" → "cijfers aangeleverd in maart 2020"."""
    match = re.search(r"\((.+)\)", label)
    return match[1] if match else label


def _link_projects(indicator: Indicator, codes: list[str], projects: dict[str, Project]) -> None:
    """The projects the plan says work on this indicator (see the `projects:` comments in the file). Set only
    when they differ, so a second run writes no history row."""
    wanted = {projects[code].pk for code in codes if code in projects}  # a programme without them links none
    if set(indicator.projects.values_list("pk", flat=True)) != wanted:
        indicator.projects.set(wanted)


@transaction.atomic
def load_norms(path: Path = NORMS_FILE) -> list[Norm]:
    """The national norms per category and school year (shared: one row each, whatever the programmes)."""
    ensure_categories()
    with open(path, encoding="utf-8") as handle:
        items = yaml.safe_load(handle)["norms"]
    return [
        upsert(
            Norm,
            {"value": yaml_decimal(item["value"]), "source_detail": item["source"]},
            category_id=item["category"],
            school_year=item["school_year"],
        )
        for item in items
    ]


@transaction.atomic
def load_indicators(programme: Programme, path: Path = STREEFCIJFERS_FILE) -> list[Indicator]:
    ensure_categories()
    load_norms()
    data = read_streefcijfers(path)
    projects = {project.code: project for project in Project.objects.filter(programme=programme)}
    indicators = []
    for position, item in enumerate(data["indicators"], start=1):
        indicator = upsert(
            Indicator,
            {
                "name": item["name"],
                "definition": " ".join(item.get("definition", "").split()),
                "unit": Indicator.Unit.PERCENTAGE if item["unit"] == "percentage" else Indicator.Unit.COUNT,
                "direction": item["direction"],
                "group": Indicator.Group(item["group"].lower()),
                "category_id": item["code"],
                "source": Indicator.Source.DUO,
                "position": position,
                "baseline": yaml_decimal(item["baseline"]),
                "baseline_when": _when(data["baseline_label"]),
            },
            programme=programme,
            code=item["code"],
        )
        for peildatum_year, value in item["targets"].items():
            school_year = str(SchoolYear.measured_on(int(peildatum_year)))
            upsert(Target, {"value": yaml_decimal(value)}, indicator=indicator, school_year=school_year)
        _link_projects(indicator, item.get("projects", []), projects)
        indicators.append(indicator)
    return indicators


def load_demo_figures() -> list[ImportRun]:
    """Import the demo figures files as the DUO importer would (source "demo", the data stewards' runs: every area);
    a file imported before is skipped."""
    runs = []
    for path in FIGURES_FILES:
        data = path.read_bytes()
        if selectors.previous_import(kind=ImportRun.Kind.FIGURES, checksum=checksum_of(data)):
            continue
        run = import_run_create(
            kind=ImportRun.Kind.FIGURES, data=data, file_name=path.name, source=ImportRun.Source.DEMO
        )
        run = import_run_execute(run=run)
        if run.status != ImportRun.Status.SUCCEEDED:
            raise ValueError(f"demo file {path.name} did not import: {run.errors}")
        runs.append(run)
    return runs
