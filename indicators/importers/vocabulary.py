"""The words DUO uses for columns and categories: built in below, extended as data (ColumnAlias, CategoryAlias) in
the admin. (Built in rather than seeded by a data migration, so a test database flushed between transactional
tests still reads DUO's files.)

`normalise` decides when two spellings are the same word: case, spaces, hyphens, underscores and
apostrophes do not count, so "AANTAL VSV'ERS", "Aantal vsv-ers" and "AANTAL_VSV_ERS" are one alias.
"""

import re
from dataclasses import dataclass, field

from .. import categories

_APOSTROPHES = str.maketrans({"'": " ", "’": " ", "‘": " ", "`": " ", "´": " ", "-": " ", "_": " ", "–": " "})
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """One spelling for a header or category: upper case, one space between words, "/" and "%" as words."""
    text = str(text).replace("\ufeff", "").translate(_APOSTROPHES).replace("/", " / ").replace("%", " %")
    return _SPACES.sub(" ", text).strip().upper()


# The spellings DUO is known to use. The admin adds more (ColumnAlias, CategoryAlias); an alias stored there
# wins over a built-in one, so a built-in name can also be remapped, or sent to "" (skip) for categories.
COLUMNS = {  # fmt: skip
    "region_code": [
        "RMC-REGIO CODE",
        "RMC REGIO",
        "REGIO CODE",
        "RMC_REGIO_CODE",
        "RMC-REGIOCODE",
        "REGIOCODE",
        "RMC CODE",
        "RMC-REGIO NUMMER",
    ],
    "region_name": ["RMC-REGIO NAAM", "RMC REGIONAAM", "REGIO NAAM", "REGIONAAM", "RMC NAAM"],
    "municipality_code": ["GEMEENTENUMMER", "GEMEENTE NUMMER", "GEMEENTECODE", "GEMEENTE CODE", "CODE GEMEENTE"],
    "municipality_name": ["GEMEENTENAAM", "GEMEENTE NAAM", "NAAM GEMEENTE"],
    "school_year": ["SCHOOLJAAR", "CONVENANTJAAR", "JAAR", "CONVENANT JAAR", "PEILJAAR"],
    "category": ["NORMCATEGORIE", "CATEGORIE", "NORM CATEGORIE", "VSV CATEGORIE"],
    "education_type": ["ONDERWIJSSOORT", "ONDERWIJS SOORT", "SECTOR"],
    "participants": ["AANTAL DEELNEMERS", "DEELNEMERS", "STARTPOPULATIE", "AANTAL STARTPOPULATIE", "START POPULATIE"],
    "dropouts": [
        "AANTAL VSV'ERS",
        "AANTAL VSV ERS",
        "VSV-ERS",
        "AANTAL VSV",
        "VSV'ERS",
        "AANTAL VSVERS",
        "VSVERS",
        "AANTAL NIEUWE VSV'ERS",
    ],
    "percentage": ["VSV-PERCENTAGE", "PERCENTAGE VSV", "VSV%", "VSV PERC", "PERCENTAGE"],
    "status": [
        "STATUS",
        "SOORT CIJFER",
        "SOORT CIJFERS",
        "CIJFERSTATUS",
        "DEFINITIEF / VOORLOPIG",
        "VOORLOPIG / DEFINITIEF",
        "VOORLOPIG OF DEFINITIEF",
        "DEFINITIEF OF VOORLOPIG",
        "STATUS CIJFERS",
        "PEILSTATUS",
    ],
    "back_in_education": ["AANTAL TERUG IN ONDERWIJS", "TERUG IN ONDERWIJS", "AANTAL TERUG NAAR SCHOOL"],
    "working": ["AANTAL WERKEND", "WERKEND", "AANTAL AAN HET WERK"],
    "share_back_in_education": ["AANDEEL TERUG IN ONDERWIJS", "PERCENTAGE TERUG IN ONDERWIJS", "% TERUG IN ONDERWIJS"],
    "share_working": ["AANDEEL WERKEND", "PERCENTAGE WERKEND", "% WERKEND"],
    "note": ["BRON", "TOELICHTING", "OPMERKING"],
    # Breakdown columns: a file with one of these has a row per leerweg (or sex, or age) and a total per category.
    "leerweg": [
        "LEERWEG LEERJAAR",
        "LEERWEG EN LEERJAAR",
        "LEERWEG",
        "LEERWEG EN NIVEAU",
        "LEERWEG NIVEAU",
        "LEERJAAR",
    ],
    "geslacht": ["GESLACHT", "SEKSE"],
    "leeftijd": ["LEEFTIJD", "LEEFTIJDSKLASSE", "LEEFTIJD IN JAREN"],
}
BREAKDOWN_FIELDS = ("leerweg", "geslacht", "leeftijd")

BUILT_IN_COLUMNS = {normalise(alias): field for field, aliases in COLUMNS.items() for alias in aliases}
BUILT_IN_CATEGORIES = {normalise(alias): code for alias, code in categories.aliases().items()}


@dataclass(frozen=True)
class Vocabulary:
    """Column aliases (normalised alias → field) and category aliases (normalised alias → category code, "" for a
    name whose rows are passed by)."""

    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    def field_for(self, header: str) -> str | None:
        return self.columns.get(normalise(header))

    def category_for(self, name: str) -> str | None:
        """The category code for a name; "" means a known category that is not loaded (totals); None: unknown."""
        return self.categories.get(normalise(name))


def load_vocabulary() -> Vocabulary:
    """Both alias tables and the categories' own names and codes, in three queries."""
    from indicators.models import Category, CategoryAlias, ColumnAlias

    own_names = {}
    for code, name in Category.objects.values_list("code", "name"):
        own_names[normalise(code)] = own_names[normalise(name)] = code
    stored = {alias: code or "" for alias, code in CategoryAlias.objects.values_list("alias", "category_id")}
    return Vocabulary(
        columns={**BUILT_IN_COLUMNS, **dict(ColumnAlias.objects.values_list("alias", "field"))},
        categories={**own_names, **BUILT_IN_CATEGORIES, **stored},
    )
