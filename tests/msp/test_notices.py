"""notify(): a notice in the app for every recipient, e-mail as each chose for the kind, once per thing and day."""

import datetime

from django.utils import translation
from django.utils.translation import gettext as _

from msp.models import Delivery, Notification
from msp.notices import Channel, Notice, NoticeKind, NoticePreference
from msp.profiles import user_language_set
from msp.services import notify
from tests.factories import UserFactory


def remind(partnership, users, *, key="milestone:7", day=None, delivery=Delivery.NOW):
    return notify(
        partnership=partnership,
        recipients=users,
        subject=lambda: _("Notifications"),
        body="Body",
        link="/somewhere/",
        kind=NoticeKind.MILESTONE_OVERDUE,
        key=key,
        day=day,
        delivery=delivery,
    )


def test_every_recipient_gets_a_notice_and_an_email_by_default(partnership, partner, donor):
    rows = remind(partnership, [partner, donor])
    assert {row.email for row in rows} == {partner.email, donor.email}
    assert all(row.delivery == Delivery.NOW for row in rows)
    notices = Notice.objects.filter(kind=NoticeKind.MILESTONE_OVERDUE)
    assert {n.recipient for n in notices} == {partner, donor}
    assert all(n.link == "/somewhere/" and n.read_at is None for n in notices)


def test_the_same_reminder_twice_a_day_is_given_once(partnership, partner):
    remind(partnership, [partner])
    assert remind(partnership, [partner]) == []
    assert Notice.objects.filter(recipient=partner).count() == 1
    assert Notification.objects.filter(recipient=partner).count() == 1


def test_the_next_day_it_is_given_again(partnership, partner):
    remind(partnership, [partner], day=datetime.date(2026, 5, 1))
    remind(partnership, [partner], day=datetime.date(2026, 5, 2))
    assert Notice.objects.filter(recipient=partner).count() == 2


def test_another_thing_is_another_notice(partnership, partner):
    remind(partnership, [partner], key="milestone:7")
    remind(partnership, [partner], key="milestone:8")
    assert Notice.objects.filter(recipient=partner).count() == 2


def test_without_a_key_every_event_counts(partnership, partner):
    remind(partnership, [partner], key="")
    remind(partnership, [partner], key="")
    assert Notice.objects.filter(recipient=partner).count() == 2


def test_in_the_app_only_sends_no_email(partnership, partner, donor):
    NoticePreference.objects.create(user=partner, kind=NoticeKind.MILESTONE_OVERDUE, channel=Channel.APP)
    rows = remind(partnership, [partner, donor])
    assert [row.email for row in rows] == [donor.email]
    assert Notice.objects.filter(recipient=partner).exists()


def test_a_preference_for_another_kind_does_not_count(partnership, partner):
    NoticePreference.objects.create(user=partner, kind=NoticeKind.REPORT, channel=Channel.APP)
    assert len(remind(partnership, [partner])) == 1


def test_the_daily_digest_choice_puts_the_email_in_the_digest(partnership, partner):
    NoticePreference.objects.create(user=partner, kind=NoticeKind.MILESTONE_OVERDUE, channel=Channel.DAILY)
    [row] = remind(partnership, [partner])
    assert row.delivery == Delivery.DAILY


def test_the_callers_timing_holds_for_those_who_chose_nothing(partnership, partner, donor):
    NoticePreference.objects.create(user=partner, kind=NoticeKind.MILESTONE_OVERDUE, channel=Channel.NOW)
    rows = remind(partnership, [partner, donor], delivery=Delivery.DAILY)
    assert {row.email: row.delivery for row in rows} == {partner.email: Delivery.NOW, donor.email: Delivery.DAILY}


def test_someone_without_an_address_still_sees_the_notice(partnership):
    nobody = UserFactory(email="")
    assert remind(partnership, [nobody]) == []
    assert Notice.objects.filter(recipient=nobody).count() == 1


def test_the_notice_is_written_in_the_recipients_language(partnership, partner, donor):
    user_language_set(user=partner, language="fr")
    user_language_set(user=donor, language="de")
    remind(partnership, [partner, donor])
    with translation.override("fr"):
        french = _("Notifications")
    assert Notice.objects.get(recipient=partner).subject == french
    assert Notice.objects.get(recipient=donor).subject == "Benachrichtigungen"
