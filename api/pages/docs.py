"""The API's documentation page: how to get and send a token, the ground rules (pages, filters, ETag,
throttling, errors), curl examples, and the reference made from the OpenAPI schema (api/schema_docs.py says why it
is rendered here rather than by Swagger UI). Public, like the schema: what the API offers is no secret, and whoever
writes the integration (a funder's IT) may read it before they have an account."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import get_language, ngettext

from .. import schema_docs, services
from ..pagination import MAX_PAGE_SIZE
from ..throttling import PerTokenThrottle
from . import api_root


def _rate() -> str:
    throttle = PerTokenThrottle()
    count, seconds = throttle.num_requests, throttle.duration
    per = {
        1: ngettext("%(count)d request a second", "%(count)d requests a second", count),
        60: ngettext("%(count)d request a minute", "%(count)d requests a minute", count),
        3600: ngettext("%(count)d request an hour", "%(count)d requests an hour", count),
        86400: ngettext("%(count)d request a day", "%(count)d requests a day", count),
    }
    return per.get(seconds, per[86400]) % {"count": count}


def docs(request):
    return render(
        request,
        "api/docs.html",
        {
            "reference": schema_docs.reference(get_language()),
            "base": api_root(request),
            "rate": _rate(),
            "page_size": settings.API_PAGE_SIZE,
            "max_page_size": MAX_PAGE_SIZE,
            "token_limit": services.MAX_ACTIVE_TOKENS,
        },
    )
