"""DUO's VSV figures per RMC region, normcategorie and school year: read a file into validated rows, then load.

    result = read_vsv_file(data)          # bytes of a CSV or XLSX file; no writes, a fixed number of queries
    if result.ok: load_rows(run, result.rows)

Every row is checked before anything is written; any error refuses the whole file, and every problem is
listed with its line number and column. Warnings (masked counts, a region name that differs from ours) are
listed but do not block. Header and category spellings come from ColumnAlias and CategoryAlias (admin).

"One year later" files (seed 004, Tabel 4: startpopulatie, vsv'ers, terug in onderwijs, werkend) are
recognised by their AANTAL TERUG IN ONDERWIJS column; each row yields the two terugkeer indicators.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.translation import gettext as _

from core import numbers
from core.periods import SchoolYear

from .tabular import CheckedResult, FileRefused, Problems, read_table, report_missing_columns
from .vocabulary import Vocabulary, load_vocabulary, normalise

ONE_YEAR_LATER = "een-jaar-later"  # category of a row of a "one year later" file
TOTAL = "totaal"
RETURN_TO_SCHOOL = "terugkeer-school"
RETURN_TO_WORK = "terugkeer-werk"
TWO_PLACES = Decimal("0.01")

# The words DUO uses for the status of a figure. Few and fixed, unlike the column and category names.
STATUS_WORDS = {
    "VOORLOPIG": "voorlopig",
    "VI": "voorlopig",
    "V": "voorlopig",
    "VOORLOPIGE CIJFERS": "voorlopig",
    "DEFINITIEF": "definitief",
    "DI": "definitief",
    "D": "definitief",
    "DEFINITIEVE CIJFERS": "definitief",
    "NIET VERMELD": "niet-vermeld",  # a source that does not say (seed 004's Tabel 2 and 3)
}

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


def _grouped(count: int) -> str:
    """7595 → "7.595", as DUO and the reader write counts."""
    return f"{count:,}".replace(",", ".")


def _dutch(number: Decimal) -> str:
    return f"{number}".replace(".", ",")


def _tolerance(percentage: Decimal) -> Decimal:
    """One unit in the last decimal written: covers both rounding and cutting off ("0,2" for 0,195)."""
    exponent = percentage.as_tuple().exponent
    return Decimal(1).scaleb(min(exponent, 0))


def _percentage_of(part: int | None, whole: int | None) -> Decimal | None:
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(TWO_PLACES, ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class IndicatorValue:
    """What the loader stores for one indicator × region × school year (numerator/denominator where DUO gives
    them, so a masked count stays unknown)."""

    indicator_code: str
    region_code: str
    school_year: str
    status: str
    value_pct: Decimal | None
    numerator: int | None
    denominator: int | None
    line: int
    note: str = ""


@dataclass(frozen=True, slots=True)
class VsvRow:
    line: int
    region_code: str  # as our Region has it
    category_code: str  # Category code, or ONE_YEAR_LATER
    school_year: str  # "2019-2020"
    status: str  # "voorlopig" / "definitief"
    participants: int | None  # deelnemers (startpopulatie in "one year later" files); None = unknown
    dropouts: int | None  # vsv'ers; None = unknown
    percentage: Decimal | None  # vsv-percentage, 3.70 for 3,70%
    back_in_education: int | None = None  # "one year later" files only
    working: int | None = None
    share_back_in_education: Decimal | None = None  # as published (whole percentages); else computed
    share_working: Decimal | None = None
    note: str = ""  # a BRON column: where the figure comes from

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.region_code, self.category_code, self.school_year)

    def indicator_values(self) -> list[IndicatorValue]:
        """The indicator values this row gives: its category, or for a "one year later" row the share of
        vsv'ers back in education and the share working."""
        common = {
            "region_code": self.region_code,
            "school_year": self.school_year,
            "status": self.status,
            "note": self.note,
        }
        if self.category_code != ONE_YEAR_LATER:
            return [
                IndicatorValue(
                    self.category_code,
                    value_pct=None if self.percentage is None else self.percentage.quantize(TWO_PLACES, ROUND_HALF_UP),
                    numerator=self.dropouts,
                    denominator=self.participants,
                    line=self.line,
                    **common,
                )
            ]
        return [
            IndicatorValue(
                code,
                value_pct=share.quantize(TWO_PLACES, ROUND_HALF_UP)
                if share is not None
                else _percentage_of(part, self.dropouts),
                numerator=part,
                denominator=self.dropouts,
                line=self.line,
                **common,
            )
            for code, part, share in (
                (RETURN_TO_SCHOOL, self.back_in_education, self.share_back_in_education),
                (RETURN_TO_WORK, self.working, self.share_working),
            )
        ]


