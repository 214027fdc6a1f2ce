"""Access levels of msp's URLs (and Django's auth pages) for the URL walk (tests/test_url_walk.py)."""

from django.contrib.auth.models import Group

from msp.models import PartnershipRole
from msp.services import notify

LEVELS = {
    "msp:partnership_list": "signed-in",
    "msp:partnership_create": "creator",
    "msp:dashboard": "summary",
    "msp:partnership_edit": "secretariat",
    "msp:roles": "secretariat",
    "msp:role_revoke": "secretariat-action",
    "msp:activity": "member",
    "msp:partnership_archive": "secretariat-action",
    "msp:partnership_restore": "secretariat-action",
    "msp:language": "language",
    "login": "public",
    "logout": "logout",
    "password_change": "signed-in",
    "password_change_done": "signed-in",
    "password_reset": "public",
    "password_reset_done": "public",
    "password_reset_confirm": "public",
    "password_reset_complete": "public",
}

OBJECTS = {
    "msp:role_revoke": {"pk": lambda w: w["partner_role"].pk},
    "password_reset_confirm": {"uidb64": lambda w: "MQ", "token": lambda w: "set-password"},
}


def build(world):
    Group.objects.create(name="Editors")
    notify(partnership=world["partnership"], recipients=[world["partner"]], subject="Hello", body="Body")
    world["partner_role"] = PartnershipRole.objects.get(partnership=world["partnership"], user=world["partner"])
