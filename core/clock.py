"""The one clock of vsvplan. Every "what day is it" in the code asks here, so tests pin it in one place
(the `clock` fixture) and every page's defaults (school year, half-year, quarter, budget year) agree."""

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    """The current moment, time-zone aware."""
    return timezone.now()


def today() -> date:
    """Today's date in the site's time zone (Europe/Amsterdam)."""
    return timezone.localdate(now())


def local_date(moment: datetime) -> date:
    """The date of a moment in the site's time zone (not a clock read: the moment is given)."""
    return timezone.localdate(moment)


def local_time(moment: datetime) -> datetime:
    """A moment in the site's time zone (not a clock read: the moment is given)."""
    return timezone.localtime(moment)
