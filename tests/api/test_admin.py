"""An administrator revokes a leaked token in the admin; the script using it is refused from then on."""

import pytest
from django.urls import reverse

from api.models import ApiToken
from tests.api.conftest import token_client


@pytest.mark.django_db
def test_an_administrator_revokes_a_token_in_the_admin(users, client):
    api = token_client(users["partner"])
    assert api.get("/api/v1/partnerships/").status_code == 200
    token = ApiToken.objects.get(user=users["partner"])
    client.force_login(users["superuser"])
    changelist = reverse("admin:api_apitoken_changelist")
    answer = client.post(changelist, {"action": "revoke", "_selected_action": [token.pk]}, follow=True)
    assert "1 token revoked." in answer.content.decode()
    assert api.get("/api/v1/partnerships/").status_code == 401
