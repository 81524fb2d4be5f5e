"""One cell of a DUO file of VSV figures: school years, RMC region codes, counts and percentages as DUO writes
them, and the counts DUO hides (`<5`, `-`: Masked, unknown and never zero). Pure Python: no database, no file.
Counts and decimals are written back the Dutch way for messages by core.numbers.
"""

import re
from decimal import Decimal

from core import numbers
from core.periods import SchoolYear

_MASKED = re.compile(r"^(<\s*\d+|[-–—*xX.]|n\.?v\.?t\.?|n\.?b\.?)$", re.IGNORECASE)
_REGION_CODE = re.compile(r"^\s*(?:RMC)?[\s-]*(?:REGIO)?[\s-]*0*(\d{1,3})\s*$", re.IGNORECASE)
# A region cell holding code and name: "10 IJssel-Vecht", "RMC-regio 10 - IJssel-Vecht", "10: IJssel-Vecht".
_REGION_CODE_AND_NAME = re.compile(
    r"^\s*(?:RMC)?[\s-]*(?:REGIO)?[\s-]*0*(\d{1,3})\s*[-–:.,]?\s+(\D.*?)\s*$", re.IGNORECASE
)
_MUNICIPALITY_CODE = re.compile(r"^\s*(?:GM)?\s*0*(\d{1,4})\s*$", re.IGNORECASE)
# What DUO and the ministry write in the region column of a national row.
NATION_WORDS = frozenset(
    {"NEDERLAND", "LANDELIJK", "NL", "TOTAAL NEDERLAND", "HEEL NEDERLAND", "NATIONAAL", "LAND", "LANDELIJK TOTAAL"}
)


class Masked(Exception):
    """A count DUO hides (`<5`, `-`): unknown, never zero."""


def parse_school_year(text: str) -> str | None:
    """ "2019-2020", "2019/2020", "2019 - 2020" and "2019-20" → "2019-2020"; anything else → None (SchoolYear)."""
    try:
        return str(SchoolYear.parse(text))
    except ValueError:
        return None


def parse_region_code(text: str) -> str | None:
    """ "10", "010", "REGIO 10", "RMC-regio 10" → "10"; "1" → "01" (DUO writes two digits)."""
    match = _REGION_CODE.match(text or "")
    if not match or int(match.group(1)) == 0:
        return None
    return f"{int(match.group(1)):02d}"


def parse_region_cell(text: str) -> tuple[str | None, str]:
    """ "10" → ("10", ""); "10 IJssel-Vecht" → ("10", "IJssel-Vecht"); anything else → (None, "")."""
    code = parse_region_code(text)
    if code is not None:
        return code, ""
    match = _REGION_CODE_AND_NAME.match(text or "")
    if not match or int(match.group(1)) == 0:
        return None, ""
    return f"{int(match.group(1)):02d}", match.group(2)


def parse_municipality_code(text: str) -> str | None:
    """ "193", "0193", "GM0193" → "0193" (CBS writes four digits); anything else → None."""
    match = _MUNICIPALITY_CODE.match(text or "")
    if not match or int(match.group(1)) == 0:
        return None
    return f"{int(match.group(1)):04d}"


def _unmasked(text: str) -> str | None:
    """The text to parse; None for an empty value; raises Masked for `<5`, `-` and the like."""
    if not text:
        return None
    if _MASKED.match(text.strip()):
        raise Masked(text)
    return text


def parse_count(text: str) -> int | None:
    """A Dutch count: "10.492" → 10492, "21" → 21, "" → None. Raises Masked for `<5`/`-`, ValueError for text."""
    text = _unmasked(text)
    return None if text is None else numbers.parse_count(text)


def parse_percentage(text: str) -> Decimal | None:
    """A Dutch percentage: "4,47", "4,47%", "0.00", "0,2" → Decimal; "" → None. Masked/ValueError as counts."""
    text = _unmasked(text)
    if text is None:
        return None
    value = numbers.parse_decimal(text)
    if value < 0:
        raise ValueError(text)
    return value
