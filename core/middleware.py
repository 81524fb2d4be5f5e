"""A NUL character in the query string gets the Dutch 400 page (forms refuse one in their fields themselves). Django
answers a wrong HTTP method with an empty 405 (`require_POST`, `require_http_methods`); this gives it the
site's Dutch page. A unique constraint met by two requests at once, where no form catches it (`save_form` does),
gets a Dutch 409 instead of a 500. The other error pages are templates Django renders itself (400, 403, 404, 500)
or a view (`CSRF_FAILURE_VIEW`, the login lockout)."""

import time

from django.contrib import messages
from django.core.cache import cache
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _


class DutchErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in value for _name, values in request.GET.lists() for value in values):
            # No page takes a NUL character in its address; PostgreSQL cannot even compare one.
            return render(request, "400.html", status=400)
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, IntegrityError):
            return render(request, "409.html", status=409)
        return None


SUBMISSION_FIELD = "_verzending"
RUNNING = "bezig"
WAIT_SECONDS = 15
KEEP_SECONDS = 24 * 60 * 60


class SubmitOnceMiddleware:
    """A form sent twice with the same token ({% submit_once %}: a double click, a reload of the result, a browser
    that sends again) is handled once. The first request marks its token as running in the cache (Redis in
    production, so every web server sees it); when it ends in a redirect (saved) the token keeps that address for a
    day, otherwise (a form error, a crash) the token is released, so sending the form again works. A repeat waits
    for the first to finish and is sent where the first went, with a message; nothing is recorded twice."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request.POST.get(SUBMISSION_FIELD, "") if request.method == "POST" else ""
        if not token or len(token) > 64:
            return self.get_response(request)
        key = f"vsvplan:verzending:{request.user.pk}:{request.path}:{token}"
        if not cache.add(key, RUNNING, WAIT_SECONDS * 4):
            return self._repeat(request, key)
        try:
            response = self.get_response(request)
        except BaseException:
            cache.delete(key)
            raise
        if response.status_code in (301, 302, 303) and response.has_header("Location"):  # 307/308 send it again
            cache.set(key, response["Location"], KEEP_SECONDS)
        else:
            cache.delete(key)
        return response

    def _repeat(self, request, key):
        deadline = time.monotonic() + WAIT_SECONDS
        while (went := cache.get(key)) == RUNNING and time.monotonic() < deadline:
            time.sleep(0.1)
        if went is None:  # the first one saved nothing: this one is handled as if it came first
            return self(request)
        messages.info(request, _("Dit formulier was al verstuurd. Het is één keer opgeslagen."))
        return redirect(went if went != RUNNING else request.get_full_path())
