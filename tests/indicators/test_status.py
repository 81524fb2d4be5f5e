"""The status module on every direction × case. D("…") keeps the figures exact, as the database does."""

from decimal import Decimal as D

import pytest

from indicators.status import Comparison, Direction, Level, Note, assess

LOWER, HIGHER = Direction.LOWER, Direction.HIGHER


def status(baseline, target, actual, direction, margin=None):
    return assess(
        baseline=None if baseline is None else D(baseline),
        target=None if target is None else D(target),
        actual=None if actual is None else D(actual),
        direction=direction,
        margin_pct=None if margin is None else D(margin),
    )


# MBO niveau 3: baseline 3,72%, target 3,20% (distance 0,52; 10% margin = 0,052).
@pytest.mark.parametrize(
    ("actual", "level", "progress", "versus"),
    [
        ("3.20", Level.ON_TRACK, D("1"), Comparison.BETTER),  # exactly on target
        ("3.00", Level.ON_TRACK, D("0.72") / D("0.52"), Comparison.BETTER),  # beyond the target
        ("3.25", Level.AT_RISK, D("0.47") / D("0.52"), Comparison.BETTER),  # 0,05 short: within the margin
        ("3.252", Level.AT_RISK, D("0.468") / D("0.52"), Comparison.BETTER),  # exactly on the margin edge
        ("3.26", Level.BEHIND, D("0.46") / D("0.52"), Comparison.BETTER),  # just outside the margin
        ("3.72", Level.BEHIND, D("0"), Comparison.SAME),  # no progress at all
        ("4.10", Level.BEHIND, D("-0.38") / D("0.52"), Comparison.WORSE),  # worse than the baseline
    ],
)
def test_lower_is_better(actual, level, progress, versus):
    result = status("3.72", "3.20", actual, LOWER)
    assert (result.level, result.progress, result.versus_baseline, result.note) == (level, progress, versus, Note.NONE)


# Terug naar school: baseline 27%, target 40% (distance 13; 10% margin = 1,3).
@pytest.mark.parametrize(
    ("actual", "level", "progress", "versus"),
    [
        ("40", Level.ON_TRACK, D("1"), Comparison.BETTER),
        ("45", Level.ON_TRACK, D("18") / D("13"), Comparison.BETTER),
        ("39", Level.AT_RISK, D("12") / D("13"), Comparison.BETTER),
        ("38.7", Level.AT_RISK, D("11.7") / D("13"), Comparison.BETTER),
        ("38.6", Level.BEHIND, D("11.6") / D("13"), Comparison.BETTER),
        ("27", Level.BEHIND, D("0"), Comparison.SAME),
        ("20", Level.BEHIND, D("-7") / D("13"), Comparison.WORSE),
    ],
)
def test_higher_is_better(actual, level, progress, versus):
    result = status("27", "40", actual, HIGHER)
    assert (result.level, result.progress, result.versus_baseline, result.note) == (level, progress, versus, Note.NONE)


def test_the_same_numbers_mean_opposite_things_in_the_two_directions():
    assert status("10", "8", "7", LOWER).level == Level.ON_TRACK
    assert status("10", "12", "7", HIGHER).level == Level.BEHIND
    assert status("10", "12", "13", HIGHER).level == Level.ON_TRACK
    assert status("10", "8", "13", LOWER).level == Level.BEHIND


def test_margin_set_per_indicator():
    # 0,05 short of 3,20 is 9,6% of the distance 0,52: "risico" at 10%, "achter" at 5%, "risico" at 25%.
    assert status("3.72", "3.20", "3.25", LOWER, margin="10").level == Level.AT_RISK
    assert status("3.72", "3.20", "3.25", LOWER, margin="5").level == Level.BEHIND
    assert status("3.72", "3.20", "3.30", LOWER, margin="25").level == Level.AT_RISK
    assert status("3.72", "3.20", "3.21", LOWER, margin="0").level == Level.BEHIND


@pytest.mark.parametrize("direction", [LOWER, HIGHER])
def test_no_target(direction):
    result = status("3.72", None, "3.50", direction)
    assert result.level == Level.NO_TARGET and result.progress is None
    assert str(result.label) == "geen streefcijfer" and result.css == "none"


