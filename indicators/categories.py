"""The categories DUO publishes figures for, built in: DUO's normcategorieën, the totals, the "een jaar later"
figures and older categories kept as their own (the covenant's "MBO niveau 3 + 4"); each with the spellings DUO
uses. Pure Python: the Category table (indicators.models) holds these rows plus what the admin adds, and
`ensure_categories` writes them (the migration and every import call it, so a flushed test database still loads).

A category is never folded into another: "MBO niveau 3 + 4" stays its own series beside niveau 3 and niveau 4.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class BuiltIn:
    code: str
    name: str
    group: str  # vo, mbo, totaal, terugkeer
    kind: str  # normcategorie, totaal, een-jaar-later, historisch
    aliases: tuple[str, ...] = ()
    direction: str = "lower"


NORM, TOTAL, ONE_YEAR_LATER, HISTORIC, OWN = "normcategorie", "totaal", "een-jaar-later", "historisch", "eigen"

BUILT_IN = (  # fmt: skip
    BuiltIn("vo-onderbouw", "VO onderbouw", "vo", NORM, ("Onderbouw VO", "VO-onderbouw", "Onderbouw")),
    BuiltIn("vo-bovenbouw-vmbo", "VO bovenbouw vmbo", "vo", NORM, ("Bovenbouw vmbo", "Vmbo bovenbouw")),
    BuiltIn(
        "vo-bovenbouw-havo-vwo",
        "VO bovenbouw havo/vwo",
        "vo",
        NORM,
        ("Bovenbouw havo/vwo", "Havo/vwo bovenbouw", "Bovenbouw havo-vwo"),
    ),
    BuiltIn("mbo-niveau-1", "MBO niveau 1", "mbo", NORM, ("Niveau 1 MBO", "MBO 1", "Entree", "MBO entree")),
    BuiltIn("mbo-niveau-2", "MBO niveau 2", "mbo", NORM, ("Niveau 2 MBO", "MBO 2")),
    BuiltIn("mbo-niveau-3", "MBO niveau 3", "mbo", NORM, ("Niveau 3 MBO", "MBO 3")),
    BuiltIn("mbo-niveau-4", "MBO niveau 4", "mbo", NORM, ("Niveau 4 MBO", "MBO 4")),
    BuiltIn("vavo", "Vavo", "vo", NORM, ("VAVO", "Vavo totaal")),
    BuiltIn("totaal-vo", "Totaal VO", "vo", TOTAL, ("VO totaal", "Totaal voortgezet onderwijs")),
    BuiltIn("totaal-mbo", "Totaal MBO", "mbo", TOTAL, ("MBO totaal", "Totaal middelbaar beroepsonderwijs")),
    BuiltIn(
        "totaal",
        "Totaal VO en MBO",
        "totaal",
        TOTAL,
        ("Totaal", "Totaal VO MBO", "Regio totaal", "Totaal VO, vavo en MBO", "Totaal VO en MBO"),
    ),
    BuiltIn(
        "terugkeer-school",
        "Terug naar school (een jaar later)",
        "terugkeer",
        ONE_YEAR_LATER,
        ("Terug naar school", "Terug in onderwijs"),
        direction="higher",
    ),
    BuiltIn(
        "terugkeer-werk",
        "Aan het werk (een jaar later)",
        "terugkeer",
        ONE_YEAR_LATER,
        ("Terug naar werk", "Werkend"),
        direction="higher",
    ),
    BuiltIn(
        "mbo-niveau-3-4",
        "MBO niveau 3 en 4 samen (convenant, oud)",
        "mbo",
        HISTORIC,
        ("MBO niveau 3 + 4", "MBO niveau 3 en 4", "MBO 3/4", "Niveau 3 en 4 MBO", "MBO niveau 3/4"),
    ),
)

BY_CODE = {category.code: category for category in BUILT_IN}

# Names DUO prints for rows that are no category of their own; the importer passes them by (counted as skipped).
SKIPPED = ("MBO onbekend", "MBO niveau onbekend", "Onbekend", "Examenleerling onbekend")


def aliases() -> dict[str, str]:
    """{spelling: category code} for every built-in spelling, the category's own name included; "" = skip."""
    result = {}
    for category in BUILT_IN:
        for alias in (category.name, *category.aliases):
            result[alias] = category.code
    for alias in SKIPPED:
        result[alias] = ""
    return result


def ensure_categories() -> None:
    """Write the built-in categories that are missing (one query when none are). An admin's edits are kept."""
    from indicators.models import Category

    present = set(Category.objects.filter(code__in=BY_CODE).values_list("code", flat=True))
    missing = [
        Category(
            code=category.code,
            name=category.name,
            group=category.group,
            kind=category.kind,
            direction=category.direction,
            position=position,
        )
        for position, category in enumerate(BUILT_IN, start=1)
        if category.code not in present
    ]
    if missing:
        Category.objects.bulk_create(missing, ignore_conflicts=True)
