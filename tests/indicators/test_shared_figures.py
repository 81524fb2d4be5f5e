"""DUO figures as shared public facts: one Figure per category × area × school year × breakdown, read by every
programme; import runs that belong to a programme (its own region only) or to the data stewards (every area);
breakdown files whose totals are checked against their parts; and the unrounded value a KPI is assessed on."""

import re
from decimal import Decimal
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.http import HttpRequest
from django.test import Client

from indicators import areas, selectors
from indicators.importers import runs
from indicators.importers.duo import read_vsv_file
from indicators.models import Figure, ImportRun, Indicator, Norm, Target
from indicators.status import Level, assess
from projects.demo.loader import DEMO_PASSWORD
from projects.models import Membership
from projects.permissions import DATA_STEWARDS
from tests.factories import MembershipFactory, ProgrammeFactory, RegionFactory, UserFactory
from tests.urls import resolve, reverse

HEADER = "SCHOOLJAAR;RMC-REGIO CODE;RMC-REGIO NAAM;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;STATUS"
BREAKDOWN_HEADER = (
    "SCHOOLJAAR;RMC-REGIO CODE;RMC-REGIO NAAM;NORMCATEGORIE;LEERWEG LEERJAAR;AANTAL DEELNEMERS;AANTAL VSV'ERS;"
    "VSV-PERCENTAGE;STATUS"
)
REGION_11 = ("11", "Twente")
# What a figure is, to compare before and after: every column, provenance and version included.
FIGURE_COLUMNS = [field.attname for field in Figure._meta.concrete_fields]


def _csv(*lines: str, header: str = HEADER) -> bytes:
    return ("\n".join((header, *lines)) + "\n").encode()


def _figures_of(region_code: str) -> list[tuple]:
    rows = Figure.objects.filter(area_kind=areas.REGION, area_code=region_code).order_by("pk")
    return list(rows.values_list(*FIGURE_COLUMNS))


def _figure(category: str, area_code: str, year: str, *, breakdown_value: str = "", kind: str = areas.REGION):
    return Figure.objects.get(
        category_id=category,
        area_kind=kind,
        area_code=area_code,
        school_year=year,
        breakdown="leerweg" if breakdown_value else "",
        breakdown_value=breakdown_value,
    )


def _system_import(data: bytes, name: str = "duo.csv") -> ImportRun:
    """A run of the data stewards, as the import_duo command makes it (every area)."""
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name=name, source=ImportRun.Source.COMMAND
    )
    return runs.import_run_execute(run=run)


def _messages(run: ImportRun) -> list[str]:
    return [problem["message"] for problem in run.warnings]


def _upload(client, data: bytes, name: str, kind: str = ImportRun.Kind.FIGURES, programme=None):
    url = reverse("import_start", programme=programme)
    return client.post(url, {"kind": kind, "file": SimpleUploadedFile(name, data)})


def _upload_and_confirm(client, data: bytes, name: str, capture, programme=None) -> tuple[ImportRun, str, str]:
    """Upload → preview → confirm through the pages (of `programme`, as in `tests.urls.reverse`); the run, the
    preview page and the result page."""
    response = _upload(client, data, name, programme=programme)
    assert response.status_code == 302, response.content.decode()
    pk = resolve(response.url).kwargs["pk"]
    preview = unescape(client.get(response.url).content.decode())
    assert "Bevestigen en inlezen" in preview
    with capture(execute=True):
        confirmed = client.post(reverse("import_confirm", args=[pk], programme=programme))
    result = unescape(client.get(confirmed.url).content.decode())
    return ImportRun.objects.get(pk=pk), preview, result


def _table_row(page: str, year: str) -> list[str]:
    """The cells of the KPI page's row of one school year, as text."""
    match = re.search(rf'<tr[^>]*id="jaar-{year}">(.*?)</tr>', page, re.S)
    assert match, f"no row for {year}"
    cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", match.group(1), re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split()) for cell in cells]


# ── two programmes in two regions ────────────────────────────────────────────────────────────────────


@pytest.fixture
def region11(db):
    return RegionFactory(code=REGION_11[0], name=REGION_11[1])