@dataclass
class ReadResult(CheckedResult):
    rows: list[VsvRow] = field(default_factory=list)
    problems: Problems = field(default_factory=Problems)
    rows_read: int = 0
    rows_skipped: int = 0  # subtotals and categories that are known but not loaded
    rows_rejected: int = 0  # rows with an error or an unknown category
    file_format: str = ""
    one_year_later: bool = False

    def summary_by_year(self) -> list[tuple[str, str, int]]:
        """(school year, status, rows) for a preview."""
        counts = Counter((row.school_year, row.status) for row in self.rows)
        return [(year, status, count) for (year, status), count in sorted(counts.items())]


def known_regions() -> dict[str, tuple[str, str]]:
    """Every region we know, by normalised code: {"10": ("10", "IJssel-Vecht")}; one query."""
    from projects.models import Region

    return {parse_region_code(code) or code: (code, name) for code, name in Region.objects.values_list("code", "name")}


class _Reader:
    """Reads the rows of one table; caches every parsed spelling so a national file parses each once."""

    def __init__(self, table, vocabulary, regions, school_year, status, problems):
        self.table = table
        self.vocabulary = vocabulary
        self.regions = regions
        self.problems = problems
        self.default_year = school_year
        self.default_status = status
        self.one_year_later = "back_in_education" in table.columns
        self.index = table.columns
        self.names = {field_name: table.header(field_name) for field_name in table.columns}
        self._years: dict[str, str | None] = {}
        self._categories: dict[tuple[str, str], str | None] = {}
        self._warned_names: set[str] = set()
        self._checked_names: set[tuple[str, str]] = set()
        self._region_codes: dict[str, str | None] = {}
        self._statuses: dict[str, str | None] = {}
        self.labels = {
            "participants": _("Aantal deelnemers"),
            "dropouts": _("Aantal vsv'ers"),
            "percentage": _("Vsv-percentage"),
            "back_in_education": _("Aantal terug in onderwijs"),
            "working": _("Aantal werkend"),
            "share_back_in_education": _("Aandeel terug in onderwijs"),
            "share_working": _("Aandeel werkend"),
        }

    def required_columns_missing(self) -> list[str]:
        missing = []
        required = ["region_code", "participants", "dropouts"]
        if not self.one_year_later:
            required.insert(1, "category")
        else:
            required.append("working")
        if not self.default_year:
            required.append("school_year")
        if not self.default_status:
            required.append("status")
        for field_name in required:
            if field_name not in self.index:
                missing.append(field_name)
        return missing

    def value(self, values, field_name) -> str:
        index = self.index.get(field_name)
        return values[index] if index is not None else ""

    def school_year(self, text, line) -> str | None:
        if not text:
            if self.default_year:
                return self.default_year
            self.problems.error(_("Het schooljaar ontbreekt."), line, self.names.get("school_year", ""))
            return None
        if text not in self._years:
            self._years[text] = parse_school_year(text)
        year = self._years[text]
        if year is None:
            self.problems.error(
                _("'%(value)s' is geen schooljaar; schrijf het als 2019-2020.") % {"value": text},
                line,
                self.names["school_year"],
            )
        return year

    def region(self, text, name, line) -> str | None:
        column = self.names["region_code"]
        if text not in self._region_codes:
            self._region_codes[text] = parse_region_code(text)
        code = self._region_codes[text]
        if code is None:
            if text:
                message = _("'%(value)s' is geen RMC-regiocode (bijvoorbeeld 10 of REGIO 10).") % {"value": text}
            else:
                message = _("De RMC-regiocode ontbreekt.")
            self.problems.error(message, line, column)
            return None
        known = self.regions.get(code)
        if known is None:
            self.problems.error(
                _("Onbekende RMC-regio %(code)s. Importeer eerst de regio's (adressenbestand van DUO).")
                % {"code": code},
                line,
                column,
            )
            return None
        our_code, our_name = known
        if name and (code, name) not in self._checked_names:
            self._checked_names.add((code, name))
            if code in self._warned_names or normalise(name) == normalise(our_name):
                return our_code
            self._warned_names.add(code)
            self.problems.warning(
                _("Regio %(code)s heet in het bestand '%(file)s', bij ons '%(ours)s'; de code telt.")
                % {"code": our_code, "file": name, "ours": our_name},
                line,
                self.names.get("region_name", ""),
            )
        return our_code

    def category(self, values, line) -> str | None:
        """A category code, "" for a known category that is not loaded, None for an unknown one."""
        name = self.value(values, "category")
        if self.one_year_later and not name:
            return ONE_YEAR_LATER  # Tabel 4 gives totals for vo, vavo and mbo together
        kind = self.value(values, "education_type")
        cache_key = (name, kind)
        if cache_key not in self._categories:
            code = self.vocabulary.category_for(name)
            if code is None and kind:
                code = self.vocabulary.category_for(f"{kind} {name}")
            self._categories[cache_key] = code
        code = self._categories[cache_key]
        if self.one_year_later:
            return ONE_YEAR_LATER if code == TOTAL else ("" if code is not None else None)
        return "" if code == TOTAL else code

    def status(self, text, line) -> str | None:
        if not text:
            if self.default_status:
                return self.default_status
            self.problems.error(_("De status (voorlopig of definitief) ontbreekt."), line, self.names.get("status", ""))
            return None
        if text not in self._statuses:
            self._statuses[text] = STATUS_WORDS.get(normalise(text))
        status = self._statuses[text]
        if status is None:
            self.problems.error(
                _("'%(value)s' is geen status; verwacht VOORLOPIG, VI, DEFINITIEF of DI.") % {"value": text},
                line,
                self.names["status"],
            )
        return status

    def number(self, parse, values, field_name, line):
        text = self.value(values, field_name)
        what = self.labels[field_name]
        try:
            return parse(text), True
        except Masked:
            self.problems.warning(
                _("%(what)s is afgeschermd ('%(value)s'): onbekend, niet nul.") % {"what": what, "value": text},
                line,
                self.names[field_name],
            )
            return None, True
        except (ValueError, InvalidOperation):
            self.problems.error(
                _("'%(value)s' is geen getal (%(what)s).") % {"value": text, "what": what.lower()},
                line,
                self.names[field_name],
            )
            return None, False

    def row(self, line, values) -> VsvRow | str | None:
        """A VsvRow, "skip" for a subtotal, or None when the row has an error or an unknown category."""
        errors_before = len(self.problems.errors) + self.problems.errors_left_off
        category = self.category(values, line)
        if category == "":
            return "skip"
        if category is None:
            name = self.value(values, "category")
            self.problems.warning(
                _(
                    "Onbekende categorie '%(value)s': rij niet geladen. Voeg de naam toe onder Beheer → "
                    "Categorienamen van DUO als het een normcategorie is."
                )
                % {"value": name},
                line,
                self.names.get("category", ""),
            )
            return None
        region = self.region(self.value(values, "region_code"), self.value(values, "region_name"), line)
        year = self.school_year(self.value(values, "school_year"), line)
        status = self.status(self.value(values, "status"), line)
        participants, _ok = self.number(parse_count, values, "participants", line)
        dropouts, _ok = self.number(parse_count, values, "dropouts", line)
        percentage, percentage_ok = None, True
        if "percentage" in self.index:
            percentage, percentage_ok = self.number(parse_percentage, values, "percentage", line)
        back = working = share_back = share_working = None
        if self.one_year_later:
            back, _ok = self.number(parse_count, values, "back_in_education", line)
            working, _ok = self.number(parse_count, values, "working", line)
            share_back, _ok = self.number(parse_percentage, values, "share_back_in_education", line)
            share_working, _ok = self.number(parse_percentage, values, "share_working", line)
            self.check_share(line, share_back, back, dropouts, "share_back_in_education")
            self.check_share(line, share_working, working, dropouts, "share_working")
        self.check_counts(line, participants, dropouts, percentage, back, working)
        if percentage is None and percentage_ok:
            percentage = _percentage_of(dropouts, participants) if None not in (dropouts, participants) else None
        if len(self.problems.errors) + self.problems.errors_left_off > errors_before:
            return None
        return VsvRow(
            line,
            region,
            category,
            year,
            status,
            participants,
            dropouts,
            percentage,
            back,
            working,
            share_back,
            share_working,
            self.value(values, "note")[:200],
        )

    def check_share(self, line, share, part, dropouts, field_name):
        """A published share ("27") must agree with its count of the vsv'ers, give or take its rounding."""
        if share is None:
            return
        if share > 100:
            self.problems.error(
                _("Een percentage van meer dan 100 (%(value)s).") % {"value": share}, line, self.names[field_name]
            )
            return
        computed = _percentage_of(part, dropouts)
        if computed is not None and abs(computed - share) > _tolerance(share):
            self.problems.error(
                _("%(what)s %(pct)s%% klopt niet met %(part)s van %(dropouts)s vsv'ers (%(computed)s%%).")
                % {
                    "what": self.labels[field_name],
                    "pct": _dutch(share),
                    "part": part,
                    "dropouts": dropouts,
                    "computed": _dutch(computed),
                },
                line,
                self.names[field_name],
            )

    def check_counts(self, line, participants, dropouts, percentage, back, working):
        if None not in (participants, dropouts) and dropouts > participants:
            self.problems.error(
                _("Meer vsv'ers (%(dropouts)s) dan deelnemers (%(participants)s).")
                % {"dropouts": _grouped(dropouts), "participants": _grouped(participants)},
                line,
                self.names["dropouts"],
            )
            return
        if percentage is not None:
            if percentage > 100:
                self.problems.error(
                    _("Een percentage van meer dan 100 (%(value)s).") % {"value": percentage},
                    line,
                    self.names["percentage"],
                )
                return
            if None not in (participants, dropouts) and participants:
                computed = Decimal(dropouts) * 100 / Decimal(participants)
                if abs(computed - percentage) > _tolerance(percentage):
                    self.problems.error(
                        _(
                            "Het vsv-percentage %(pct)s klopt niet met %(dropouts)s vsv'ers van %(participants)s "
                            "deelnemers (%(computed)s)."
                        )
                        % {
                            "pct": _dutch(percentage),
                            "dropouts": _grouped(dropouts),
                            "participants": _grouped(participants),
                            "computed": _dutch(computed.quantize(TWO_PLACES, ROUND_HALF_UP)),
                        },
                        line,
                        self.names["percentage"],
                    )
        for part, field_name in ((back, "back_in_education"), (working, "working")):
            if None not in (part, dropouts) and part > dropouts:
                self.problems.error(
                    _("%(part)s is meer dan het aantal vsv'ers (%(dropouts)s).") % {"part": part, "dropouts": dropouts},
                    line,
                    self.names[field_name],
                )


