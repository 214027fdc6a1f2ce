"""A line break in a name must not kill the e-mail about it (issue 7, F).

`name="Garment\\r\\nBcc: ..."` used to be accepted; every notification whose subject contained it then failed for good
(Django refuses a header with a newline), invitations included. Single-line fields now refuse control characters,
and subjects are flattened when built, for rows stored before the rule.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from msp.models import Notification, Partnership
from msp.outbox import send
from msp.services import notify
from stakeholders.models import ContactPerson, Organisation
from tests.msp.test_partnership_views import VALID

EVIL = "Garment\r\nBcc: everyone@example.org"


def test_the_partnership_form_refuses_a_line_break_in_the_name_and_keeps_the_typing(client, secretariat):
    client.force_login(secretariat)
    response = client.post(reverse("msp:partnership_create"), {**VALID, "name": EVIL})
    assert response.status_code == 200
    html = response.content.decode()
    assert "This must fit on one line" in html
    assert "Silt fills the reservoirs." in html
    assert not Partnership.objects.filter(name__startswith="Garment").exists()


@pytest.mark.parametrize("value", ["Tab\there", "NUL\x00", "Line\u2028separator", "Bell\x07"])
def test_every_single_line_field_of_our_models_refuses_control_characters(db, value):
    for model, field in ((Organisation, "name"), (ContactPerson, "job_title"), (Partnership, "name")):
        with pytest.raises(ValidationError) as refused:
            model._meta.get_field(field).run_validators(value)
        assert "one line" in str(refused.value)


def test_multi_line_text_keeps_its_line_breaks(db, partnership):
    partnership.problem_statement = "First line.\r\nSecond line."
    partnership.full_clean()


def test_a_subject_stored_with_a_line_break_is_still_sent_on_one_line(partnership, partner):
    # A row written before the rule (the bulk write does not validate): the e-mail must still go out.
    Partnership.objects.filter(pk=partnership.pk).update(name=EVIL)
    partnership.refresh_from_db()
    partner.email = "pablo@example.org"
    partner.save()
    [row] = notify(partnership=partnership, recipients=[partner], subject=f"{partnership.name} moved", body="Hello")
    assert "\n" not in row.subject and "\r" not in row.subject
    Notification.objects.filter(pk=row.pk).update(subject=f"{EVIL} moved")  # as stored by an older version
    assert send(notification_id=row.pk) is True
    [message] = mail.outbox
    assert message.subject == "Garment Bcc: everyone@example.org moved"
    assert message.recipients() == ["pablo@example.org"]


def test_an_invitation_to_a_partnership_stored_with_a_line_break_is_sent(
    partnership, secretariat, django_capture_on_commit_callbacks
):
    from stakeholders import services
    from tests.factories import ContactFactory, MembershipFactory

    Partnership.objects.filter(pk=partnership.pk).update(name=EVIL)
    partnership.refresh_from_db()
    contact = ContactFactory(email="ama@example.org")
    MembershipFactory(partnership=partnership, organisation=contact.organisation)
    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(partnership=partnership, contact=contact, role="partner", by=secretariat)
    [message] = mail.outbox
    assert message.subject == "Invitation to Garment Bcc: everyone@example.org"
    assert message.recipients() == ["ama@example.org"]
