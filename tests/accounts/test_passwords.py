"""Password rules: the validators are on, and a reset link works once."""

import re

from django.core import mail
from django.urls import reverse


def test_a_reset_link_works_once(client, secretariat):
    client.post(reverse("password_reset"), {"email": secretariat.email})
    [message] = mail.outbox
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form = client.get(link, follow=True).redirect_chain[-1][0]
    new = {"new_password1": "first-New-pass-2026", "new_password2": "first-New-pass-2026"}
    assert "Your new password is set" in client.post(form, new, follow=True).content.decode()

    again = client.get(link, follow=True)
    assert "used already or it expired" in again.content.decode()
    other = {"new_password1": "second-New-pass-2026", "new_password2": "second-New-pass-2026"}
    client.post(again.redirect_chain[-1][0] if again.redirect_chain else link, other)
    secretariat.refresh_from_db()
    assert secretariat.check_password("first-New-pass-2026")
    assert not secretariat.check_password("second-New-pass-2026")


def test_weak_passwords_are_refused(client, secretariat):
    client.force_login(secretariat)
    for weak in ("short", "password123", "12345678901", "sara@example.org"):
        response = client.post(
            reverse("password_change"), {"old_password": "pw", "new_password1": weak, "new_password2": weak}
        )
        assert response.status_code == 200, weak  # the form again, with the validator's reason
    secretariat.refresh_from_db()
    assert secretariat.check_password("pw")
