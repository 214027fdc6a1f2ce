"""Pages about the API, for people (namespace "developer", at /developer/): personal API tokens, the API's
documentation and its OpenAPI schema (YAML, or JSON with ?format=json)."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from .pages import docs, tokens

app_name = "developer"
urlpatterns = [
    path("", docs.docs, name="docs"),
    path("schema/", SpectacularAPIView.as_view(authentication_classes=[], permission_classes=[]), name="schema"),
    path("tokens/", tokens.token_list, name="tokens"),
    path("tokens/new/", tokens.token_create, name="token_create"),
    path("tokens/new/key/", tokens.token_created, name="token_created"),
    path("tokens/<int:pk>/revoke/", tokens.token_revoke, name="token_revoke"),
]
