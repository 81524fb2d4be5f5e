"""The whole demo, in order. Seed 004's IJssel-Vecht plan 2020-2024 as the plan says (closed, with its users,
budget, indicators, figures and the final report it was closed with), then the region's 2026-2029 programme as an
example: started from it with "Volgend programma starten" (people and roles included), active, labelled as an
example in its title and summary, and holding today's half-year plans, meetings and report. Every step is
idempotent, so `load_demo` can run again at any time; the example programme is started once and then left as
it is, like everything a user changed in it."""

from django.contrib.auth import get_user_model
from django.db import transaction

from budget.demo.loader import load_budget
from halfyear.demo.loader import load_halfyear_demo
from indicators.demo.loader import load_demo_figures, load_indicators
from projects.demo.loader import load_plan, load_users
from projects.models import Programme
from reports.demo.loader import load_final_report_demo, load_reports_demo

from . import succession

NEXT_FIRST, NEXT_LAST = 2026, 2029  # the Regeling regionaal programma en Doorstroompuntfunctie 2026-2029
EXAMPLE_TITLE = "Vervolgaanpak VSV 2026-2029 (voorbeeld)"
EXAMPLE_SUMMARY = (
    "Voorbeeld — concept, overgenomen uit 2020–2024. Dit is geen echt plan: de demo van vsvplan heeft dit "
    "programma met ‘Volgend programma starten’ gemaakt uit het plan 2020–2024 van IJssel-Vecht (thema's, "
    "projecten, activiteiten, KPI's en rollen). Streefcijfers en bedragen zijn nog niet ingevuld; de halfjaarplannen, "
    "vergaderingen en de rapportage zijn voorbeelden."
)


def load_next_programme(previous: Programme) -> Programme:
    """The example 2026-2029 programme, started once from `previous` and made active."""
    existing = Programme.objects.filter(region=previous.region, first_year=NEXT_FIRST, last_year=NEXT_LAST).first()
    if existing is not None:
        return existing
    manager = get_user_model().objects.get(username="programmamanager")
    programme = succession.start_next_programme(
        programme=previous,
        user=manager,
        first_year=NEXT_FIRST,
        last_year=NEXT_LAST,
        title=EXAMPLE_TITLE,
        copy_people=True,
    )
    Programme.objects.filter(pk=programme.pk).update(summary=EXAMPLE_SUMMARY, status=Programme.Status.ACTIVE)
    programme.refresh_from_db()
    return programme


def load_demo() -> Programme:
    """Load (or bring back) the demo; returns the 2020-2024 programme of seed 004."""
    with transaction.atomic():
        programme = load_plan()
        load_users(programme)
        load_budget(programme)
        load_indicators(programme)
        load_demo_figures()
        load_final_report_demo(programme=programme)
        current = load_next_programme(programme)
        load_halfyear_demo(programme=current)
        load_reports_demo(programme=current)
    return programme
