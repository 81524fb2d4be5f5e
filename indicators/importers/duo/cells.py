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
