"""Regions and municipalities from DUO's address files of school locations."""

from pathlib import Path

import pytest

from indicators.importers.regions import dutch_name, load_regions, parse_municipality_code, read_regions_file
from projects.models import Municipality, Region
from tests.factories import RegionFactory

# The real 2 MB file is not in the repository; it sits in a "shared" folder beside (or above) the checkout.
_REAL_NAME = Path("shared", "data", "duo", "adressen_vestigingen_po_2013.csv")
REAL_FILE = next((p / _REAL_NAME for p in Path(__file__).resolve().parents if (p / _REAL_NAME).exists()), _REAL_NAME)


def _import(data):
    result = read_regions_file(data)
    assert result.errors == []
    return result, load_regions(result)


def _mapping():
    return {
        m.code: (m.name, m.region.code if m.region else None) for m in Municipality.objects.select_related("region")
    }


def test_real_2013_fragment_windows_1252_crlf(data_file, db):
    result, counts = _import(data_file("regions/adressen_po_2013_fragment.csv"))
    assert result.headline() == "4 regio's, 7 gemeenten"
    assert result.rows_read == 9
    assert _mapping() == {
        "0080": ("Leeuwarden", "04"),
        "0148": ("Dalfsen", "10"),
        "0166": ("Kampen", "10"),
        "0193": ("Zwolle", "10"),
        "0202": ("Arnhem", "14"),
        "0268": ("Nijmegen", "14"),
        "0363": ("Amsterdam", "21"),
    }
    assert Region.objects.get(code="14").name == "Arnhem/Nijmegen"
    assert (counts.regions_created, counts.municipalities_created) == (4, 7)


def test_newer_file_renames_relinks_and_skips_rows_without_region(data_file, db):
    _import(data_file("regions/adressen_po_2013_fragment.csv"))
    result, counts = _import(data_file("regions/adressen_nieuw_cp1252.csv"))
    assert result.rows_without_region == 1  # Amsterdam's location with " " as region
    mapping = _mapping()
    assert mapping["0202"] == ("Arnhem", "41") and mapping["0268"] == ("Nijmegen", "40")  # 14 split into 40, 41
    assert mapping["0363"] == ("Amsterdam", "21")  # left as it was
    assert mapping["0796"] == ("'s-Hertogenbosch", "36")
    assert Region.objects.get(code="04").name == "Fryslân-Noord"  # renamed by code
    assert Region.objects.get(code="14").municipalities.count() == 0
    assert (counts.regions_renamed, counts.municipalities_relinked, counts.municipalities_created) == (1, 2, 1)


def test_tab_separated_utf8_with_bom(data_file, db):
    result, _counts = _import(data_file("regions/adressen_utf8_tab.tsv"))
    assert result.headline() == "2 regio's, 3 gemeenten"
    assert _mapping()["0080"] == ("Leeuwarden", "04")


def test_second_run_changes_nothing(data_file, db, django_assert_max_num_queries):
    data = data_file("regions/adressen_nieuw_cp1252.csv")
    _import(data)
    before = _mapping(), list(Region.objects.values_list("code", "name"))
    result = read_regions_file(data)
    with django_assert_max_num_queries(5):  # savepoint + three reads; no writes
        counts = load_regions(result)
    assert (counts.created, counts.updated) == (0, 0)
    assert (_mapping(), list(Region.objects.values_list("code", "name"))) == before


def test_existing_names_in_our_spelling_are_kept(data_file, db):
    RegionFactory(code="10", name="IJssel-Vecht")
    Municipality.objects.create(code="0193", name="Zwolle", region=None)
    _import(data_file("regions/adressen_po_2013_fragment.csv"))
    assert Municipality.objects.get(code="0193").name == "Zwolle"
    assert Municipality.objects.get(code="0193").region.code == "10"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("regions/broken_missing_column.csv", "De kolom 'gemeentenummer' ontbreekt"),
        ("regions/broken_two_regions.csv", "Gemeente 0193 ZWOLLE staat hier in regio 11, maar op regel 2 in regio 10."),
        ("duo/broken_empty.csv", "Het bestand is leeg."),
        ("duo/broken_binary.csv", "Dit is geen CSV- of Excelbestand"),
    ],
)
def test_broken_file_is_refused_and_nothing_changes(name, message, data_file, db):
    _import(data_file("regions/adressen_utf8_tab.tsv"))
    before = _mapping(), list(Region.objects.values_list("code", "name"))
    result = read_regions_file(data_file(name))
    assert not result.ok
    assert result.errors[0].message.startswith(message)
    with pytest.raises(ValueError):
        load_regions(result)
    assert (_mapping(), list(Region.objects.values_list("code", "name"))) == before


@pytest.mark.skipif(not REAL_FILE.exists(), reason="het echte DUO-bestand staat alleen in de gedeelde map")
def test_real_duo_file_of_2013(db):
    result, _counts = _import(REAL_FILE.read_bytes())
    assert result.headline() == "39 regio's, 408 gemeenten"
    assert Municipality.objects.get(code="0193").region.code == "10"
    assert Region.objects.get(code="04").name == "Friesland-noord"


def test_name_and_code_notations():
    assert parse_municipality_code("193") == "0193" == parse_municipality_code("GM0193")
    assert parse_municipality_code("") is None and parse_municipality_code("Zwolle") is None
    assert dutch_name("S GRAVENHAGE") == "'s-Gravenhage"
    assert dutch_name("ALPHEN AAN DEN RIJN") == "Alphen aan den Rijn"
    assert dutch_name("IJSSELSTEIN") == "IJsselstein"
    assert dutch_name("BERGEN NH") == "Bergen NH"
    assert dutch_name("Súdwest-Fryslân") == "Súdwest-Fryslân"
