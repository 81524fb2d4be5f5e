from decimal import Decimal

import pytest

from indicators import services as kpi_services
from indicators.models import Figure, Indicator
from reports import services
from reports.models import ProgressReport


@pytest.fixture
def manager(demo_user):
    return demo_user("programmamanager")


@pytest.fixture
def publish(demo, manager, django_capture_on_commit_callbacks):
    """Create and publish a report for a quarter as the programme manager (e-mails sent, as after a real commit)."""

    def make(period, **texts) -> ProgressReport:
        with django_capture_on_commit_callbacks(execute=True):
            report = services.report_create(programme=demo, user=manager, period=period, **texts)
            return services.report_publish(report=report, user=manager)

    return make


@pytest.fixture
def set_figure(demo, manager):
    """Enter or revise a figure by hand, as a programme manager does on the indicator page."""

    def enter(code, school_year, value, reason="test"):
        indicator = Indicator.objects.get(programme=demo, code=code)
        key = {"category": indicator.category, "area_kind": "regio", "area_code": demo.region.code, "breakdown": ""}
        figure = Figure.objects.filter(school_year=school_year, **key).first() or Figure(school_year=school_year, **key)
        # A new value without its counts, as the form asks (it refuses a percentage that disagrees with them).
        figure.value, figure.numerator, figure.denominator = Decimal(value), None, None
        return kpi_services.figure_save(figure=figure, programme=demo, user=manager, reason=reason)

    return enter
