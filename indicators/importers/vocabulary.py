"""The words DUO uses for columns and categories: built in below, extended as data (ColumnAlias, CategoryAlias) in
the admin. (Built in rather than seeded by a data migration, so a test database flushed between transactional
tests still reads DUO's files.)

`normalise` decides when two spellings are the same word: case, spaces, hyphens, underscores and
apostrophes do not count, so "AANTAL VSV'ERS", "Aantal vsv-ers" and "AANTAL_VSV_ERS" are one alias.
"""

import re
from dataclasses import dataclass, field

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
    "status": ["STATUS", "SOORT CIJFER", "SOORT CIJFERS", "CIJFERSTATUS"],
    "back_in_education": ["AANTAL TERUG IN ONDERWIJS", "TERUG IN ONDERWIJS", "AANTAL TERUG NAAR SCHOOL"],
    "working": ["AANTAL WERKEND", "WERKEND", "AANTAL AAN HET WERK"],
    "share_back_in_education": ["AANDEEL TERUG IN ONDERWIJS", "PERCENTAGE TERUG IN ONDERWIJS", "% TERUG IN ONDERWIJS"],
    "share_working": ["AANDEEL WERKEND", "PERCENTAGE WERKEND", "% WERKEND"],
    "note": ["BRON", "TOELICHTING", "OPMERKING"],
}

CATEGORIES = {  # fmt: skip
    "vo-onderbouw": ["Onderbouw VO", "VO onderbouw", "VO-onderbouw", "Onderbouw"],
    "vo-bovenbouw-vmbo": ["Bovenbouw vmbo", "VO bovenbouw vmbo", "Vmbo bovenbouw", "VO bovenbouw vmbo"],
    "vo-bovenbouw-havo-vwo": [
        "Bovenbouw havo/vwo",
        "VO bovenbouw havo/vwo",
        "Havo/vwo bovenbouw",
        "Bovenbouw havo-vwo",
    ],
    "mbo-niveau-1": ["MBO niveau 1", "Niveau 1 MBO", "MBO 1", "Entree", "MBO entree"],
    "mbo-niveau-2": ["MBO niveau 2", "Niveau 2 MBO", "MBO 2"],
    "mbo-niveau-3": ["MBO niveau 3", "Niveau 3 MBO", "MBO 3"],
    "mbo-niveau-4": ["MBO niveau 4", "Niveau 4 MBO", "MBO 4"],
    "totaal": ["Totaal", "Totaal VO en MBO", "Totaal VO MBO", "Regio totaal", "Totaal VO, vavo en MBO"],
    "": ["Totaal VO", "Totaal MBO", "MBO onbekend", "MBO niveau onbekend", "Onbekend", "VO totaal", "MBO totaal"],
}

BUILT_IN_COLUMNS = {normalise(alias): field for field, aliases in COLUMNS.items() for alias in aliases}
BUILT_IN_CATEGORIES = {normalise(alias): code for code, aliases in CATEGORIES.items() for alias in aliases}


@dataclass(frozen=True)
class Vocabulary:
    """Column aliases (normalised alias → field) and category aliases (normalised alias → category code)."""

    columns: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    def field_for(self, header: str) -> str | None:
        return self.columns.get(normalise(header))

    def category_for(self, name: str) -> str | None:
        """The category code for a name; "" means a known category that is not loaded (totals); None: unknown."""
        return self.categories.get(normalise(name))


def load_vocabulary() -> Vocabulary:
    """Both alias tables, in two queries."""
    from indicators.models import CategoryAlias, ColumnAlias

    return Vocabulary(
        columns={**BUILT_IN_COLUMNS, **dict(ColumnAlias.objects.values_list("alias", "field"))},
        categories={**BUILT_IN_CATEGORIES, **dict(CategoryAlias.objects.values_list("alias", "category_code"))},
    )
