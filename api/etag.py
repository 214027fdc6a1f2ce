"""`ETag` and `If-None-Match` on detail endpoints: the tag is a hash of the JSON answer, so it changes exactly when
what the reader sees changes (a role change that hides a field changes it too), and a match answers 304 with no
body. The comparison is the weak one RFC 9110 asks of If-None-Match, so a tag a proxy marked weak (`W/"..."`, as
compression does) still matches. Answers are `private, no-cache`: a client may keep them, but asks again each time,
and no shared cache keeps one person's view for another."""

import hashlib
import json

from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.response import Response


def _opaque(tag: str) -> str:
    return tag.removeprefix("W/")


class ETagMixin:
    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        body = json.dumps(response.data, sort_keys=True, default=str).encode()
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        wanted = {_opaque(tag) for tag in parse_etags(request.headers.get("If-None-Match", ""))}
        if etag in wanted or "*" in wanted:
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        response["ETag"] = etag
        response["Cache-Control"] = "private, no-cache"
        return response
