"""Links into a programme from outside its requests (an e-mail, a Celery task): the page's path under the
programme's prefix. The root URLconf holds every programme page without prefix (vsvplan.urls), so the path is
reversed there and put under `Programme.url_prefix`."""

from django.conf import settings
from django.urls import reverse


def programme_path(programme, viewname: str, *, args=None, kwargs=None) -> str:
    return programme.url_prefix + reverse(viewname, args=args, kwargs=kwargs, urlconf=settings.ROOT_URLCONF)[1:]


def programme_link(programme, viewname: str, *, args=None, kwargs=None) -> str:
    """The absolute link, for e-mail."""
    return settings.SITE_URL.rstrip("/") + programme_path(programme, viewname, args=args, kwargs=kwargs)
