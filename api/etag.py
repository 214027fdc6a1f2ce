"""`ETag` and `If-None-Match` on detail endpoints: the tag is a hash of the JSON answer, so it changes exactly when
what the reader sees changes (a role change that hides a field changes it too), and a match answers 304."""

import hashlib
import json

from django.utils.http import parse_etags
from rest_framework import status
from rest_framework.response import Response


class ETagMixin:
    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        body = json.dumps(response.data, sort_keys=True, default=str).encode()
        etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
        wanted = parse_etags(request.headers.get("If-None-Match", ""))
        if etag in wanted or "*" in wanted:
            response = Response(status=status.HTTP_304_NOT_MODIFIED)
        response["ETag"] = etag
        return response
