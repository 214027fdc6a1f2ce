"""Response headers Django itself does not set. Permissions-Policy: the browser features no page of ours uses
(camera, microphone, location, payment...), refused to every script, ours or injected (settings.PERMISSIONS_POLICY).
The other security headers come from Django's SecurityMiddleware (Referrer-Policy, Cross-Origin-Opener-Policy,
X-Content-Type-Options) and django-csp (Content-Security-Policy)."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
