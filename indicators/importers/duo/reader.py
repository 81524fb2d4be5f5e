"""Reading a DUO file of VSV figures (CSV or XLSX) into checked rows: read_vsv_file, and the _Reader of one
table that checks every row (area known, category, school year, status, counts against their percentage)
and lists each problem with its line and column; known_regions, the regions a file may name. Writes nothing.

Areas: a region column holds a code ("10", "REGIO 10"), a code and name ("10 IJssel-Vecht") or the nation
("Nederland", "Landelijk"); a file with a municipality column gives figures of municipalities.

Breakdowns: a file with a leerweg (or geslacht, leeftijd) column has a row per leerweg and, per category, a total
row whose leerweg cell is empty or says "totaal" (an empty category cell carries the category of the row above,
as in DUO's tables). The category total is the file's own total row; where the file has none it is the sum of its
parts (Σ vsv'ers / Σ deelnemers), and unknown when a part's counts are masked. A total that disagrees with the
sum of its parts is loaded as the file gives it, with a warning naming both.
"""

from dataclasses import replace
from decimal import InvalidOperation

from django.utils.translation import gettext as _

from core.numbers import format_count

from ... import areas
from ...areas import Area
from ...figures import check_percentage, percentage_of
from ..tabular import FileRefused, read_table, report_missing_columns
from ..vocabulary import BREAKDOWN_FIELDS, Vocabulary, load_vocabulary, normalise
from .cells import (
    NATION_WORDS,
    Masked,
    parse_count,
    parse_municipality_code,
    parse_percentage,
    parse_region_cell,
    parse_region_code,
    parse_school_year,
)
from .rows import ONE_YEAR_LATER, STATUS_WORDS, TOTAL, ReadResult, VsvRow

# What a breakdown cell says on a category's total row (besides nothing at all).
TOTAL_WORDS = frozenset({"TOTAAL", "SUBTOTAAL", "ALLE", "ALLE LEERWEGEN", "TOTAAL LEERWEGEN", "SUBTOTAAL CATEGORIE"})


def known_regions() -> dict[str, tuple[str, str]]:
    """Every region we know, by normalised code: {"10": ("10", "IJssel-Vecht")}; one query."""
    from projects.models import Region

    return {parse_region_code(code) or code: (code, name) for code, name in Region.objects.values_list("code", "name")}


