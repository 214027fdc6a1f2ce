import pytest
from rest_framework.test import APIClient

from api.models import ApiToken


def token_client(user) -> APIClient:
    """An API client acting as `user` through a personal token (None: no token at all)."""
    client = APIClient()
    if user is not None:
        _, key = ApiToken.issue(user, "test")
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {key}")
    return client


@pytest.fixture
def api_client():
    return token_client
