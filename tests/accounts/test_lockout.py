"""After repeated wrong passwords for one account, its owner is told by e-mail (in their language, once a day)."""

from django.core import mail
from django.urls import reverse

from msp.models import Notification
from msp.profiles import user_language_set


def wrong_passwords(client, username, times):
    for i in range(times):
        client.post(reverse("login"), {"username": username, "password": f"guess{i}"})


def test_the_owner_is_told_after_repeated_failures(client, secretariat, settings, django_capture_on_commit_callbacks):
    settings.LOCKOUT_NOTICE_AFTER = 5
    with django_capture_on_commit_callbacks(execute=True):
        wrong_passwords(client, "sara", 4)
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        wrong_passwords(client, "sara", 1)
    [message] = mail.outbox
    assert message.to == [secretariat.email]
    assert "Repeated failed sign-ins" in message.subject
    assert "sara" in message.body and reverse("password_reset") in message.body


def test_once_a_day(client, secretariat, settings):
    settings.LOCKOUT_NOTICE_AFTER = 3
    wrong_passwords(client, "sara", 12)
    assert Notification.objects.filter(email=secretariat.email).count() == 1


def test_in_the_owners_language(client, secretariat, settings):
    settings.LOCKOUT_NOTICE_AFTER = 2
    user_language_set(user=secretariat, language="fr")
    wrong_passwords(client, "sara", 2)
    notice = Notification.objects.get(email=secretariat.email)
    assert notice.language == "fr"
    assert "connexion" in notice.subject.lower()


def test_the_right_password_sends_nothing(client, secretariat, settings):
    settings.LOCKOUT_NOTICE_AFTER = 1
    client.post(reverse("login"), {"username": "sara", "password": "pw"})
    assert not Notification.objects.exists()


def test_unknown_accounts_send_nothing(client, db, settings):
    settings.LOCKOUT_NOTICE_AFTER = 1
    wrong_passwords(client, "nobody", 3)
    assert not Notification.objects.exists()