@pytest.fixture
def second(demo, region11):
    """A second programme, in region 11, with its own manager, a KPI for MBO niveau 3 and one figure of its region."""
    programme = ProgrammeFactory(region=region11, title="VSV-aanpak Twente 2020-2024", first_year=2020)
    manager = UserFactory(username="manager-twente", password=DEMO_PASSWORD)
    MembershipFactory(user=manager, programme=programme, role=Membership.Role.PROGRAMME_MANAGER)
    indicator = Indicator.objects.create(
        programme=programme,
        code="mbo-niveau-3",
        name="VSV MBO niveau 3 Twente",
        group=Indicator.Group.MBO,
        category_id="mbo-niveau-3",
        baseline=Decimal("5.50"),
    )
    Target.objects.create(indicator=indicator, school_year="2019-2020", value=Decimal("5.00"))
    Figure.objects.create(
        category_id="mbo-niveau-3",
        area_kind=areas.REGION,
        area_code="11",
        school_year="2018-2019",
        value=Decimal("5.10"),
        numerator=51,
        denominator=1000,
        finality=Figure.Finality.DEFINITIVE,
        source=Figure.Source.IMPORT,
    )
    return programme


@pytest.fixture
def second_client(second):
    client = Client()
    assert client.login(request=HttpRequest(), username="manager-twente", password=DEMO_PASSWORD)
    return client


@pytest.fixture
def steward(db):
    """A data steward: member of the group, no role in any programme."""
    user = UserFactory(username="gegevensbeheerder", password=DEMO_PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=DATA_STEWARDS)[0])
    return user


@pytest.fixture
def steward_client(steward):
    client = Client()
    client.force_login(steward)
    return client


def test_both_programmes_read_the_same_national_figure_and_norm_and_each_its_own_region(
    demo, second, manager_client, second_client
):
    national = _figure("mbo-niveau-3", areas.NATION_CODE, "2018-2019", kind=areas.NATION)
    norm = Norm.objects.get(category_id="mbo-niveau-3", school_year="2018-2019")
    assert (national.value, norm.value) == (Decimal("4.21"), Decimal("3.20"))  # the demo's (seed 000)

    ours = selectors.indicator_detail(programme=demo, code="mbo-niveau-3").years["2018-2019"]
    theirs = selectors.indicator_detail(programme=second, code="mbo-niveau-3").years["2018-2019"]
    assert ours.national.pk == theirs.national.pk == national.pk
    assert ours.norm.pk == theirs.norm.pk == norm.pk
    assert (ours.figure.area_code, ours.figure.value) == ("10", Decimal("3.72"))
    assert (theirs.figure.area_code, theirs.figure.value) == ("11", Decimal("5.10"))

    url = reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"})
    # Cells: school year, target, figure (with its counts below it), Nederland, norm, status, source.
    our_row = _table_row(manager_client.get(url).content.decode(), "2018-2019")
    their_page = second_client.get(reverse("indicator_detail", kwargs={"code": "mbo-niveau-3"}, programme=second))
    their_page = their_page.content.decode()
    their_row = _table_row(their_page, "2018-2019")
    assert (our_row[3], our_row[4]) == (their_row[3], their_row[4]) == ("4,21%", "3,20%")
    assert our_row[2].startswith("3,72%") and "109 / 2.933" in our_row[2]
    assert their_row[2].startswith("5,10%") and "51 / 1.000" in their_row[2]
    assert "RMC-regio 11 Twente" in their_page and "IJssel-Vecht" not in their_page


