"""The school-year helper: spellings, peildatum ↔ school year, and the validator the models use."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from core.periods import SchoolYear, validate_school_year
from core.periods import normalise_school_year as normalise


@pytest.mark.parametrize("text", ["2020-2021", "2020/2021", "2020 - 2021", " 2020–2021 ", "2020 / 2021"])
def test_accepted_spellings(text):
    assert str(SchoolYear.parse(text)) == "2020-2021"
    assert normalise(text) == "2020-2021"


@pytest.mark.parametrize("text", ["", None, "2020", "2020-2022", "2021-2020", "20-21", "twintig", "2020-2021-2022"])
def test_refused_spellings(text):
    with pytest.raises(ValueError):
        SchoolYear.parse(text)


def test_peildatum_1_october_2021_measures_school_year_2020_2021():
    assert SchoolYear.measured_on(date(2021, 10, 1)) == SchoolYear(2020)
    assert SchoolYear.measured_on(2021) == SchoolYear(2020)
    assert SchoolYear(2020).peildatum == date(2021, 10, 1)
    assert SchoolYear(2020).peildatum_label == "1-10-2021"


def test_date_before_1_october_belongs_to_the_school_year_before():
    assert SchoolYear.measured_on(date(2021, 9, 30)) == SchoolYear(2019)
    assert SchoolYear.measured_on(date(2021, 12, 31)) == SchoolYear(2020)


def test_order_and_neighbours():
    years = [SchoolYear.parse("2023-2024"), SchoolYear(2018), SchoolYear(2020)]
    assert [str(y) for y in sorted(years)] == ["2018-2019", "2020-2021", "2023-2024"]
    assert str(SchoolYear(2020).next()) == "2021-2022"
    assert str(SchoolYear(2020).previous()) == "2019-2020"


def test_validator_accepts_only_the_stored_form():
    validate_school_year("2024-2025")
    for bad in ("2024/2025", "2024-2026", "2024"):
        with pytest.raises(ValidationError) as info:
            validate_school_year(bad)
        assert "2020-2021" in str(info.value)
