"""Access levels of the inbox's URLs (a person's own desk) for the URL walk (tests/test_url_walk.py)."""

from msp.notices import Channel, NoticeKind, NoticePreference
from msp.services import notify

LEVELS = {
    "inbox:my_work": "signed-in",
    "inbox:my_work_kind": "signed-in",
    "inbox:notices": "signed-in",
    "inbox:notice_count": "signed-in",
    "inbox:notice_open": "owner-action",
    "inbox:notices_read_all": "signed-in-action",
    "inbox:notice_settings": "signed-in",
    "inbox:activity_export": "member",
}

OBJECTS = {
    "inbox:my_work_kind": {"kind": lambda w: "position"},
    "inbox:notice_open": {"pk": lambda w: w["donor_notice"].pk},
}


def build(world):
    notify(partnership=world["partnership"], recipients=[world["donor"]], subject="A report", body="Body", key="walk:1")
    world["donor_notice"] = world["donor"].notices.get(key="walk:1")
    NoticePreference.objects.create(user=world["donor"], kind=NoticeKind.REPORT, channel=Channel.DAILY)