def test_import_runs_of_one_programme_are_invisible_to_the_other(
    demo, second, manager_client, second_client, django_capture_on_commit_callbacks
):
    ours, _preview, _result = _upload_and_confirm(
        manager_client, _csv("2019-2020;10;IJssel-Vecht;MBO niveau 3;2.950;105;3,56;DEFINITIEF"), "eigen-10.csv",
        django_capture_on_commit_callbacks,
    )  # fmt: skip
    theirs, _preview, _result = _upload_and_confirm(
        second_client, _csv("2019-2020;11;Twente;MBO niveau 3;1.010;50;4,95;DEFINITIEF"), "eigen-11.csv",
        django_capture_on_commit_callbacks, programme=second,
    )  # fmt: skip
    assert (ours.programme_id, ours.status) == (demo.pk, "geslaagd")
    assert (theirs.programme_id, theirs.status) == (second.pk, "geslaagd")

    our_list = manager_client.get(reverse("import_start")).content.decode()
    their_list = second_client.get(reverse("import_start", programme=second)).content.decode()
    assert "eigen-10.csv" in our_list and "eigen-11.csv" not in our_list
    assert "eigen-11.csv" in their_list and "eigen-10.csv" not in their_list
    assert "duo_vsv_landelijk.csv" not in our_list  # the demo's runs are the stewards'

    # A preview of each, waiting for its own manager.
    waiting = {
        "ours": _upload(
            manager_client, _csv("2020-2021;10;IJssel-Vecht;MBO niveau 3;2.900;99;3,41;VOORLOPIG"), "a.csv"
        ),
        "theirs": _upload(
            second_client, _csv("2020-2021;11;Twente;MBO niveau 3;1.020;48;4,71;VOORLOPIG"), "b.csv", programme=second
        ),
    }
    previews = {who: resolve(response.url).kwargs["pk"] for who, response in waiting.items()}
    before = list(ImportRun.objects.order_by("pk").values_list())
    figures_before = list(Figure.objects.order_by("pk").values_list(*FIGURE_COLUMNS))
    for client, own, other in ((manager_client, demo, "theirs"), (second_client, second, "ours")):
        other_runs = [previews[other], (theirs if other == "theirs" else ours).pk]
        for pk in other_runs:
            for name, method in (
                ("import_detail", "get"),
                ("import_status", "get"),
                ("import_file", "get"),
                ("import_confirm", "post"),
            ):
                assert getattr(client, method)(reverse(name, args=[pk], programme=own)).status_code == 404
            assert client.post(reverse("import_cancel", args=[pk], programme=own)).status_code == 404
    assert list(ImportRun.objects.order_by("pk").values_list()) == before
    assert ImportRun.objects.get(pk=previews["ours"]).status == ImportRun.Status.PREVIEW
    assert list(Figure.objects.order_by("pk").values_list(*FIGURE_COLUMNS)) == figures_before
    # Each one's own file comes back as uploaded, as a download.
    own_file = manager_client.get(reverse("import_file", args=[previews["ours"]]))
    assert own_file.status_code == 200 and "attachment" in own_file["Content-Disposition"]
    assert (
        b"".join(own_file.streaming_content)
        .decode()
        .endswith("2020-2021;10;IJssel-Vecht;MBO niveau 3;2.900;99;3,41;VOORLOPIG\n")
    )
    # A stewards' run (the demo's) is not a manager's either.
    demo_run = ImportRun.objects.filter(programme=None).first()
    assert manager_client.get(reverse("import_detail", args=[demo_run.pk])).status_code == 404


# ── a programme's import writes its own region only ────────────────────────────────────────────────────

TWO_REGIONS = _csv(
    "2021-2022;10;IJssel-Vecht;MBO niveau 3;3.000;111;3,70;DEFINITIEF",
    "2021-2022;11;Twente;MBO niveau 3;1.200;60;5,00;DEFINITIEF",
    "2018-2019;11;Twente;MBO niveau 3;1.000;40;4,00;DEFINITIEF",  # a correction of region 11's figure
    "2018-2019;Nederland;;MBO niveau 3;120.000;5.400;4,50;DEFINITIEF",  # the demo has 4,21
)


def test_a_managers_upload_changes_only_their_own_region(
    demo, second, manager_client, django_capture_on_commit_callbacks
):
    region11_before = _figures_of("11")
    national_before = list(Figure.objects.filter(area_kind=areas.NATION).order_by("pk").values_list(*FIGURE_COLUMNS))
    history_before = Figure.history.exclude(area_code="10").count()
    run, _preview, result = _upload_and_confirm(
        manager_client, TWO_REGIONS, "twee-regios.csv", django_capture_on_commit_callbacks
    )
    assert run.status == "geslaagd" and run.programme_id == demo.pk
    own = _figure("mbo-niveau-3", "10", "2021-2022")
    assert (own.value, own.numerator, own.denominator, own.import_run_id) == (Decimal("3.70"), 111, 3000, run.pk)
    assert _figures_of("11") == region11_before
    assert list(Figure.objects.filter(area_kind=areas.NATION).order_by("pk").values_list(*FIGURE_COLUMNS)) == (
        national_before
    )
    assert Figure.history.exclude(area_code="10").count() == history_before
    [message] = [m for m in _messages(run) if "niet geladen: andere regio" in m]
    assert message.startswith("3 cijfers niet geladen: andere regio (Nederland, regio 11)")
    assert message in result  # the result page says so


def test_the_preview_tells_a_manager_which_figures_will_not_be_loaded(demo, second, manager_client):
    """Before confirming, the manager sees that the rows of region 11 will not be loaded (not only afterwards)."""
    response = _upload(manager_client, TWO_REGIONS, "twee-regios.csv")
    preview = unescape(manager_client.get(response.url).content.decode())
    assert "Bevestigen en inlezen" in preview and "Gewijzigde cijfers</dt><dd>1" in preview
    assert "niet geladen: andere regio" in preview


