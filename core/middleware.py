"""Django answers a wrong HTTP method with an empty 405 (`require_POST`, `require_http_methods`); this gives it the
site's Dutch page. A unique constraint met by two requests at once, where no form catches it (`save_form` does),
gets a Dutch 409 instead of a 500. The other error pages are templates Django renders itself (400, 403, 404, 500)
or a view (`CSRF_FAILURE_VIEW`, the login lockout)."""

from django.db import IntegrityError
from django.shortcuts import render


class DutchErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
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