def read_vsv_file(
    data: bytes,
    *,
    school_year: str = "",
    status: str = "",
    vocabulary: Vocabulary | None = None,
    regions: dict[str, tuple[str, str]] | None = None,
) -> ReadResult:
    """Read and check a DUO file of VSV figures. Writes nothing; three queries (aliases, regions).

    `school_year` ("2019-2020") and `status` ("voorlopig"/"definitief") fill what the file does not say.
    """
    result = ReadResult()
    problems = result.problems
    if school_year and parse_school_year(school_year) is None:
        problems.error(_("'%(value)s' is geen schooljaar; schrijf het als 2019-2020.") % {"value": school_year})
        return result
    school_year = parse_school_year(school_year) if school_year else ""
    if status and status not in STATUS_WORDS.values():
        problems.error(_("De status is voorlopig of definitief, niet '%(value)s'.") % {"value": status})
        return result
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary()
    try:
        table = read_table(data, vocabulary, problems)
    except FileRefused as refused:
        problems.errors.append(refused.problem)
        return result
    result.file_format = table.file_format
    reader = _Reader(
        table, vocabulary, regions if regions is not None else known_regions(), school_year, status, problems
    )
    result.one_year_later = reader.one_year_later
    missing = reader.required_columns_missing()
    if missing:
        report_missing_columns(missing, vocabulary, table.header_line, problems)
        return result
    seen: dict[tuple[str, str, str], int] = {}
    for line, values in table.rows:
        result.rows_read += 1
        row = reader.row(line, values)
        if row == "skip":
            result.rows_skipped += 1
            continue
        if row is None:
            result.rows_rejected += 1
            continue
        first = seen.setdefault(row.key, line)
        if first != line:
            problems.error(
                _("Dubbel: regio %(region)s, %(category)s, schooljaar %(year)s staat ook op regel %(first)s.")
                % {"region": row.region_code, "category": row.category_code, "year": row.school_year, "first": first},
                line,
            )
            result.rows_rejected += 1
            continue
        result.rows.append(row)
    if result.rows_read == 0 and not problems.has_errors:
        problems.error(_("Het bestand bevat geen regels met cijfers, alleen een kopregel."))
    return result