def test_a_stewards_upload_of_the_same_file_writes_both_regions(
    demo, second, manager_client, steward_client, django_capture_on_commit_callbacks
):
    _upload_and_confirm(manager_client, TWO_REGIONS, "twee-regios.csv", django_capture_on_commit_callbacks)
    run, _preview, _result = _upload_and_confirm(
        steward_client, TWO_REGIONS, "twee-regios-allemaal.csv", django_capture_on_commit_callbacks, programme=False
    )
    assert (run.status, run.programme_id) == ("geslaagd", None)
    assert not [m for m in _messages(run) if "andere regio" in m]
    assert (run.rows_created, run.rows_updated, run.rows_unchanged) == (1, 2, 1)
    corrected = _figure("mbo-niveau-3", "11", "2018-2019")
    assert (corrected.value, corrected.numerator, corrected.denominator) == (Decimal("4.00"), 40, 1000)
    assert _figure("mbo-niveau-3", "11", "2021-2022").value == Decimal("5.00")
    assert _figure("mbo-niveau-3", "10", "2021-2022").value == Decimal("3.70")
    assert _figure("mbo-niveau-3", areas.NATION_CODE, "2018-2019", kind=areas.NATION).value == Decimal("4.50")


def test_data_stewards_reach_the_import_and_region_pages_without_a_programme_role(steward_client, demo):
    for name in ("import_start", "region_list"):
        assert steward_client.get(reverse(name, programme=False)).status_code == 200


# ── stored once ─────────────────────────────────────────────────────────────────────────────────────

NATIONAL_AND_10 = _csv(
    "2018-2019;Nederland;;MBO niveau 3;120.000;5.052;4,21;DEFINITIEF",
    "2018-2019;Nederland;;MBO niveau 4;200.000;7.040;3,52;DEFINITIEF",
    "2019-2020;Nederland;;MBO niveau 3;118.000;4.413;3,74;DEFINITIEF",
    "2018-2019;10;IJssel-Vecht;MBO niveau 3;2.933;109;3,72;DEFINITIEF",
)


def _kpi(programme, **area) -> Indicator:
    return Indicator.objects.create(
        programme=programme, code="mbo-niveau-3", name="VSV MBO niveau 3", group="mbo", category_id="mbo-niveau-3",
        **area,
    )  # fmt: skip


def test_figures_are_stored_once_whatever_the_number_of_programmes(db):
    region10, region11 = RegionFactory(code="10", name="IJssel-Vecht"), RegionFactory(code="11", name="Twente")
    first = ProgrammeFactory(region=region10)
    _kpi(first)
    keys = ("category_id", "area_kind", "area_code", "school_year", "breakdown", "breakdown_value", "value")

    savepoint = transaction.savepoint()
    assert _system_import(NATIONAL_AND_10, "landelijk.csv").status == "geslaagd"
    with_one = sorted(Figure.objects.values_list(*keys))
    transaction.savepoint_rollback(savepoint)
    assert not Figure.objects.exists()

    next_one = ProgrammeFactory(region=region10, status="concept", first_year=2026, last_year=2029)
    programmes = [first, next_one, ProgrammeFactory(region=region11)]
    _kpi(programmes[1])
    _kpi(programmes[2], area_kind=areas.NATION, area_code=areas.NATION_CODE)
    assert _system_import(NATIONAL_AND_10, "landelijk.csv").status == "geslaagd"
    assert len(with_one) == 4
    assert sorted(Figure.objects.values_list(*keys)) == with_one

    read = [selectors.indicator_detail(programme=p, code="mbo-niveau-3").years["2018-2019"] for p in programmes]
    national = _figure("mbo-niveau-3", areas.NATION_CODE, "2018-2019", kind=areas.NATION)
    assert {row.national.pk for row in read} == {national.pk}
    assert read[0].figure.pk == read[1].figure.pk == _figure("mbo-niveau-3", "10", "2018-2019").pk
    assert read[2].figure.pk == national.pk  # the KPI of the nation reads the national figure itself


