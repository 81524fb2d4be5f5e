"""Which programme a request is about, from its URL (`/programmas/<region code>-<first year>-<last year>/…`)."""

import re

from projects.models import Programme

from .urls import programme_urlconf

PREFIX = re.compile(r"^/programmas/(?P<slug>(?P<region>\d{1,3})-(?P<first>\d{4})-(?P<last>\d{4}))/")


class ProgrammeURLMiddleware:
    """Serves a programme's URL with that programme's URLconf and puts the programme on `request.url_programme`
    (`programme_view` checks the user's role in it). A prefix that names no programme is left to the root
    URLconf, which answers 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.url_programme = None
        match = PREFIX.match(request.path_info)
        if match:
            programme = (
                Programme.objects.select_related("region")
                .filter(region__code=match["region"], first_year=match["first"], last_year=match["last"])
                .first()
            )
            if programme is not None:
                request.url_programme = programme
                request.urlconf = programme_urlconf(match["slug"])
        return self.get_response(request)
