"""RMC regions and their municipalities, from DUO's address files of school locations.

Every school location names its municipality (GEMEENTENUMMER, GEMEENTENAAM) and its RMC region (RMC-REGIO
CODE, RMC-REGIO NAAM), so the file maps each municipality to its region. Region codes are the key: a
region is created or renamed by its code, and a municipality that moved (14 split into 40 and 41) is
linked to its new region. Rows without a region are counted and left out. All rows are checked first;
the load is one transaction and writes only what differs, so a second run changes nothing.
"""

import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .duo.cells import parse_region_code
from .tabular import CheckedResult, FileRefused, Problems, read_table, report_missing_columns
from .vocabulary import Vocabulary, load_vocabulary, normalise

REQUIRED = ("region_code", "region_name", "municipality_code", "municipality_name")
PARTICLES = {"aan", "de", "den", "der", "en", "het", "in", "op", "over", "ten", "ter", "van", "bij", "onder"}
_MUNICIPALITY_CODE = re.compile(r"^\s*(?:GM)?0*(\d{1,4})\s*$", re.IGNORECASE)


def parse_municipality_code(text: str) -> str | None:
    """ "193", "0193", "GM0193" → "0193" (CBS/DUO gemeentenummer, four digits)."""
    match = _MUNICIPALITY_CODE.match(text or "")
    if not match or int(match.group(1)) == 0:
        return None
    return f"{int(match.group(1)):04d}"


def _capitalise(part: str) -> str:
    lower = part.lower()
    if lower in ("'s", "'t", "’s", "’t"):
        return lower
    if lower.startswith("ij"):
        return "IJ" + lower[2:]
    return lower[:1].upper() + lower[1:]


def dutch_name(text: str) -> str:
    """DUO writes names in capitals ("'S-HERTOGENBOSCH", "ALPHEN AAN DEN RIJN"); give them their usual form
    ("'s-Hertogenbosch", "Alphen aan den Rijn", "IJsselstein", "Bergen (NH)"). Mixed case stays as written."""
    if not text.isupper():
        return text
    words = []
    parts = text.split()
    if len(parts) > 1 and parts[0] in ("S", "'S", "’S", "T", "'T"):  # "S GRAVENHAGE" → "'s-Gravenhage"
        parts = [f"'{parts[0][-1].lower()}-{parts[1]}", *parts[2:]]
    for index, word in enumerate(parts):
        if word.startswith("(") or (len(word) <= 3 and not set(word) & set("AEIOUY")):
            words.append(word)  # "Bergen (NH)", "Bergen NH"
        elif index and word.lower() in PARTICLES:
            words.append(word.lower())
        else:
            words.append("-".join(_capitalise(part) for part in word.split("-")))
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class MunicipalityRow:
    line: int
    code: str
    name: str
    region_code: str


@dataclass
class RegionsResult(CheckedResult):
    regions: dict[str, str] = field(default_factory=dict)  # code ("10") → name, as in the file
    municipalities: dict[str, MunicipalityRow] = field(default_factory=dict)  # code ("0193") → row
    problems: Problems = field(default_factory=Problems)
    rows_read: int = 0
    rows_without_region: int = 0
    rows_rejected: int = 0

    def headline(self) -> str:
        return _("%(regions)s regio's, %(municipalities)s gemeenten") % {
            "regions": len(self.regions),
            "municipalities": len(self.municipalities),
        }


def read_regions_file(data: bytes, *, vocabulary: Vocabulary | None = None, progress=None) -> RegionsResult:
    """Read and check an address file. Writes nothing; two queries (the aliases)."""
    result = RegionsResult()
    problems = result.problems
    vocabulary = vocabulary if vocabulary is not None else load_vocabulary()
    try:
        table = read_table(data, vocabulary, problems, progress)
    except FileRefused as refused:
        problems.errors.append(refused.problem)
        return result
    missing = [name for name in REQUIRED if name not in table.columns]
    if missing:
        report_missing_columns(missing, vocabulary, table.header_line, problems)
        return result
    index = {name: table.columns[name] for name in REQUIRED}
    header = {name: table.header(name) for name in REQUIRED}
    region_lines: dict[str, int] = {}
    for line, values in table.rows:
        result.rows_read += 1
        region_text = values[index["region_code"]]
        if not region_text:
            result.rows_without_region += 1
            continue
        region_code = parse_region_code(region_text)
        if region_code is None:
            problems.error(
                _("'%(value)s' is geen RMC-regiocode (bijvoorbeeld 10 of REGIO 10).") % {"value": region_text},
                line,
                header["region_code"],
            )
            result.rows_rejected += 1
            continue
        region_name = values[index["region_name"]]
        known_name = result.regions.setdefault(region_code, region_name)
        if region_name and known_name and normalise(region_name) != normalise(known_name):
            problems.warning(
                _("Regio %(code)s heet hier '%(name)s', op regel %(first)s '%(first_name)s'; de eerste naam telt.")
                % {
                    "code": region_code,
                    "name": region_name,
                    "first": region_lines[region_code],
                    "first_name": known_name,
                },
                line,
                header["region_name"],
            )
        elif not known_name:
            result.regions[region_code] = region_name
        region_lines.setdefault(region_code, line)
        municipality_text = values[index["municipality_code"]]
        code = parse_municipality_code(municipality_text)
        if code is None:
            if municipality_text:
                problems.error(
                    _("'%(value)s' is geen gemeentenummer (bijvoorbeeld 0193).") % {"value": municipality_text},
                    line,
                    header["municipality_code"],
                )
            else:
                problems.warning(_("Geen gemeentenummer: regel overgeslagen."), line, header["municipality_code"])
            result.rows_rejected += 1
            continue
        row = MunicipalityRow(line, code, values[index["municipality_name"]], region_code)
        first = result.municipalities.setdefault(code, row)
        if first.region_code != region_code:
            problems.error(
                _(
                    "Gemeente %(code)s %(name)s staat hier in regio %(region)s, maar op regel %(line)s in regio "
                    "%(first)s."
                )
                % {
                    "code": code,
                    "name": row.name,
                    "region": region_code,
                    "line": first.line,
                    "first": first.region_code,
                },
                line,
                header["region_code"],
            )
            result.rows_rejected += 1
    for code, name in result.regions.items():
        if not name:
            problems.error(_("Regio %(code)s heeft nergens een naam.") % {"code": code}, None, header["region_name"])
    if result.rows_read == 0 and not problems.has_errors:
        problems.error(_("Het bestand bevat alleen een kopregel."))
    elif not result.municipalities and not problems.has_errors:
        problems.error(_("Geen enkele regel noemt een RMC-regio en een gemeente."))
    return result