def test_two_programmes_of_one_region_share_the_figure_their_imports_write(
    demo, manager_client, django_capture_on_commit_callbacks
):
    neighbour = ProgrammeFactory(
        region=demo.region, title="Nieuwe aanpak IJssel-Vecht", first_year=2025, last_year=2028, status="concept"
    )
    manager = UserFactory(username="manager-buren", password=DEMO_PASSWORD)
    MembershipFactory(user=manager, programme=neighbour, role=Membership.Role.PROGRAMME_MANAGER)
    client = Client()
    client.force_login(manager)
    data = _csv("2016-2017;10;IJssel-Vecht;MBO niveau 3;3.100;100;3,23;DEFINITIEF")
    first, _preview, _result = _upload_and_confirm(manager_client, data, "a.csv", django_capture_on_commit_callbacks)
    count = Figure.objects.count()
    second_run, _preview, result = _upload_and_confirm(
        client, data, "b.csv", django_capture_on_commit_callbacks, programme=neighbour
    )
    assert (first.programme_id, second_run.programme_id) == (demo.pk, neighbour.pk)
    assert (first.rows_created, second_run.rows_created, second_run.rows_unchanged) == (1, 0, 1)
    assert "0 nieuw, 0 gewijzigd, 1 ongewijzigd" in result
    assert Figure.objects.count() == count
    assert _figure("mbo-niveau-3", "10", "2016-2017").import_run_id == first.pk


# ── breakdown files ─────────────────────────────────────────────────────────────────────────────────


def _breakdown(*lines: str) -> bytes:
    return _csv(*lines, header=BREAKDOWN_HEADER)


def test_a_breakdown_file_with_its_own_totals_stores_them_as_given(regions):
    run = _system_import(
        _breakdown(
            "2018-2019;10;IJssel-Vecht;MBO niveau 2;Bbl2;500;30;6,00;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;Bol2;1.605;150;9,35;DEFINITIEF",  # category carried down from above
            "2018-2019;10;IJssel-Vecht;;Totaal;2.105;180;8,55;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;MBO niveau 3;Bbl3;900;20;2,22;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;Bol3;2.033;89;4,38;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;;2.933;109;3,72;DEFINITIEF",  # an empty cell: the total
        )
    )
    assert (run.status, run.warnings) == ("geslaagd", [])
    level2 = _figure("mbo-niveau-2", "10", "2018-2019")
    assert (level2.value, level2.numerator, level2.denominator) == (Decimal("8.55"), 180, 2105)
    level3 = _figure("mbo-niveau-3", "10", "2018-2019")
    assert (level3.value, level3.numerator, level3.denominator) == (Decimal("3.72"), 109, 2933)
    parts = Figure.objects.filter(area_code="10", breakdown="leerweg").order_by("category_id", "breakdown_value")
    assert list(parts.values_list("category_id", "breakdown_value", "value", "numerator", "denominator")) == [
        ("mbo-niveau-2", "Bbl2", Decimal("6.00"), 30, 500),
        ("mbo-niveau-2", "Bol2", Decimal("9.35"), 150, 1605),
        ("mbo-niveau-3", "Bbl3", Decimal("2.22"), 20, 900),
        ("mbo-niveau-3", "Bol3", Decimal("4.38"), 89, 2033),
    ]
    assert Figure.objects.filter(area_code="10").count() == 6


def test_a_total_that_disagrees_with_its_parts_is_loaded_as_given_with_a_warning(regions):
    data = _breakdown(
        "2018-2019;10;IJssel-Vecht;MBO niveau 2;Bbl2;500;30;6,00;DEFINITIEF",
        "2018-2019;10;IJssel-Vecht;;Bol2;1.605;150;9,35;DEFINITIEF",
        "2018-2019;10;IJssel-Vecht;;Totaal;2.150;185;8,60;DEFINITIEF",
    )
    result = read_vsv_file(data)
    assert result.errors == []
    [warning] = result.warnings
    assert warning.line == 4
    assert "2.150 deelnemers, 185 vsv'ers" in warning.message  # the file's
    assert "2.105 deelnemers, 180 vsv'ers" in warning.message  # the sum of the parts
    run = _system_import(data)
    assert run.status == "geslaagd" and warning.message in _messages(run)
    total = _figure("mbo-niveau-2", "10", "2018-2019")
    assert (total.value, total.numerator, total.denominator) == (Decimal("8.60"), 185, 2150)


