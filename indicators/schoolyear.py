"""School years ("2020-2021") and DUO peildata, in one place. Pure Python: the KPI forms and the DUO importer use it.

A VSV figure is counted over a school year and fixed on the peildatum 1 October after it: the figure
with peildatum 1-10-2021 is the one for school year 2020-2021.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_PATTERN = re.compile(r"^\s*(\d{4})\s*[-/–—]\s*(\d{4}|\d{2})\s*$")
FIRST, LAST = 1990, 2100
PEILDATUM_DAY, PEILDATUM_MONTH = 1, 10


@dataclass(frozen=True, order=True)
class SchoolYear:
    start: int

    def __post_init__(self):
        if not FIRST <= self.start < LAST:
            raise ValueError(f"school year out of range: {self.start}")

    @classmethod
    def parse(cls, text) -> "SchoolYear":
        """Read "2020-2021", "2020/2021", "2020 - 2021", "2020–2021" or "2020-21"; the second year must follow."""
        if isinstance(text, SchoolYear):
            return text
        match = _PATTERN.match(str(text or ""))
        if not match:
            raise ValueError(f"not a school year: {text!r}")
        start, end = int(match[1]), int(match[2])
        if len(match[2]) == 2:  # "2019-20"
            end += start - start % 100 + (100 if end < start % 100 else 0)
        if end != start + 1:
            raise ValueError(f"the second year does not follow the first: {text!r}")
        return cls(start)

    @classmethod
    def measured_on(cls, peildatum: date | int) -> "SchoolYear":
        """The school year whose figure is fixed on this peildatum (1-10-2021 → 2020-2021).

        A bare year means 1 October of that year. A date before 1 October falls in the school year before.
        """
        if isinstance(peildatum, int):
            return cls(peildatum - 1)
        if (peildatum.month, peildatum.day) >= (PEILDATUM_MONTH, PEILDATUM_DAY):
            return cls(peildatum.year - 1)
        return cls(peildatum.year - 2)

    @property
    def end(self) -> int:
        return self.start + 1

    @property
    def peildatum(self) -> date:
        """1 October after the school year: the date the seed's streefpercentages are labelled with."""
        return date(self.end, PEILDATUM_MONTH, PEILDATUM_DAY)

    @property
    def peildatum_label(self) -> str:
        return f"{PEILDATUM_DAY}-{PEILDATUM_MONTH}-{self.end}"

    def previous(self) -> "SchoolYear":
        return SchoolYear(self.start - 1)

    def next(self) -> "SchoolYear":
        return SchoolYear(self.start + 1)

    def __str__(self) -> str:
        return f"{self.start}-{self.end}"


def normalise(text) -> str:
    """The stored form "2020-2021" of any accepted spelling; ValueError otherwise."""
    return str(SchoolYear.parse(text))


def validate_school_year(value) -> None:
    """Model-field validator: only the stored form "2020-2021" is valid."""
    try:
        year = SchoolYear.parse(value)
    except ValueError as exc:
        raise ValidationError(
            _("Vul een schooljaar in als 2020-2021."), code="invalid_school_year", params={"value": value}
        ) from exc
    if str(year) != value:
        raise ValidationError(_("Vul een schooljaar in als 2020-2021."), code="invalid_school_year")
