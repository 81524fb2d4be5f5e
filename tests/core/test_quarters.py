from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.periods import Quarter, validate_quarter


def test_quarter_of_a_date_and_its_bounds():
    quarter = Quarter.for_date(date(2026, 11, 26))
    assert str(quarter) == "2026-K4"
    assert quarter.label == "4e kwartaal 2026"
    assert (quarter.start, quarter.end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert str(quarter.next()) == "2027-K1" and str(quarter.previous()) == "2026-K3"
    assert Quarter.parse("2027-k1").end == date(2027, 3, 31)


@pytest.mark.parametrize("text", ["2026-K5", "2026-Q1", "26-K1", ""])
def test_bad_quarters_are_refused_in_dutch(text):
    with pytest.raises(ValidationError, match="Een kwartaal heeft de vorm 2026-K4"):
        validate_quarter(text)