@dataclass
class LoadCounts:
    """What a load did (or, in a dry run, would do) to the Measurements."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    no_indicator: int = 0  # values for which no programme has an indicator (counted, not loaded)
    unknown_value: int = 0  # masked counts without a percentage: nothing to store
    changes: list[dict] = field(default_factory=list)  # the first PREVIEW_CHANGES updates, for the preview

    def as_dict(self) -> dict[str, int]:
        return {"created": self.created, "updated": self.updated, "unchanged": self.unchanged}


PREVIEW_CHANGES = 50
COMPARED = ("value", "numerator", "denominator", "finality")
WRITTEN = (*COMPARED, "source", "source_detail", "import_run", "entered_by", "version", "updated_at")


def batch_size() -> int:
    """Measurements per batch: as many as one INSERT of their history rows can carry on this database, at most
    500. Every batch costs the same few queries (read existing, insert, insert history, update, insert history)."""
    from django.db import connection

    from indicators.models import Measurement

    columns = len(Measurement.history.model._meta.concrete_fields)
    limit = connection.features.max_query_params or 65535  # None: no limit of its own (PostgreSQL)
    return max(1, min(500, limit // columns))


def _source_detail(run, value: IndicatorValue) -> str:
    detail = _("%(source)s #%(pk)s, %(file)s, regel %(line)s") % {
        "source": _("DUO-import"),
        "pk": run.pk,
        "file": run.file_name,
        "line": value.line,
    }
    if value.note:
        detail += _("; bron: %(note)s") % {"note": value.note}
    return detail[:300]


def load_rows(run, rows: list[VsvRow], *, dry_run: bool = False, size: int | None = None) -> LoadCounts:
    """Store the rows as Measurements, inside the caller's transaction, for every region in the file.

    A row's category is matched to the indicator with that code in every programme. A new indicator × region ×
    school year is created; a different figure (provisional → definitive, or a correction) updates the existing
    one and its history row names the run (user, "DUO-import #pk"); an equal figure is left alone. With
    `dry_run` nothing is written and the counts say what would happen. Queries: two, then a fixed few per batch.
    """
    from django.utils import timezone
    from simple_history.utils import bulk_create_with_history, bulk_update_with_history

    from indicators.models import Indicator, Measurement
    from projects.models import Region

    counts = LoadCounts()
    values = [value for row in rows for value in row.indicator_values() if value.value_pct is not None]
    counts.unknown_value = sum(1 for row in rows for value in row.indicator_values() if value.value_pct is None)
    indicators: dict[str, list] = {}
    for indicator in Indicator.objects.filter(code__in={value.indicator_code for value in values}).only(
        "pk", "code", "name", "unit"
    ):
        indicators.setdefault(indicator.code, []).append(indicator)
    region_ids = dict(Region.objects.filter(code__in={value.region_code for value in values}).values_list("code", "pk"))
    wanted = []  # (indicator, region_id, value)
    for value in values:
        matching = indicators.get(value.indicator_code, [])
        if not matching:
            counts.no_indicator += 1
        wanted.extend((indicator, region_ids[value.region_code], value) for indicator in matching)
    user = run.created_by
    reason = _("DUO-import #%(pk)s") % {"pk": run.pk}
    now = timezone.now()
    size = size or batch_size()
    for start in range(0, len(wanted), size):
        batch = wanted[start : start + size]
        existing = {
            (m.indicator_id, m.region_id, m.school_year): m
            for m in Measurement.objects.filter(
                indicator_id__in={indicator.pk for indicator, _region, _value in batch},
                region_id__in={region for _indicator, region, _value in batch},
                school_year__in={value.school_year for _indicator, _region, value in batch},
            )
        }
        new, changed = [], []
        for indicator, region_id, value in batch:
            figures = {
                "value": value.value_pct,
                "numerator": value.numerator,
                "denominator": value.denominator,
                "finality": value.status,
            }
            provenance = {
                "source": Measurement.Source.IMPORT,
                "source_detail": _source_detail(run, value),
                "import_run_id": run.pk,
                "entered_by": user,
            }
            measurement = existing.get((indicator.pk, region_id, value.school_year))
            if measurement is None:
                new.append(
                    Measurement(
                        indicator=indicator, region_id=region_id, school_year=value.school_year, **figures, **provenance
                    )
                )
                continue
            if all(getattr(measurement, name) == figure for name, figure in figures.items()):
                counts.unchanged += 1
                continue
            if len(counts.changes) < PREVIEW_CHANGES:
                counts.changes.append(
                    {
                        "indicator": indicator.name,
                        "region": value.region_code,
                        "school_year": value.school_year,
                        "old": measurement.value,
                        "old_finality": measurement.get_finality_display(),
                        "new": value.value_pct,
                        "new_finality": Measurement.Finality(value.status).label,
                        "line": value.line,
                    }
                )
            measurement.indicator = indicator  # already in memory: clean() reads its unit
            for name, figure in {**figures, **provenance}.items():
                setattr(measurement, name, figure)
            measurement.version += 1
            measurement.updated_at = now
            changed.append(measurement)
        counts.created += len(new)
        counts.updated += len(changed)
        if dry_run:
            continue
        for measurement in (*new, *changed):
            measurement.full_clean(
                exclude=["indicator", "region", "entered_by", "import_run"],
                validate_unique=False,
                validate_constraints=False,
            )
        if new:
            bulk_create_with_history(
                new, Measurement, batch_size=size, default_user=user, default_change_reason=reason, default_date=now
            )
        if changed:
            bulk_update_with_history(
                changed,
                Measurement,
                list(WRITTEN),
                batch_size=size,
                default_user=user,
                default_change_reason=reason,
                default_date=now,
            )
    return counts
