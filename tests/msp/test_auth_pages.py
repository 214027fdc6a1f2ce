import re

from django.core import mail
from django.urls import reverse


def test_login_lands_on_my_work(client, secretariat):
    response = client.post(reverse("login"), {"username": "sara", "password": "pw"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("inbox:my_work")
    assert "My work" in response.content.decode()


def test_a_wrong_password_says_so_and_keeps_the_username(client, secretariat):
    response = client.post(reverse("login"), {"username": "sara", "password": "nope"})
    html = response.content.decode()
    assert "Please enter a correct username and password" in html
    assert 'value="sara"' in html


def test_pages_need_a_login(client, partnership):
    response = client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk}))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_logout_is_a_post(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("logout"), follow=True)
    assert "You are signed out" in response.content.decode()


def test_password_reset_by_email(client, secretariat):
    client.post(reverse("password_reset"), {"email": secretariat.email})
    [message] = mail.outbox
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-Long-new-pass-2026", "new_password2": "a-Long-new-pass-2026"},
        follow=True,
    )
    assert "Your new password is set" in response.content.decode()
    assert client.login(username="sara", password="a-Long-new-pass-2026")
    assert "used already or it expired" in client.get(link, follow=True).content.decode()


def test_password_change(client, secretariat):
    client.force_login(secretariat)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw", "new_password1": "Another-pass-2026", "new_password2": "Another-pass-2026"},
        follow=True,
    )
    assert "Your password is changed" in response.content.decode()


def test_guessing_passwords_is_slowed_down(client, secretariat, settings):
    from django.core.cache import cache

    settings.RATELIMIT_ENABLE = True
    cache.clear()
    answers = [
        client.post(reverse("login"), {"username": "sara", "password": f"guess{i}"}).status_code for i in range(11)
    ]
    assert answers[:10] == [200] * 10  # the form again, with its error
    assert answers[10] == 429
    assert "Too many attempts" in client.post(reverse("login"), {"username": "sara", "password": "pw"}).content.decode()
    cache.clear()