def test_without_a_total_row_the_total_is_the_sum_of_the_parts(regions):
    run = _system_import(
        _breakdown(
            "2018-2019;10;IJssel-Vecht;MBO niveau 2;Bbl2;500;30;6,00;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;Bol2;1.605;150;9,35;DEFINITIEF",
        )
    )
    assert (run.status, run.warnings) == ("geslaagd", [])
    total = _figure("mbo-niveau-2", "10", "2018-2019")
    assert (total.numerator, total.denominator, total.value) == (180, 2105, Decimal("8.55"))  # 180 / 2.105
    assert total.finality == "definitief"
    assert "som van de uitsplitsing" in total.source_detail
    assert _figure("mbo-niveau-2", "10", "2018-2019", breakdown_value="Bol2").value == Decimal("9.35")


@pytest.mark.parametrize(
    ("column", "breakdown", "parts"),
    [
        ("LEERWEG LEERJAAR", "leerweg", ("Bbl2", "Bol2")),
        ("GESLACHT", "geslacht", ("man", "vrouw")),
        ("LEEFTIJD", "leeftijd", ("18-", "18+")),
    ],
)
def test_every_breakdown_column_gives_parts_and_a_derived_total(regions, column, breakdown, parts):
    header = BREAKDOWN_HEADER.replace("LEERWEG LEERJAAR", column)
    run = _system_import(
        _csv(
            f"2018-2019;10;IJssel-Vecht;MBO niveau 2;{parts[0]};500;30;6,00;DEFINITIEF",
            f"2018-2019;10;IJssel-Vecht;;{parts[1]};1.605;150;9,35;DEFINITIEF",
            header=header,
        )
    )
    assert run.status == "geslaagd"
    stored = Figure.objects.filter(area_code="10", category_id="mbo-niveau-2")
    assert set(stored.values_list("breakdown", "breakdown_value", "denominator")) == {
        ("", "", 2105),
        (breakdown, parts[0], 500),
        (breakdown, parts[1], 1605),
    }


def test_a_masked_part_without_a_total_row_leaves_the_total_unknown(regions):
    run = _system_import(
        _breakdown(
            "2018-2019;10;IJssel-Vecht;MBO niveau 1;Bbl1;25;<5;-;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;Bol1;215;40;18,60;DEFINITIEF",
        )
    )
    assert run.status == "geslaagd"
    [unknown] = [m for m in _messages(run) if "totaal" in m]
    assert "mbo-niveau-1" in unknown and "het totaal blijft onbekend" in unknown
    assert not Figure.objects.filter(category_id="mbo-niveau-1", area_code="10", breakdown="").exists()
    parts = Figure.objects.filter(category_id="mbo-niveau-1", area_code="10", breakdown="leerweg")
    assert list(parts.values_list("breakdown_value", "value", "numerator", "denominator")) == [
        ("Bol1", Decimal("18.60"), 40, 215)
    ]


def test_a_breakdown_total_beside_a_stored_total_replaces_it(regions):
    """A region file gave the total first; the breakdown file's total row corrects it (one Figure, not two)."""
    _system_import(_csv("2018-2019;10;IJssel-Vecht;MBO niveau 2;2.100;180;8,57;VOORLOPIG"), "regio.csv")
    run = _system_import(
        _breakdown(
            "2018-2019;10;IJssel-Vecht;MBO niveau 2;Bbl2;500;30;6,00;DEFINITIEF",
            "2018-2019;10;IJssel-Vecht;;Bol2;1.605;150;9,35;DEFINITIEF",
        ),
        "leerweg.csv",
    )
    assert (run.rows_created, run.rows_updated) == (2, 1)
    total = _figure("mbo-niveau-2", "10", "2018-2019")
    assert (total.value, total.denominator, total.finality) == (Decimal("8.55"), 2105, "definitief")


# ── header and cell variants ─────────────────────────────────────────────────────────────────────────

VARIANTS = (
    b"VSV-cijfers per RMC-regio en landelijk, schooljaar 2018/2019\n"
    b"SCHOOLJAAR;RMC-REGIO;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;VSV-PERCENTAGE;Definitief / voorlopig\n"
    b"2018/2019;10 IJssel-Vecht;MBO niveau 3;2.933;109;3,72;Definitief\n"
    b"2018/2019;Nederland;MBO niveau 3;120.000;5.052;4,21;Voorlopig\n"
    b"2018/2019;Landelijk;MBO niveau 4;200.000;7.040;3,52;Definitief\n"
)


