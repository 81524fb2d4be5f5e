"""Is the region on course for a KPI in a year? Pure logic: numbers in, an Assessment out. No ORM.

progress = (baseline − actual) / (baseline − target) when lower is better, and the mirror
(actual − baseline) / (target − baseline) when higher is better: 0 at the baseline, 1 at the target.

- "op koers": the target is met (actual at or better than the target);
- "risico": not met, but within the margin: margin_pct percent of the distance baseline → target;
- "achter": further from the target than that.

The cases that would otherwise divide by zero or mislead are named, not computed:
no target, no actual, no baseline, a target equal to the baseline, and a target that lies on the
"wrong side" of the baseline (the baseline already meets it, as for "terug naar werk": 36% now,
20–25% as target while higher is better). There the status still says whether the target is met,
but no progress percentage is shown, because "progress towards a target that is already behind you"
has no honest number.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext_lazy as _

from core.badges import Look, Tone

DEFAULT_MARGIN_PCT = Decimal("10")


class Direction(StrEnum):
    LOWER = "lower"  # lower is better: VSV percentages
    HIGHER = "higher"  # higher is better: terug naar school


class Level(StrEnum):
    ON_TRACK = "op-koers"
    AT_RISK = "risico"
    BEHIND = "achter"
    NO_TARGET = "geen-streefcijfer"
    NO_ACTUAL = "geen-cijfer"


class Note(StrEnum):
    NONE = ""
    TARGET_EQUALS_BASELINE = "streefcijfer-is-nulmeting"
    TARGET_ALREADY_MET_BY_BASELINE = "streefcijfer-al-gehaald-bij-nulmeting"
    NO_BASELINE = "geen-nulmeting"


class Comparison(StrEnum):
    BETTER = "beter"
    SAME = "gelijk"
    WORSE = "slechter"


# Tone (colour and icon, core/badges.py) and word of every level: the one place a KPI status gets its look.
LEVEL_LOOKS = {
    Level.ON_TRACK: Look(Tone.OK, _("op koers")),
    Level.AT_RISK: Look(Tone.RISK, _("risico")),
    Level.BEHIND: Look(Tone.BEHIND, _("achter")),
    Level.NO_TARGET: Look(Tone.NONE, _("geen streefcijfer")),
    Level.NO_ACTUAL: Look(Tone.NONE, _("nog geen cijfer")),
}

NOTE_TEXT = {
    Note.NONE: "",
    Note.TARGET_EQUALS_BASELINE: _("Het streefcijfer is gelijk aan de nulmeting; voortgang is niet te berekenen."),
    Note.TARGET_ALREADY_MET_BY_BASELINE: _(
        "De nulmeting haalt dit streefcijfer al; voortgang richting het streefcijfer is niet te berekenen."
    ),
    Note.NO_BASELINE: _("Er is geen nulmeting; voortgang is niet te berekenen."),
}

COMPARISON_TEXT = {
    Comparison.BETTER: _("beter dan de nulmeting"),
    Comparison.SAME: _("gelijk aan de nulmeting"),
    Comparison.WORSE: _("slechter dan de nulmeting"),
}


@dataclass(frozen=True)
class Assessment:
    level: Level
    progress: Decimal | None = None  # 0 = at the baseline, 1 = at the target; None where it has no meaning
    versus_baseline: Comparison | None = None
    note: Note = Note.NONE

    @property
    def look(self) -> Look:
        return LEVEL_LOOKS[self.level]

    @property
    def label(self):
        return self.look.word

    @property
    def icon(self):
        return self.look.symbol

    @property
    def css(self):
        return self.look.tone.value

    @property
    def note_text(self):
        return NOTE_TEXT[self.note]

    @property
    def versus_baseline_text(self):
        return COMPARISON_TEXT[self.versus_baseline] if self.versus_baseline else ""

    @property
    def progress_pct(self) -> Decimal | None:
        return None if self.progress is None else (self.progress * 100).quantize(Decimal("1"))


def _gain(value: Decimal, reference: Decimal, direction: Direction) -> Decimal:
    """How much better `value` is than `reference` (negative: worse), in the indicator's unit."""
    return reference - value if direction == Direction.LOWER else value - reference


def compare(value: Decimal, reference: Decimal, direction: Direction) -> Comparison:
    gain = _gain(value, reference, direction)
    if gain > 0:
        return Comparison.BETTER
    if gain < 0:
        return Comparison.WORSE
    return Comparison.SAME


def assess(
    *,
    baseline: Decimal | None,
    target: Decimal | None,
    actual: Decimal | None,
    direction: Direction | str,
    margin_pct: Decimal | None = DEFAULT_MARGIN_PCT,
) -> Assessment:
    """The status of one indicator in one year."""
    direction = Direction(direction)
    margin_pct = DEFAULT_MARGIN_PCT if margin_pct is None else Decimal(margin_pct)
    if target is None:
        return Assessment(Level.NO_TARGET)
    if actual is None:
        return Assessment(Level.NO_ACTUAL)
    baseline, target, actual = (None if v is None else Decimal(v) for v in (baseline, target, actual))
    shortfall = -_gain(actual, target, direction)  # > 0: the target is not met, by this much
    met = shortfall <= 0

    if baseline is None:
        return Assessment(Level.ON_TRACK if met else Level.BEHIND, note=Note.NO_BASELINE)

    versus_baseline = compare(actual, baseline, direction)
    distance = _gain(target, baseline, direction)  # how much better the target is than the baseline
    if distance == 0:
        note = Note.TARGET_EQUALS_BASELINE
        progress = None
    elif distance < 0:
        note = Note.TARGET_ALREADY_MET_BY_BASELINE
        progress = None
    else:
        note = Note.NONE
        progress = _gain(actual, baseline, direction) / distance

    if met:
        level = Level.ON_TRACK
    else:
        # The margin is a share of the distance baseline → target (its size, whichever side the target lies).
        margin = abs(distance) * margin_pct / 100
        level = Level.AT_RISK if shortfall <= margin else Level.BEHIND
    return Assessment(level, progress=progress, versus_baseline=versus_baseline, note=note)