@dataclass
class RegionsLoad:
    regions_created: int = 0
    regions_renamed: int = 0
    regions_unchanged: int = 0
    municipalities_created: int = 0
    municipalities_relinked: int = 0
    municipalities_renamed: int = 0
    municipalities_unchanged: int = 0

    @property
    def created(self) -> int:
        return self.regions_created + self.municipalities_created

    @property
    def updated(self) -> int:
        """Rows changed (a municipality renamed and relinked counts once)."""
        return self.regions_renamed + self._municipalities_changed

    @property
    def unchanged(self) -> int:
        return self.regions_unchanged + self.municipalities_unchanged

    _municipalities_changed: int = 0

    def describe(self) -> str:
        return _(
            "regio's: %(rc)s nieuw, %(rr)s hernoemd; gemeenten: %(mc)s nieuw, %(ml)s naar een andere regio, "
            "%(mr)s hernoemd"
        ) % {
            "rc": self.regions_created,
            "rr": self.regions_renamed,
            "mc": self.municipalities_created,
            "ml": self.municipalities_relinked,
            "mr": self.municipalities_renamed,
        }


def _same_name(ours: str, theirs: str) -> bool:
    return not theirs or normalise(ours) == normalise(theirs)


@transaction.atomic
def load_regions(result: RegionsResult) -> RegionsLoad:
    """Create, rename and relink by code, in bulk: five queries plus the writes, whatever the file's size."""
    from projects.models import Municipality, Region

    if not result.ok:
        raise ValueError("load_regions needs a result without errors")
    counts = RegionsLoad()
    regions = {parse_region_code(region.code) or region.code: region for region in Region.objects.all()}
    new, renamed = [], []
    for code, name in sorted(result.regions.items()):
        region = regions.get(code)
        if region is None:
            region = Region(code=code, name=dutch_name(name))
            region.clean_fields()
            new.append(region)
        elif not _same_name(region.name, name):
            region.name = dutch_name(name)
            region.clean_fields()
            renamed.append(region)
        else:
            counts.regions_unchanged += 1
    Region.objects.bulk_create(new)
    Region.objects.bulk_update(renamed, ["name"])
    counts.regions_created, counts.regions_renamed = len(new), len(renamed)
    regions = {parse_region_code(region.code) or region.code: region for region in Region.objects.all()}

    municipalities = {municipality.code: municipality for municipality in Municipality.objects.all()}
    new, changed = [], []
    for code, row in sorted(result.municipalities.items()):
        region = regions[row.region_code]
        municipality = municipalities.get(code)
        if municipality is None:
            municipality = Municipality(code=code, name=dutch_name(row.name) or code, region=region)
            municipality.clean_fields(exclude=["region"])
            new.append(municipality)
            continue
        relinked = municipality.region_id != region.pk
        rename = not _same_name(municipality.name, row.name)
        if relinked:
            municipality.region = region
            counts.municipalities_relinked += 1
        if rename:
            municipality.name = dutch_name(row.name)
            counts.municipalities_renamed += 1
        if relinked or rename:
            municipality.clean_fields(exclude=["region"])
            changed.append(municipality)
        else:
            counts.municipalities_unchanged += 1
    Municipality.objects.bulk_create(new)
    Municipality.objects.bulk_update(changed, ["name", "region"])
    counts.municipalities_created = len(new)
    counts._municipalities_changed = len(changed)
    return counts
