"""The demo shows the API tokens page in both states: Kofi's active token and the one he revoked."""

from django.core.management import call_command

from api.models import ApiToken


def test_the_demo_gives_kofi_an_active_and_a_revoked_token_once(client, db, shared_demo):
    call_command("demo", quiet_logins=True)  # a second load
    tokens = ApiToken.objects.filter(user__username="kofi")
    assert sorted((t.name, t.revoked_at is None) for t in tokens) == [
        ("Cooperative M&E system sync", True),
        ("Old spreadsheet macro", False),
    ]
    client.force_login(tokens[0].user)
    page = client.get("/developer/tokens/").content.decode()
    assert "Cooperative M&amp;E system sync" in page and "Old spreadsheet macro" in page
