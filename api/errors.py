"""Every error as JSON with a clear message: {"detail": "...", "errors": {"field": ["..."]}} (errors only for
invalid input). Django's own refusals (Http404, PermissionDenied, a model's ValidationError from a service), a
throttled token, an unknown address under /api/v1/ and a crash of ours get the same shape, so a script never has to
parse an HTML page."""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied, RequestDataTooBig
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.views import exception_handler as drf_exception_handler

from .pagination import InvalidQuery

logger = logging.getLogger("django.request")


def _messages(error: DjangoValidationError) -> dict:
    if hasattr(error, "error_dict"):
        return {
            field or "non_field_errors": [str(m) for e in errors for m in e.messages]
            for field, errors in error.error_dict.items()
        }
    return {"non_field_errors": [str(m) for m in error.messages]}


def _throttled(exc: exceptions.Throttled) -> str:
    if exc.wait is None:
        return _("Too many requests with this API token. Wait a moment, then try again.")
    seconds = max(1, round(exc.wait))
    return ngettext(
        "Too many requests with this API token. Try again in %(seconds)d second.",
        "Too many requests with this API token. Try again in %(seconds)d seconds.",
        seconds,
    ) % {"seconds": seconds}


def exception_handler(exc, context):
    if isinstance(exc, RequestDataTooBig):
        # A body over DATA_UPLOAD_MAX_MEMORY_SIZE: Django's own answer would be an HTML page.
        megabytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE / (1024 * 1024)
        message = _("The request body is too large: at most %(mb).1f MB.") % {"mb": megabytes}
        return Response({"detail": message}, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
    if isinstance(exc, DjangoValidationError):
        return Response(
            {"detail": _("The data is not valid."), "errors": _messages(exc)}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) if str(exc) else None)
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) if str(exc) else None)
    response = drf_exception_handler(exc, context)
    if response is None:
        return _crashed(exc, context)
    if isinstance(exc, exceptions.ValidationError):
        data = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {"detail": _("The data is not valid."), "errors": data}
    elif isinstance(exc, InvalidQuery):
        response.data = {"detail": str(exc.detail), "errors": exc.errors}
    elif isinstance(exc, exceptions.Throttled):
        response.data = {"detail": _throttled(exc)}
    elif not isinstance(response.data, dict) or "detail" not in response.data:
        response.data = {"detail": str(response.data)}
    return response


def _crashed(exc, context):
    """A fault of ours: logged with its traceback as Django logs a crashed page (so error reporting sees it), and
    answered as JSON. With DEBUG on, Django's own debug page shows it instead."""
    if settings.DEBUG:
        return None
    request = context.get("request")
    logger.error(
        "Internal Server Error: %s",
        getattr(request, "path", "?"),
        exc_info=(type(exc), exc, exc.__traceback__),
        extra={"status_code": 500, "request": getattr(request, "_request", request)},
    )
    return Response(
        {
            "detail": _(
                "Something went wrong on our side. Please try again later; if it keeps happening, tell the people who run this installation."
            )
        },
        status=status.HTTP_500_INTERNAL_SERVER_ERROR,
    )


@extend_schema(exclude=True)
class NotFoundView(APIView):
    """Any address under /api/v1/ that is no endpoint: a JSON 404 for every method (not the HTML page a browser
    gets), saying so, and naming the address with its trailing slash when that one exists."""

    authentication_classes = ()
    permission_classes = ()
    throttle_classes = ()

    def initial(self, request, *args, **kwargs):
        path = request.path_info
        if not path.endswith("/"):
            try:
                resolve(path + "/")
            except Resolver404:
                pass
            else:
                raise exceptions.NotFound(
                    _("There is no endpoint at this address. Did you mean %(path)s? Every address ends with “/”.")
                    % {"path": path + "/"}
                )
        raise exceptions.NotFound(_("There is no endpoint at this address: see the API documentation."))