class _Reader:
    """Reads the rows of one table; caches every parsed spelling so a national file parses each once."""

    def __init__(self, table, vocabulary, regions, school_year, status, problems, own_region=None):
        self.table = table
        self.own_region = own_region
        self.vocabulary = vocabulary
        self.regions = regions
        self.problems = problems
        self.default_year = school_year
        self.default_status = status
        self.one_year_later = "back_in_education" in table.columns
        self.index = table.columns
        self.breakdown = next((name for name in BREAKDOWN_FIELDS if name in table.columns), "")
        self.municipal = "municipality_code" in table.columns
        self._previous_category: tuple[str, str] | None = None  # (name, kind) of the row above, carried down
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
        required = ["municipality_code" if self.municipal else "region_code", "participants", "dropouts"]
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

    def area(self, values, line) -> Area | None:
        if self.municipal:
            return self.municipality(self.value(values, "municipality_code"), line)
        return self.region(self.value(values, "region_code"), self.value(values, "region_name"), line)

    def municipality(self, text, line) -> Area | None:
        code = parse_municipality_code(text)
        if code is None:
            message = (
                _("'%(value)s' is geen gemeentenummer (bijvoorbeeld 0193).") % {"value": text}
                if text
                else _("Het gemeentenummer ontbreekt.")
            )
            self.problems.error(message, line, self.names["municipality_code"])
            return None
        return Area(areas.MUNICIPALITY, code)

    def region(self, text, name, line) -> Area | None:
        column = self.names["region_code"]
        if normalise(text) in NATION_WORDS:
            return areas.NATION_AREA
        if text not in self._region_codes:
            self._region_codes[text] = parse_region_cell(text)
        code, name_in_cell = self._region_codes[text]
        name = name or name_in_cell
        if code is None:
            if text:
                message = _("'%(value)s' is geen RMC-regiocode (bijvoorbeeld 10 of REGIO 10).") % {"value": text}
            else:
                message = _("De RMC-regiocode ontbreekt.")
            self.problems.error(message, line, column)
            return None
        if self.own_region is not None and code != self.own_region:
            return Area.region(code)  # a programme's run does not load other regions: no need to know them
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
                return Area.region(our_code)
            self._warned_names.add(code)
            self.problems.warning(
                _("Regio %(code)s heet in het bestand '%(file)s', bij ons '%(ours)s'; de code telt.")
                % {"code": our_code, "file": name, "ours": our_name},
                line,
                self.names.get("region_name", column),
            )
        return Area.region(our_code)

    def breakdown_value(self, values) -> str:
        """The row's breakdown value ("Bbl3"), or "" for a category total (an empty cell or "totaal")."""
        if not self.breakdown:
            return ""
        text = " ".join(self.value(values, self.breakdown).split())
        word = normalise(text)
        if word in TOTAL_WORDS or word.startswith("TOTAAL ") or word.startswith("SUBTOTAAL "):
            return ""
        return text[:100]

    def category(self, values, line) -> str | None:
        """A category code, "" for a known category that is not loaded, None for an unknown one."""
        name = self.value(values, "category")
        if self.one_year_later and not name:
            return ONE_YEAR_LATER  # Tabel 4 gives totals for vo, vavo and mbo together
        kind = self.value(values, "education_type")
        if self.breakdown:
            if not name and self._previous_category:
                name, kind = self._previous_category  # a merged cell: the category of the row above
            self._previous_category = (name, kind) if name else None
        cache_key = (name, kind)
        if cache_key not in self._categories:
            code = self.vocabulary.category_for(name)
            if code is None and kind:
                code = self.vocabulary.category_for(f"{kind} {name}")
            self._categories[cache_key] = code
        code = self._categories[cache_key]
        if self.one_year_later:
            return ONE_YEAR_LATER if code == TOTAL else ("" if code is not None else None)
        return code

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
        area = self.area(values, line)
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
            percentage = percentage_of(dropouts, participants) if None not in (dropouts, participants) else None
        if len(self.problems.errors) + self.problems.errors_left_off > errors_before:
            return None
        breakdown_value = self.breakdown_value(values)
        return VsvRow(
            line,
            area,
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
            self.breakdown if breakdown_value else "",
            breakdown_value,
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
        error = check_percentage(
            share,
            part,
            dropouts,
            message=_("%(what)s %(percentage)s%% klopt niet met %(part)s van %(whole)s vsv'ers (%(computed)s%%)."),
            what=self.labels[field_name],
        )
        if error:
            self.problems.error(error, line, self.names[field_name])

    def check_counts(self, line, participants, dropouts, percentage, back, working):
        if None not in (participants, dropouts) and dropouts > participants:
            self.problems.error(
                _("Meer vsv'ers (%(dropouts)s) dan deelnemers (%(participants)s).")
                % {"dropouts": format_count(dropouts), "participants": format_count(participants)},
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
            error = check_percentage(
                percentage,
                dropouts,
                participants,
                message=_(
                    "Het vsv-percentage %(percentage)s klopt niet met %(part)s vsv'ers van %(whole)s deelnemers "
                    "(%(computed)s)."
                ),
            )
            if error:
                self.problems.error(error, line, self.names["percentage"])
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
    own_region: str | None = None,
    progress=None,
) -> ReadResult:
    """Read and check a DUO file of VSV figures. Writes nothing; four queries (aliases, categories, regions).

    `school_year` ("2019-2020") and `status` ("voorlopig"/"definitief") fill what the file does not say. With
    `own_region` (a programme's run, which loads only its own region) a row of another region is read without
    checking that we know that region: the loader counts it as not loaded.
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
        table = read_table(data, vocabulary, problems, progress)
    except FileRefused as refused:
        problems.errors.append(refused.problem)
        return result
    result.file_format = table.file_format
    reader = _Reader(
        table,
        vocabulary,
        regions if regions is not None else known_regions(),
        school_year,
        status,
        problems,
        own_region,
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
                _("Dubbel: %(area)s, %(category)s%(part)s, schooljaar %(year)s staat ook op regel %(first)s.")
                % {
                    "area": row.area.words(),
                    "category": row.category_code,
                    "part": f" ({row.breakdown_value})" if row.breakdown_value else "",
                    "year": row.school_year,
                    "first": first,
                },
                line,
            )
            result.rows_rejected += 1
            continue
        result.rows.append(row)
    if result.rows_read == 0 and not problems.has_errors:
        problems.error(_("Het bestand bevat geen regels met cijfers, alleen een kopregel."))
    result.breakdown = reader.breakdown
    if reader.breakdown and not problems.has_errors:
        _totals(result, problems)
    return result


def _counts_words(participants, dropouts) -> str:
    return _("%(participants)s deelnemers, %(dropouts)s vsv'ers") % {
        "participants": format_count(participants),
        "dropouts": format_count(dropouts),
    }


def _totals(result: ReadResult, problems) -> None:
    """Check each category total of a breakdown file against the sum of its parts; add the totals it lacks."""
    totals, parts = {}, {}
    for row in result.rows:
        group = (row.area, row.category_code, row.school_year)
        if row.breakdown:
            parts.setdefault(group, []).append(row)
        else:
            totals[group] = row
    for group, rows in parts.items():
        area, category, year = group
        what = _("%(category)s, %(area)s, %(year)s") % {"category": category, "area": area.words(), "year": year}
        known = all(None not in (row.participants, row.dropouts) for row in rows)
        participants = sum(row.participants or 0 for row in rows)
        dropouts = sum(row.dropouts or 0 for row in rows)
        total = totals.get(group)
        if total is not None:
            file_counts = (total.participants, total.dropouts)
            if known and None not in file_counts and file_counts != (participants, dropouts):
                problems.warning(
                    _(
                        "%(what)s: het totaal in het bestand (%(file)s) verschilt van de som van de uitsplitsing "
                        "(%(sum)s); het totaal uit het bestand is geladen."
                    )
                    % {
                        "what": what,
                        "file": _counts_words(*file_counts),
                        "sum": _counts_words(participants, dropouts),
                    },
                    total.line,
                )
            continue
        if not known:
            problems.warning(
                _(
                    "%(what)s: geen totaal in het bestand en afgeschermde aantallen in de uitsplitsing; het totaal "
                    "blijft onbekend."
                )
                % {"what": what},
                rows[0].line,
            )
            continue
        statuses = {row.status for row in rows}
        result.rows.append(
            replace(
                rows[0],
                participants=participants,
                dropouts=dropouts,
                percentage=percentage_of(dropouts, participants),
                status=statuses.pop() if len(statuses) == 1 else STATUS_WORDS["VOORLOPIG"],
                note=_("som van de uitsplitsing (regels %(first)s–%(last)s)")
                % {"first": rows[0].line, "last": rows[-1].line},
                breakdown="",
                breakdown_value="",
            )
        )
        result.derived_totals += 1
