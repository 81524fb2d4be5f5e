"""View helpers every app uses: run a service for a valid form, the error pages that are views, the health check."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, connection, transaction
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .forms import add_service_error

# Two requests that create the same row at once (a double click, two people): the second meets the database's
# unique constraint. Nothing is saved twice; the user is told so.
SAVED_AT_ONCE = _(
    "Dit is tegelijk al vastgelegd, door u (dubbel geklikt?) of door iemand anders. Er is niets dubbel opgeslagen; "
    "kijk in het overzicht of het er staat."
)


def save_form(request, form, save):
    """Run the service for a valid form; a ValidationError (e.g. a stale edit) goes back onto the form."""
    try:
        with transaction.atomic():
            return save()
    except ValidationError as error:
        add_service_error(form, error)
        return None
    except IntegrityError:
        form.add_error(None, SAVED_AT_ONCE)
        return None


def csrf_failure(request, reason=""):
    """A form that fails the CSRF check (expired, logged out in between, cookies off): a Dutch page, nothing saved."""
    return render(request, "403_csrf.html", status=403)


def locked_out(request, original_response=None, credentials=None):
    """django-axes' answer to a login after too many wrong passwords: a Dutch page saying how long to wait."""
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
    return render(request, "registration/locked_out.html", context, status=429)


def health(request):
    """For the load balancer: 200 when this web server reaches its database, 503 when it does not."""
    try:
        connection.ensure_connection()
    except DatabaseError:
        return HttpResponse("database onbereikbaar\n", status=503, content_type="text/plain; charset=utf-8")
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")
