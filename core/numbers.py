"""Numbers written the Dutch way, in one place. Pure Python: the forms and the DUO importer all read with it,
and write counts and decimals back with it in their messages ("7.595", "3,70").

"3,70", "3,70%", "3.70", "1.234,5" are decimals (a comma is the decimal sign; dots before it group thousands;
without a comma a dot is the decimal sign, as figures such as "0.00" in DUO's tables are written). Amounts and
hours ask `dots_group_thousands`: there "1.500" and "1.250.000" are whole numbers, as a Dutch user means them
(and as Django's localized input read them before); KPI figures keep DUO's reading of a dot. Counts are whole
numbers with or without thousands dots or spaces: "10.492", "13 405", "13405".
"""

import re
from decimal import Decimal, InvalidOperation

_GROUPED_DECIMAL = re.compile(r"[-+]?\d{1,3}(\.\d{3})+,\d*")
_PLAIN_DECIMAL = re.compile(r"[-+]?(\d+(\.\d*)?|\.\d+)")
_GROUPED_WHOLE = re.compile(r"[-+]?[1-9]\d{0,2}(\.\d{3})+")
_COUNT = re.compile(r"\d{1,3}([.\s]\d{3})+|\d+")


def parse_decimal(text, *, dots_group_thousands: bool = False) -> Decimal:
    """ "3,70", "3,70%", "3.70", " 3,7 ", "1.234,5" → Decimal. ValueError when it is not a number.
    With `dots_group_thousands`, "1.500" is 1500 (not 1.5); "1.50" and "0.500" keep their dot as decimal sign."""
    cleaned = re.sub(r"\s+", "", str(text)).removesuffix("%")
    if dots_group_thousands and _GROUPED_WHOLE.fullmatch(cleaned):
        cleaned = cleaned.replace(".", "")
    elif "," in cleaned and "." in cleaned:  # 1.234,56: dots group thousands, the comma is the decimal sign
        if not _GROUPED_DECIMAL.fullmatch(cleaned):
            raise ValueError(text)
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(",") == 1:
        cleaned = cleaned.replace(",", ".")
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValueError(text) from exc


def parse_count(text) -> int:
    """ "10.492", "13 405", "13405" → int. ValueError for anything else ("10,5", "1.23", "-3", "veel")."""
    cleaned = str(text).strip()
    if not _COUNT.fullmatch(cleaned):
        raise ValueError(text)
    return int(re.sub(r"[.\s]", "", cleaned))


def format_count(count: int) -> str:
    """7595 → "7.595", as DUO writes counts."""
    return f"{count:,}".replace(",", ".")


def format_decimal(number: Decimal) -> str:
    """Decimal("3.70") → "3,70", with the decimals it has ("0,2" stays "0,2")."""
    return f"{number}".replace(".", ",")


def query_int(value: str | None, *, digits: int = 9) -> int | None:
    """A whole number from a query parameter (`?versie=2`, `?van=17`), or None for anything else: empty, text,
    a superscript ² (which str.isdigit() accepts and int() refuses) or a number too long for a key."""
    value = (value or "").strip()
    if value.isascii() and value.isdecimal() and len(value) <= digits:
        return int(value)
    return None