def test_header_and_cell_variants_read_as_duo_means_them(regions):
    result = read_vsv_file(VARIANTS)
    assert (result.errors, result.warnings) == ([], [])
    assert [(row.line, row.area.key, row.category_code, row.school_year, row.status) for row in result.rows] == [
        (3, "regio-10", "mbo-niveau-3", "2018-2019", "definitief"),
        (4, "nl", "mbo-niveau-3", "2018-2019", "voorlopig"),
        (5, "nl", "mbo-niveau-4", "2018-2019", "definitief"),
    ]
    assert _system_import(VARIANTS).status == "geslaagd"
    region = _figure("mbo-niveau-3", "10", "2018-2019")
    assert (region.value, region.numerator, region.denominator, region.finality) == (
        Decimal("3.72"),
        109,
        2933,
        "definitief",
    )
    nation = _figure("mbo-niveau-3", areas.NATION_CODE, "2018-2019", kind=areas.NATION)
    assert (nation.value, nation.finality) == (Decimal("4.21"), "voorlopig")


# ── regions files are the stewards' ─────────────────────────────────────────────────────────────────


def test_a_manager_cannot_upload_a_regions_file(demo, manager_client, demo_user, data_file):
    page = manager_client.get(reverse("import_start")).content.decode()
    assert 'value="vsv-cijfers"' in page and 'value="regios"' not in page
    response = _upload(manager_client, data_file("regions/adressen_nieuw_cp1252.csv"), "adres.csv", "regios")
    assert response.status_code == 200  # the form says no; nothing is stored
    assert not ImportRun.objects.filter(file_name="adres.csv").exists()
    with pytest.raises(PermissionDenied):
        runs.import_run_create(
            kind=ImportRun.Kind.REGIONS,
            data=data_file("regions/adressen_nieuw_cp1252.csv"),
            file_name="adres.csv",
            source=ImportRun.Source.UPLOAD,
            user=demo_user("programmamanager"),
            programme=demo,
        )
    assert not ImportRun.objects.filter(file_name="adres.csv").exists()


def test_a_steward_uploads_a_regions_file(demo, steward_client, data_file, django_capture_on_commit_callbacks):
    page = steward_client.get(reverse("import_start", programme=False)).content.decode()
    assert 'value="regios"' in page
    adres = data_file("regions/adressen_nieuw_cp1252.csv")
    response = _upload(steward_client, adres, "adres.csv", "regios", programme=False)
    preview = unescape(steward_client.get(response.url).content.decode())
    assert "5 regio's, 6 gemeenten" in preview
    with django_capture_on_commit_callbacks(execute=True):
        steward_client.post(reverse("import_confirm", args=[resolve(response.url).kwargs["pk"]], programme=False))
    run = ImportRun.objects.get(file_name="adres.csv")
    assert (run.kind, run.status, run.programme_id) == ("regios", "geslaagd", None)


# ── the unrounded value ─────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("dropouts", "level"),
    [
        ("78", Level.BEHIND),  # 78 / 34.006 = 0,229…%: above the target, though DUO prints 0,2
        ("68", Level.ON_TRACK),  # 68 / 34.006 = 0,19996…%: at the target
    ],
)
def test_a_kpi_is_assessed_on_the_unrounded_figure(regions, dropouts, level):
    programme = ProgrammeFactory(region=regions[0])
    indicator = Indicator.objects.create(
        programme=programme, code="vo-onderbouw", name="VSV VO onderbouw", group="vo", category_id="vo-onderbouw",
        baseline=Decimal("0.30"),
    )  # fmt: skip
    Target.objects.create(indicator=indicator, school_year="2019-2020", value=Decimal("0.20"))
    _system_import(_csv(f"2019-2020;10;IJssel-Vecht;VO onderbouw;34.006;{dropouts};0,2;DEFINITIEF"))
    row = selectors.indicator_detail(programme=programme, code="vo-onderbouw").years["2019-2020"]
    assert row.figure.value == Decimal("0.20")  # as DUO prints it
    assert row.assessment.level == level
    # The printed value alone would call both on course.
    printed = assess(baseline=Decimal("0.30"), target=Decimal("0.20"), actual=row.figure.value, direction="lower")
    assert printed.level == Level.ON_TRACK


