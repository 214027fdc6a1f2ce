import pytest
from django.core.cache import cache
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test secret, in hex as django-otp stores it


def totp_now(key=KEY):
    return f"{TOTP(bytes.fromhex(key)).token():06d}"


@pytest.fixture(autouse=True)
def fresh_cache():
    """Throttle and failure counts live in the cache: each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def with_two_factor():
    """Give a user a confirmed app (KEY) and the recovery codes "recover1", "recover2"."""

    def give(user):
        TOTPDevice.objects.create(user=user, name="default", key=KEY, confirmed=True)
        device = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
        StaticToken.objects.bulk_create(StaticToken(device=device, token=t) for t in ("recover1", "recover2"))
        return user

    return give
