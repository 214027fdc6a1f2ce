"""The health check that the container orchestrator asks (docker-compose's healthcheck: GET /healthz).

Answered before anything else looks at the request: whatever the Host header (the orchestrator asks 127.0.0.1,
which ALLOWED_HOSTS rightly does not list), without the HTTPS redirect (it speaks plain HTTP inside the container),
without a session. It says only whether this process can reach its database: nothing about the partnerships.
"""

from django.db import DatabaseError, connection
from django.http import HttpResponse

PATH = "/healthz"


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        return HttpResponse("ok\n", content_type="text/plain")
