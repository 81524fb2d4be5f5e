"""One vocabulary for status badges (core/badges.py): every status of every app has a tone and a Dutch word, and
every badge shows both an icon and the word, so status never depends on colour alone."""

import re
from pathlib import Path

import pytest
from django.db import models
from django.template import Context, Template

from budget.models import BudgetChange
from budget.pace import PACE_LOOKS, Pace
from core.badges import ICONS, Look, Tone, badge, choice_looks
from halfyear.models import HalfYearEvaluation, HalfYearPlan, ProjectStatus, SmartGoal
from halfyear.tables import STATE_TONES
from indicators.models import ImportRun
from indicators.status import LEVEL_LOOKS, Level
from reports.models import ProgressReport, ReportComment

CSS = Path(__file__).resolve().parents[2] / "static" / "css" / "vsvplan.css"

# Every status enum with the one mapping that gives its values their look.
STATUS_ENUMS = [
    (Level, LEVEL_LOOKS),
    (Pace, PACE_LOOKS),
    (HalfYearPlan.Status, HalfYearPlan.STATUS_LOOKS),
    (HalfYearEvaluation.Status, HalfYearEvaluation.STATUS_LOOKS),
    (SmartGoal.Result, SmartGoal.RESULT_LOOKS),
    (ProjectStatus.Status, ProjectStatus.STATUS_LOOKS),
    (ImportRun.Status, ImportRun.STATUS_LOOKS),
    (BudgetChange.Status, BudgetChange.STATUS_LOOKS),
    (ProgressReport.Status, ProgressReport.STATUS_LOOKS),
    (ReportComment.Kind, ReportComment.KIND_LOOKS),
]
LOOKS = [
    pytest.param(enum, member, looks[member], id=f"{enum.__qualname__}.{member.name}")
    for enum, looks in STATUS_ENUMS
    for member in enum
]


@pytest.mark.parametrize(("enum", "member", "look"), LOOKS)
def test_every_status_has_a_tone_and_a_dutch_word(enum, member, look):
    assert isinstance(look, Look) and isinstance(look.tone, Tone)
    word = str(look.word)
    assert word.strip() and word == word.strip()
    assert not re.search(r"[_-]", word), f"{word!r} is a key, not a word"  # "op schema", never "op_schema"
    if issubclass(enum, models.Choices):
        assert word == str(member.label)  # the same word as the model's get_…_display()


@pytest.mark.parametrize(("enum", "member", "look"), LOOKS)
def test_every_badge_shows_icon_and_word(enum, member, look):
    html = look.badge()
    assert html.startswith(f'<span class="badge {look.tone.css}">')
    assert f'<span class="badge__icon" aria-hidden="true">{look.symbol}</span> {look.word}</span>' in html


@pytest.mark.parametrize(("enum", "member", "look"), LOOKS)
def test_an_own_icon_never_is_the_icon_of_another_tone(enum, member, look):
    others = {icon for tone, icon in ICONS.items() if tone != look.tone}
    assert look.symbol and look.symbol not in others


def test_no_two_tones_share_an_icon_and_each_has_a_css_rule():
    assert set(ICONS) == set(Tone)
    assert all(ICONS.values()) and len(set(ICONS.values())) == len(Tone)
    css = CSS.read_text(encoding="utf-8")
    for tone in Tone:
        assert re.search(rf"\.{tone.css}\b[^{{]*{{", css), f"no rule for .{tone.css}"


def test_the_word_is_escaped():
    html = badge(Tone.BEHIND, '<script>alert("x")</script> & co')
    assert "<script>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</span>" in html


def test_extra_class_and_own_icon():
    assert badge("risk", "voor op schema", extra_class="badge--text pace", icon="▲") == (
        '<span class="badge badge--risk badge--text pace"><span class="badge__icon" aria-hidden="true">▲</span>'
        " voor op schema</span>"
    )


def test_an_unknown_tone_is_an_error():
    with pytest.raises(ValueError):
        badge("groen", "op koers")


def test_the_template_tag_renders_the_same_badge():
    html = Template('{% load vsv %}{% badge tone word %}|{% badge "ok" "op koers" extra_class="x" %}').render(
        Context({"tone": Tone.RISK, "word": "risico & meer"})
    )
    assert html == f"{badge(Tone.RISK, 'risico & meer')}|{badge(Tone.OK, 'op koers', extra_class='x')}"


def test_choice_looks_refuses_a_value_without_a_tone():
    with pytest.raises(ValueError, match="teruggestuurd"):
        choice_looks(HalfYearPlan.Status, {status: Tone.DRAFT for status in list(HalfYearPlan.Status)[:-1]})


def test_the_half_year_keys_have_the_tones_of_their_statuses():
    """The cycle's (key, word) pairs, stored in reports too, share one key space: a key means one tone."""
    for enum, looks in STATUS_ENUMS[2:6]:
        for member in enum:
            assert STATE_TONES[member.value] == looks[member].tone, member
    assert STATE_TONES["te-laat"] == Tone.BEHIND
    assert {STATE_TONES[key] for key in ("ontbreekt", "geen", "open")} == {Tone.OPEN}


def test_on_track_reads_the_same_for_kpis_paces_and_projects():
    tones = {LEVEL_LOOKS[Level.ON_TRACK].tone, PACE_LOOKS[Pace.ON_TRACK].tone}
    tones.add(ProjectStatus.STATUS_LOOKS[ProjectStatus.Status.ON_TRACK].tone)
    assert tones == {Tone.OK}
