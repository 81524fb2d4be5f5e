from pathlib import Path

import pytest

from tests.factories import RegionFactory

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def data_file():
    """The bytes of a file under tests/data/, e.g. data_file("duo/vsv_utf8_bom.csv")."""
    return lambda name: (DATA / name).read_bytes()


@pytest.fixture
def regions(db):
    """RMC regions 10 (IJssel-Vecht, as the demo has it) and 04 (Fryslân-Noord), as the figures files use them."""
    return [RegionFactory(code="10", name="IJssel-Vecht"), RegionFactory(code="04", name="Fryslân-Noord")]


@pytest.fixture
def kpis(regions):
    """A programme for region 10 with seed 004's nine indicators and targets (no figures): what the importer fills."""
    from indicators.demo.loader import load_indicators
    from tests.factories import ProgrammeFactory

    return load_indicators(ProgrammeFactory(region=regions[0]))
