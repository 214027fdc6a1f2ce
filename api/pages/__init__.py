"""Pages about the API, for people (namespace "developer", api/urls_pages.py): personal API tokens and the API's
documentation. The endpoints themselves are in api/views/."""

from django.urls import reverse


def api_root(request) -> str:
    """The API's base address on this installation, e.g. https://msp.example.org/api/v1/ (the catch-all route,
    with nothing after the root, is the root)."""
    return request.build_absolute_uri(reverse("api:not_found", kwargs={"unknown": ""}))
