"""Pages about the API, for people (namespace "developer", at /developer/): personal API tokens, the API's
documentation and its OpenAPI schema (YAML, or JSON with ?format=json)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from .pages import docs, tokens

_schema = SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[])


def schema(request, *args, **kwargs):
    """The schema, for anyone. A plain view around DRF's (which DRF marks exempt from the CSRF check): a page of
    the site like the others, so a POST without a CSRF token is refused by the check, as everywhere."""
    return _schema(request, *args, **kwargs)


app_name = "developer"
urlpatterns = [
    path("", docs.docs, name="docs"),
    path("schema/", schema, name="schema"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/new/", tokens.token_create, name="token_create"),
    path("tokens/new/key/", tokens.token_created, name="token_created"),
    path("tokens/<int:pk>/revoke/", tokens.token_revoke, name="token_revoke"),
]