@pytest.mark.parametrize("direction", [LOWER, HIGHER])
def test_no_actual(direction):
    result = status("3.72", "3.20", None, direction)
    assert result.level == Level.NO_ACTUAL and result.progress is None
    assert str(result.label) == "nog geen cijfer" and result.css == "none"


@pytest.mark.parametrize("direction", [LOWER, HIGHER])
def test_no_target_and_no_actual_says_no_target(direction):
    assert status("1", None, None, direction).level == Level.NO_TARGET


@pytest.mark.parametrize(
    ("direction", "actual", "level", "versus"),
    [
        (LOWER, "0.17", Level.ON_TRACK, Comparison.SAME),
        (LOWER, "0.15", Level.ON_TRACK, Comparison.BETTER),
        (LOWER, "0.18", Level.BEHIND, Comparison.WORSE),
        (HIGHER, "40", Level.ON_TRACK, Comparison.SAME),
        (HIGHER, "41", Level.ON_TRACK, Comparison.BETTER),
        (HIGHER, "39.9", Level.BEHIND, Comparison.WORSE),
    ],
)
def test_target_equal_to_baseline_never_divides_by_zero(direction, actual, level, versus):
    baseline = "0.17" if direction == LOWER else "40"
    result = status(baseline, baseline, actual, direction)
    assert (result.level, result.versus_baseline) == (level, versus)
    assert result.progress is None and result.progress_pct is None
    assert result.note == Note.TARGET_EQUALS_BASELINE and "gelijk aan de nulmeting" in str(result.note_text)


# Terug naar werk: higher is better, baseline 36%, target 25% (already met by the baseline; distance 11, margin 1,1).
@pytest.mark.parametrize(
    ("actual", "level", "versus"),
    [
        ("36", Level.ON_TRACK, Comparison.SAME),
        ("30", Level.ON_TRACK, Comparison.WORSE),  # target met, even though the share went down
        ("25", Level.ON_TRACK, Comparison.WORSE),
        ("24", Level.AT_RISK, Comparison.WORSE),
        ("23.9", Level.AT_RISK, Comparison.WORSE),
        ("23.8", Level.BEHIND, Comparison.WORSE),
        ("40", Level.ON_TRACK, Comparison.BETTER),
    ],
)
def test_target_on_the_wrong_side_of_the_baseline(actual, level, versus):
    result = status("36", "25", actual, HIGHER)
    assert (result.level, result.versus_baseline) == (level, versus)
    assert result.progress is None, "no progress percentage towards a target the baseline already meets"
    assert result.note == Note.TARGET_ALREADY_MET_BY_BASELINE


def test_target_on_the_wrong_side_when_lower_is_better():
    result = status("3.00", "3.50", "3.40", LOWER)
    assert (result.level, result.progress, result.note) == (Level.ON_TRACK, None, Note.TARGET_ALREADY_MET_BY_BASELINE)
    assert status("3.00", "3.50", "3.60", LOWER).level == Level.BEHIND  # 0,10 short, margin 0,05


@pytest.mark.parametrize("direction", [LOWER, HIGHER])
def test_no_baseline_still_says_whether_the_target_is_met(direction):
    met, missed = ("3", "4") if direction == LOWER else ("4", "3")
    assert status(None, "3.5", met, direction).level == Level.ON_TRACK
    result = status(None, "3.5", missed, direction)
    assert (result.level, result.progress, result.versus_baseline) == (Level.BEHIND, None, None)
    assert result.note == Note.NO_BASELINE


def test_display_is_word_icon_and_colour():
    on_track, at_risk, behind = (
        status("27", "40", "40", HIGHER),
        status("27", "40", "39", HIGHER),
        status("27", "40", "30", HIGHER),
    )
    assert [(str(s.label), s.icon, s.css) for s in (on_track, at_risk, behind)] == [
        ("op koers", "✓", "ok"),
        ("risico", "!", "risk"),
        ("achter", "✕", "behind"),
    ]
    assert on_track.progress_pct == D("100") and str(on_track.versus_baseline_text) == "beter dan de nulmeting"


def test_accepts_direction_as_stored_text():
    assert assess(baseline=D("1"), target=D("0.5"), actual=D("0.4"), direction="lower").level == Level.ON_TRACK