def test_a_programme_loads_its_own_rows_of_a_national_file_with_regions_we_do_not_know(
    manager_client, demo, django_capture_on_commit_callbacks
):
    """A national DUO file names every region; an installation that knows only region 10 still lets region 10's
    managers load their rows, and says how many of the others it did not load."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from indicators.models import Figure, ImportRun

    data = (
        b"SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;STATUS\n"
        b"2024-2025;10;MBO niveau 3;3.050;104;VOORLOPIG\n"
        b"2024-2025;37;MBO niveau 3;2.000;80;VOORLOPIG\n"
    )
    response = manager_client.post(
        reverse("import_start"), {"kind": "vsv-cijfers", "file": SimpleUploadedFile("landelijk.csv", data)}
    )
    run = ImportRun.objects.get(file_name="landelijk.csv")
    preview = manager_client.get(response.url).content.decode()
    assert "Onbekende RMC-regio" not in preview and "1 cijfer niet geladen: andere regio (regio 37)" in preview
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(reverse("import_confirm", args=[run.pk]))
    run.refresh_from_db()
    assert (run.status, run.rows_created) == ("geslaagd", 1)
    assert Figure.objects.get(area_code="10", school_year="2024-2025", category_id="mbo-niveau-3").numerator == 104
    assert not Figure.objects.filter(area_code="37").exists()


def test_an_upload_leaves_what_another_programme_of_the_region_keeps_by_hand(demo, demo_user):
    """Two programmes of region 10: what one entered by hand (a figure, or a series of its own) is not the other's
    upload to overwrite; a data steward's DUO figure does replace a hand entry."""
    from indicators import services
    from indicators.importers import runs
    from indicators.models import Category, Figure, ImportRun
    from projects.models import Programme

    manager = demo_user("programmamanager")
    hand = services.figure_save(
        figure=Figure(category_id="mbo-niveau-3", area_kind="regio", area_code="10", school_year="2030-2031", value=3),
        programme=demo,
        user=manager,
    )
    own = Category.objects.create(code="eigen-reeks", name="Eigen reeks", group="mbo", programme=demo)
    neighbour = Programme.objects.get(region=demo.region, first_year=2026)  # the demo's next programme
    other = UserFactory(username="pm-volgend")
    MembershipFactory(user=other, programme=neighbour, role=Membership.Role.PROGRAMME_MANAGER)
    data = (
        b"SCHOOLJAAR;RMC-REGIO CODE;NORMCATEGORIE;AANTAL DEELNEMERS;AANTAL VSV'ERS;STATUS\n"
        b"2030-2031;10;MBO niveau 3;1.000;50;VOORLOPIG\n"
        b"2030-2031;10;Eigen reeks;1.000;20;VOORLOPIG\n"
    )
    run = runs.import_run_create(
        kind=ImportRun.Kind.FIGURES, data=data, file_name="buren.csv", source="upload", user=other, programme=neighbour
    )
    run.status = ImportRun.Status.QUEUED
    run.save()
    run = runs.import_run_execute(run=run)
    assert (run.status, run.rows_created, run.rows_updated) == ("geslaagd", 0, 0)
    assert any(
        "2 cijfers niet geladen: een ander programma houdt ze met de hand bij" in w["message"] for w in run.warnings
    )
    hand.refresh_from_db()
    assert (hand.value, hand.programme) == (3, demo) and not Figure.objects.filter(category=own).exists()
    # The stewards' run of the same file: DUO's figure replaces the hand entry, which becomes DUO's.
    steward = runs.import_run_execute(
        run=runs.import_run_create(kind=ImportRun.Kind.FIGURES, data=data, file_name="duo.csv", source="opdracht")
    )
    hand.refresh_from_db()
    assert steward.status == "geslaagd" and (hand.value, hand.programme, hand.source) == (
        Decimal("5.00"),
        None,
        "import",
    )


def test_a_kpi_of_the_nation_reads_the_national_figures(demo):
    from indicators import selectors
    from indicators.models import Indicator

    indicator = Indicator.objects.get(programme=demo, code="mbo-niveau-1")
    indicator.area_kind, indicator.area_code = "land", ""
    indicator.full_clean()
    indicator.save()
    row = selectors.indicator_detail(programme=demo, code="mbo-niveau-1")
    assert row.indicator.area.key == "nl" and row.years["2018-2019"].figure.value == Decimal("23.26")


def test_a_programme_manager_cannot_confirm_a_regions_run(demo, demo_user):
    """A regions preview left with a programme (a run migrated from before the stewards) is still the stewards'."""
    from django.core.exceptions import PermissionDenied

    from indicators.importers import runs
    from indicators.models import ImportRun

    run = ImportRun.objects.create(
        kind=ImportRun.Kind.REGIONS, source="upload", status="voorbeeld", programme=demo, checksum="x", file_name="a"
    )
    with pytest.raises(PermissionDenied, match="gegevensbeheerders"):
        runs.import_run_confirm(run=run, user=demo_user("programmamanager"))
    run.refresh_from_db()
    assert run.status == "voorbeeld"
