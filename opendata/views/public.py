"""The public IATI files, without signing in: one published partnership's activity file at an address built from
its identifier (fixed at first publication, so the address is stable and fit to register with the IATI Registry),
all published activities in one file (404 while there is none: IATI has no empty activities file), and the
installation's organisation file.

Each file is made when asked for, from the current records, so it is as fresh as the pages. Caches must ask again
every time (a withdrawal takes effect at once), but an unchanged file answers 304 to If-None-Match: the ETag is a
digest of the document without its generated-datetime, which changes on every build. HEAD is answered too (link
checkers and the IATI Registry's validator ask it).
"""

import hashlib
import re

from django.http import Http404, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from .. import iati, selectors

XML = "application/xml; charset=utf-8"
GENERATED = re.compile(rb'\sgenerated-datetime="[^"]*"')


def _xml_response(request, document: bytes):
    digest = hashlib.sha256(GENERATED.sub(b"", document, count=1)).hexdigest()[:32]
    etag = f'"{digest}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(document, content_type=XML)
    response["ETag"] = etag
    response["Cache-Control"] = "public, no-cache"
    # Open data: any site may read it from a browser (no cookie is ever needed, so none is sent).
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_safe
def activity(request, identifier):
    publication = selectors.public_publication_or_404(identifier)
    return _xml_response(request, iati.activity_file(publication.partnership, publication.identifier))


@require_safe
def activities(request):
    publications = list(selectors.public_publications())
    if not publications:  # IATI has no empty activities file (its schema wants one activity at least)
        raise Http404(_("No IATI activity is published here yet."))
    return _xml_response(request, iati.activities_file(publications))


@require_safe
def organisation(request):
    return _xml_response(request, iati.organisation_file())
