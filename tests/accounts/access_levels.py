"""Access levels of the sign-in settings (accounts) for the URL walk (tests/test_url_walk.py)."""

from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import UserSession
from tests.factories import UserFactory

LEVELS = {
    "accounts:two_factor": "signed-in",
    "accounts:two_factor_setup": "signed-in",
    "accounts:two_factor_codes": "signed-in",
    "accounts:two_factor_codes_renew": "signed-in-action",
    "accounts:two_factor_disable": "signed-in-action",
    "accounts:two_factor_verify": "signed-in",
    "accounts:sessions": "signed-in",
    "accounts:session_end": "owner-action",
    "accounts:sessions_end_others": "signed-in-action",
}

OBJECTS = {
    "accounts:session_end": {"pk": lambda w: w["donor_session"].pk},
}


def build(world):
    # Second factors of someone who is none of the walking roles (with one, every page would ask them for a code).
    holder = UserFactory(username="has-2fa")
    TOTPDevice.objects.create(user=holder, name="default", confirmed=True)
    StaticDevice.objects.create(user=holder, name="recovery", confirmed=True)
    world["donor_session"] = UserSession.objects.create(
        user=world["donor"], session_key="walk-donor-session", last_seen=timezone.now()
    )
