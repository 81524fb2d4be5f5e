"""Whether a percentage agrees with its counts (vsv'ers of deelnemers): one rule for the DUO importer and the
KPI form. Pure Python: no database.

    percentage_of(281, 7595)                        → Decimal("3.70")
    check_percentage(Decimal("3.70"), 281, 7595)    → None: consistent
    check_percentage(Decimal("4.70"), 281, 7595)    → "4,70% past niet bij 281 van 7.595 (3,70%)."

The rule: the percentage as written may differ from part × 100 / whole by at most one unit in its last written
decimal ("3,70": 0,01; "0,2": 0,1; "27": 1). That covers rounding and cutting off alike: DUO publishes some
figures as whole percentages (Tabel 4: 164 of 608 is "27") and some cut off ("0,2" for 0,195). Counts that are
unknown (masked by DUO, or not given) or a whole of 0 cannot be checked, so they give no message.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from core.numbers import format_count, format_decimal

TWO_PLACES = Decimal("0.01")
MISMATCH = _("%(percentage)s%% past niet bij %(part)s van %(whole)s (%(computed)s%%).")


def percentage_of(part: int | None, whole: int | None) -> Decimal | None:
    """part × 100 / whole, rounded half up to two decimals; None when a count is unknown or the whole is 0."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TWO_PLACES, ROUND_HALF_UP)


def tolerance(percentage: Decimal) -> Decimal:
    """One unit in the last decimal written: "3,70" → 0,01, "0,2" → 0,1, "27" → 1."""
    exponent = percentage.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0))


def check_percentage(
    percentage: Decimal | None, part: int | None, whole: int | None, *, message=MISMATCH, **params
) -> str | None:
    """None when the percentage agrees with part of whole (or cannot be checked); otherwise the message.

    `message` may name %(percentage)s, %(part)s, %(whole)s and %(computed)s (written the Dutch way: "3,70",
    "7.595", the computed percentage to two decimals) and any of `params`.
    """
    if percentage is None or part is None or not whole:
        return None
    if abs(Decimal(part) * 100 / Decimal(whole) - percentage) <= tolerance(percentage):
        return None
    return message % {
        "percentage": format_decimal(percentage),
        "part": format_count(part),
        "whole": format_count(whole),
        "computed": format_decimal(percentage_of(part, whole)),
        **params,
    }
