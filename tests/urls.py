"""URLs in tests. A programme's pages live under its prefix (/programmas/10-2020-2024/…), so tests reverse their
names inside a programme: the one given, else the demo's (seed 004's IJssel-Vecht 2020–2024). Shared pages (login,
norms, regions, admin) come out as in `django.urls.reverse`."""

from django.urls import reverse as django_reverse

from vsvplan.urls import programme_urlconf

DEMO_SLUG = "10-2020-2024"  # no query: module-level URLs are built before the database is open


def reverse(viewname, args=None, kwargs=None, *, programme=None, query=None) -> str:
    """`programme`: a Programme, or its slug; default the demo's 2020–2024 programme; False: outside any programme
    (the data stewards' import pages, today's URLs that redirect)."""
    if programme is False:
        url = django_reverse(viewname, args=args, kwargs=kwargs)
    else:
        slug = getattr(programme, "slug", programme) or DEMO_SLUG
        url = django_reverse(viewname, args=args, kwargs=kwargs, urlconf=programme_urlconf(slug))
    return url if not query else f"{url}?{query}"


def resolve(path: str):
    """`django.urls.resolve` as the site resolves a request: a programme's path with that programme's URLconf."""
    from django.urls import resolve as django_resolve

    from vsvplan.middleware import PREFIX
    from vsvplan.urls import programme_urlconf

    match = PREFIX.match(path)
    return django_resolve(path, urlconf=programme_urlconf(match["slug"]) if match else None)
