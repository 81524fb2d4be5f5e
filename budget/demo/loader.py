"""Loads chapter 7 (Financiën) of seed 004 from budget/demo/budget.yaml: the adopted budget 2021-2024.

Idempotent: sections, lines and amounts are found by their natural keys and only saved when they differ,
so a second run writes no history. Spending and budget changes are not demo data (the seed has none).
"""

from decimal import Decimal
from pathlib import Path

import yaml
from django.db import transaction

from budget.models import BudgetAmount, BudgetLine, BudgetSection, BudgetSettings
from core.demo import upsert
from projects.models import Programme

BUDGET_FILE = Path(__file__).resolve().parent.parent / "demo" / "budget.yaml"


def read_budget(path: Path = BUDGET_FILE) -> dict:
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@transaction.atomic
def load_budget(programme: Programme, path: Path = BUDGET_FILE) -> None:
    data = read_budget(path)
    years = [int(year) for year in data["years"]]
    upsert(
        BudgetSettings,
        {"first_year": min(years), "last_year": max(years), "hourly_rate": Decimal(str(data["hourly_rate"]))},
        programme=programme,
    )
    themes = {theme.number: theme for theme in programme.themes.all()}
    projects = {project.code: project for project in programme.projects.all()}
    for position, section_data in enumerate(data["sections"], start=1):
        section = upsert(
            BudgetSection,
            {
                "position": position,
                "theme": themes.get(section_data["theme"]),
                "shows_total": section_data.get("total") is not None,
                "note": section_data.get("note", ""),
            },
            programme=programme,
            title=section_data["title"],
        )
        for line_position, line_data in enumerate(section_data["lines"], start=1):
            project_code = line_data.get("project")
            line = upsert(
                BudgetLine,
                {
                    "programme": programme,
                    "position": line_position,
                    "project": projects[str(project_code)] if project_code else None,
                    "recipient": line_data["recipient"].split()[0],
                    "kind": line_data["kind"],
                },
                section=section,
                description=line_data["description"],
            )
            for year, amount in line_data["amounts"].items():
                if amount is None:
                    BudgetAmount.objects.filter(line=line, year=int(year)).delete()
                else:
                    upsert(BudgetAmount, {"amount": Decimal(str(amount))}, line=line, year=int(year))
