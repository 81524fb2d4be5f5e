"""One vocabulary for every status badge: a tone (colour and icon) and a Dutch word, never colour alone (WCAG 1.4.1).

Each app says once, next to its status enum, which tone each value has (indicators/status.py, budget/pace.py, the
models of indicators, budget, halfyear and reports); every page, table and report renders it with `badge()`, so a
status looks the same wherever it appears. The icon is text (it prints and copies), hidden from screen readers
because the word already says it. A status may bring an icon of its own where the icon tells more than the tone
(the pace's ▲ and ▼, an import's ⏳); it never borrows the icon of another tone.

    <span class="badge badge--ok"><span class="badge__icon" aria-hidden="true">✓</span> op koers</span>

The CSS (static/css/vsvplan.css) has one rule per tone, `.badge--<tone>`; `extra_class` adds a variant
(`badge--text`: coloured text without the pill, for the budget tables) or a hook for a page's layout.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from django.utils.html import format_html
from django.utils.safestring import SafeString


class Tone(StrEnum):
    """How a status reads at a glance. The value is the CSS modifier: `badge--ok`."""

    OK = "ok"  # on track, approved, met, succeeded
    RISK = "risk"  # at risk, partly met, returned: needs attention
    BEHIND = "behind"  # behind, not met, overdue, failed
    DONE = "done"  # finished: a project completed, a decision taken
    INFO = "info"  # handed over, waiting for the next step: submitted
    DRAFT = "draft"  # being written
    OPEN = "open"  # nothing yet where something is expected: no plan, no status, not evaluated
    NONE = "none"  # nothing to assess: no target, no figure, no budget

    @property
    def icon(self) -> str:
        return ICONS[self]

    @property
    def css(self) -> str:
        return f"badge--{self.value}"


ICONS = {
    Tone.OK: "✓",
    Tone.RISK: "!",
    Tone.BEHIND: "✕",
    Tone.DONE: "■",
    Tone.INFO: "➜",
    Tone.DRAFT: "✎",
    Tone.OPEN: "○",
    Tone.NONE: "–",
}


def badge(tone: Tone | str, word, *, extra_class: str = "", icon: str = "") -> SafeString:
    """A status as icon + word in the tone's colour. `word` is escaped; `icon` replaces the tone's own."""
    tone = Tone(tone)
    classes = f"badge {tone.css} {extra_class}".strip()
    return format_html(
        '<span class="{}"><span class="badge__icon" aria-hidden="true">{}</span> {}</span>',
        classes,
        icon or tone.icon,
        word,
    )


@dataclass(frozen=True)
class Look:
    """How one status value is shown: its tone, its Dutch word and, rarely, an icon of its own."""

    tone: Tone
    word: str
    icon: str = ""

    @property
    def symbol(self) -> str:
        return self.icon or self.tone.icon

    def badge(self, *, extra_class: str = "") -> SafeString:
        return badge(self.tone, self.word, extra_class=extra_class, icon=self.icon)


def choice_looks(choices, tones: Mapping, icons: Mapping | None = None) -> dict[str, Look]:
    """The looks of a TextChoices enum: its labels as words, a tone for each value (a value left out is an error)."""
    missing = [member for member in choices if member not in tones]
    if missing:
        raise ValueError(f"{choices.__qualname__}: geen toon voor {', '.join(map(str, missing))}")
    icons = icons or {}
    return {member.value: Look(Tone(tones[member]), member.label, icons.get(member, "")) for member in choices}
