"""The column and category names DUO is known to use (issue 6), as a starting point the admin extends.

Aliases are stored normalised (upper case; spaces for hyphens, underscores and apostrophes; "/" and "%" as
words), the way indicators.importers.vocabulary.normalise writes them; the copy of that rule below is frozen
with this migration.
"""

import re

from django.db import migrations

COLUMNS = {
    "region_code": ["RMC-REGIO CODE", "RMC REGIO", "REGIO CODE", "RMC_REGIO_CODE", "RMC-REGIOCODE", "REGIOCODE",
                    "RMC CODE", "RMC-REGIO NUMMER"],
    "region_name": ["RMC-REGIO NAAM", "RMC REGIONAAM", "REGIO NAAM", "REGIONAAM", "RMC NAAM"],
    "municipality_code": ["GEMEENTENUMMER", "GEMEENTE NUMMER", "GEMEENTECODE", "GEMEENTE CODE", "CODE GEMEENTE"],
    "municipality_name": ["GEMEENTENAAM", "GEMEENTE NAAM", "NAAM GEMEENTE"],
    "school_year": ["SCHOOLJAAR", "CONVENANTJAAR", "JAAR", "CONVENANT JAAR", "PEILJAAR"],
    "category": ["NORMCATEGORIE", "CATEGORIE", "NORM CATEGORIE", "VSV CATEGORIE"],
    "education_type": ["ONDERWIJSSOORT", "ONDERWIJS SOORT", "SECTOR"],
    "participants": ["AANTAL DEELNEMERS", "DEELNEMERS", "STARTPOPULATIE", "AANTAL STARTPOPULATIE",
                     "START POPULATIE"],
    "dropouts": ["AANTAL VSV'ERS", "AANTAL VSV ERS", "VSV-ERS", "AANTAL VSV", "VSV'ERS", "AANTAL VSVERS", "VSVERS",
                 "AANTAL NIEUWE VSV'ERS"],
    "percentage": ["VSV-PERCENTAGE", "PERCENTAGE VSV", "VSV%", "VSV PERC", "PERCENTAGE"],
    "status": ["STATUS", "SOORT CIJFER", "SOORT CIJFERS", "CIJFERSTATUS"],
    "back_in_education": ["AANTAL TERUG IN ONDERWIJS", "TERUG IN ONDERWIJS", "AANTAL TERUG NAAR SCHOOL"],
    "working": ["AANTAL WERKEND", "WERKEND", "AANTAL AAN HET WERK"],
    "share_back_in_education": ["AANDEEL TERUG IN ONDERWIJS", "PERCENTAGE TERUG IN ONDERWIJS",
                                "% TERUG IN ONDERWIJS"],
    "share_working": ["AANDEEL WERKEND", "PERCENTAGE WERKEND", "% WERKEND"],
    "note": ["BRON", "TOELICHTING", "OPMERKING"],
}

CATEGORIES = {
    "vo-onderbouw": ["Onderbouw VO", "VO onderbouw", "VO-onderbouw", "Onderbouw"],
    "vo-bovenbouw-vmbo": ["Bovenbouw vmbo", "VO bovenbouw vmbo", "Vmbo bovenbouw", "VO bovenbouw vmbo"],
    "vo-bovenbouw-havo-vwo": ["Bovenbouw havo/vwo", "VO bovenbouw havo/vwo", "Havo/vwo bovenbouw",
                              "Bovenbouw havo-vwo"],
    "mbo-niveau-1": ["MBO niveau 1", "Niveau 1 MBO", "MBO 1", "Entree", "MBO entree"],
    "mbo-niveau-2": ["MBO niveau 2", "Niveau 2 MBO", "MBO 2"],
    "mbo-niveau-3": ["MBO niveau 3", "Niveau 3 MBO", "MBO 3"],
    "mbo-niveau-4": ["MBO niveau 4", "Niveau 4 MBO", "MBO 4"],
    "totaal": ["Totaal", "Totaal VO en MBO", "Totaal VO MBO", "Regio totaal", "Totaal VO, vavo en MBO"],
    "": ["Totaal VO", "Totaal MBO", "MBO onbekend", "MBO niveau onbekend", "Onbekend", "VO totaal", "MBO totaal"],
}

_TRANSLATE = str.maketrans({"'": " ", "’": " ", "‘": " ", "`": " ", "´": " ", "-": " ", "_": " ", "–": " "})


def _normalise(text):
    text = text.translate(_TRANSLATE).replace("/", " / ").replace("%", " %")
    return re.sub(r"\s+", " ", text).strip().upper()


def seed(apps, schema_editor):
    ColumnAlias = apps.get_model("indicators", "ColumnAlias")
    CategoryAlias = apps.get_model("indicators", "CategoryAlias")
    for field, aliases in COLUMNS.items():
        for alias in aliases:
            ColumnAlias.objects.get_or_create(alias=_normalise(alias), defaults={"field": field})
    for code, aliases in CATEGORIES.items():
        for alias in aliases:
            CategoryAlias.objects.get_or_create(alias=_normalise(alias), defaults={"category_code": code})


def unseed(apps, schema_editor):
    apps.get_model("indicators", "ColumnAlias").objects.all().delete()
    apps.get_model("indicators", "CategoryAlias").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("indicators", "0002_imports")]

    operations = [migrations.RunPython(seed, unseed)]
