"""Two-factor sign-in: the code step after the password, set-up (required of secretariat staff and superusers when
REQUIRE_TWO_FACTOR is on), recovery codes that work once, and changes that ask for the password again."""

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import totp_now

VERIFY = reverse("accounts:two_factor_verify")
SETUP = reverse("accounts:two_factor_setup")


def sign_in(client, username="sara"):
    return client.post(reverse("login"), {"username": username, "password": "pw"})


def test_it_asks_for_a_code_after_the_password(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    response = client.get(reverse("inbox:my_work"))
    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)
    assert "Enter your sign-in code" in client.get(response["Location"]).content.decode()


def test_every_page_waits_for_the_code(client, secretariat, partnership, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    for url in (reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk}), reverse("admin:index")):
        assert client.get(url)["Location"].startswith(VERIFY), url
    assert client.post(reverse("msp:partnership_archive", kwargs={"partnership_pk": partnership.pk})).status_code == 302
    partnership.refresh_from_db()
    assert partnership.archived_at is None


def test_the_app_code_signs_in_and_goes_on_to_next(client, secretariat, partnership, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    dashboard = reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})
    response = client.post(VERIFY, {"code": totp_now(), "next": dashboard})
    assert response.status_code == 302 and response["Location"] == dashboard
    assert client.get(dashboard).status_code == 200


def test_a_wrong_code_is_refused(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    good = totp_now()
    wrong = f"{(int(good) + 1) % 1000000:06d}"
    response = client.post(VERIFY, {"code": wrong})
    assert response.status_code == 200
    assert "That code is not valid" in response.content.decode()
    assert client.get(reverse("inbox:my_work")).status_code == 302


def test_wrong_codes_slow_down_the_device(client, secretariat, with_two_factor):
    """django-otp's throttle: after a wrong code even the right one waits a moment."""
    with_two_factor(secretariat)
    sign_in(client)
    client.post(VERIFY, {"code": "000000" if totp_now() != "000000" else "111111"})
    client.post(VERIFY, {"code": "abcdefgh"})
    assert client.post(VERIFY, {"code": totp_now()}).status_code == 200  # refused for now
    assert (
        TOTPDevice.objects.get(user=secretariat).throttling_failure_count == 1
    )  # the second try came too soon to count


def test_codes_are_rate_limited_per_account(client, secretariat, with_two_factor, settings):
    settings.RATELIMIT_ENABLE = True
    with_two_factor(secretariat)
    sign_in(client)
    answers = [client.post(VERIFY, {"code": "999999"}).status_code for _ in range(6)]
    assert answers[:5] == [200] * 5
    assert answers[5] == 429


def test_a_recovery_code_works_once(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    assert client.post(VERIFY, {"code": "recover1"})["Location"] == reverse("inbox:my_work")
    assert client.get(reverse("inbox:my_work")).status_code == 200
    client.post(reverse("logout"))

    sign_in(client)
    response = client.post(VERIFY, {"code": "recover1"})
    assert response.status_code == 200 and "That code is not valid" in response.content.decode()
    assert list(StaticToken.objects.filter(device__user=secretariat).values_list("token", flat=True)) == ["recover2"]


def test_without_a_device_no_code_is_asked(client, partner):
    sign_in(client, "pablo")
    assert client.get(reverse("inbox:my_work")).status_code == 200


@pytest.mark.parametrize("who", ["secretariat", "superuser"])
def test_required_roles_are_sent_to_set_up_when_the_setting_is_on(db, client, settings, who, request):
    settings.REQUIRE_TWO_FACTOR = True
    user = request.getfixturevalue(who)
    client.force_login(user)
    response = client.get(reverse("inbox:my_work"))
    assert response.status_code == 302 and response["Location"] == SETUP
    page = client.get(SETUP).content.decode()
    assert "Your role requires two-factor sign-in" in page


def test_partners_and_donors_are_not_required(client, settings, partner, donor):
    settings.REQUIRE_TWO_FACTOR = True
    for user in (partner, donor):
        client.force_login(user)
        assert client.get(reverse("inbox:my_work")).status_code == 200


def test_nothing_is_required_when_the_setting_is_off(client, settings, secretariat, superuser):
    settings.REQUIRE_TWO_FACTOR = False
    for user in (secretariat, superuser):
        client.force_login(user)
        assert client.get(reverse("inbox:my_work")).status_code == 200


def _secret_on(page):
    return re.search(r"<code[^>]*>([A-Z2-7 ]+)</code>", page).group(1).replace(" ", "")


def test_set_up_shows_a_qr_code_and_turns_on_with_a_code(client, settings, secretariat):
    settings.REQUIRE_TWO_FACTOR = True
    client.force_login(secretariat)
    page = client.get(SETUP).content.decode()
    assert 'src="data:image/svg+xml;charset=utf-8,%3Csvg' in page
    key = b32decode(_secret_on(page))

    response = client.post(SETUP, {"code": "123456" if TOTP(key).token() != 123456 else "654321"})
    assert "That code does not match" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=secretariat).exists()

    response = client.post(SETUP, {"code": f"{TOTP(key).token():06d}"}, follow=True)
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())
    assert len(codes) == 10 and "shown only this once" in response.content.decode()
    assert TOTPDevice.objects.get(user=secretariat, confirmed=True).bin_key == key
    assert client.get(reverse("inbox:my_work")).status_code == 200  # this session counts as verified
    assert "No new recovery codes to show" in client.get(reverse("accounts:two_factor_codes")).content.decode()


def test_the_set_up_page_reads_nothing_into_the_database(client, secretariat):
    """The secret waits in the session until a code proves the app has it (a GET writes no row)."""
    client.force_login(secretariat)
    first = _secret_on(client.get(SETUP).content.decode())
    assert _secret_on(client.get(SETUP).content.decode()) == first
    assert not TOTPDevice.objects.exists()


def test_new_recovery_codes_need_the_password(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    client.post(VERIFY, {"code": totp_now()})
    renew = reverse("accounts:two_factor_codes_renew")
    response = client.post(renew, {"renew-password": "wrong"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert StaticToken.objects.filter(token="recover2").exists()

    response = client.post(renew, {"renew-password": "pw"}, follow=True)
    assert len(re.findall(r"<li>([a-z2-7]{8})</li>", response.content.decode())) == 10
    assert not StaticToken.objects.filter(token__in=["recover1", "recover2"]).exists()


def test_turning_off_needs_the_password(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    client.post(VERIFY, {"code": totp_now()})
    disable = reverse("accounts:two_factor_disable")
    client.post(disable, {"disable-password": "wrong"})
    assert TOTPDevice.objects.filter(user=secretariat).exists()
    response = client.post(disable, {"disable-password": "pw"}, follow=True)
    assert "Two-factor sign-in is off." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=secretariat).exists()
    client.post(reverse("logout"))
    sign_in(client)
    assert client.get(reverse("inbox:my_work")).status_code == 200  # the password alone again


def test_turning_off_when_required_leads_back_to_set_up(client, settings, secretariat, with_two_factor):
    settings.REQUIRE_TWO_FACTOR = True
    with_two_factor(secretariat)
    sign_in(client)
    client.post(VERIFY, {"code": totp_now()})
    response = client.post(reverse("accounts:two_factor_disable"), {"disable-password": "pw"})
    assert response["Location"] == SETUP
    assert client.get(reverse("inbox:my_work"))["Location"] == SETUP


def test_the_overview_says_how_many_codes_are_left(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    client.force_login(secretariat)
    client.post(VERIFY, {"code": "recover1"})
    page = client.get(reverse("accounts:two_factor")).content.decode()
    assert "Two-factor sign-in is on." in page and "1 unused recovery code left" in page


def test_the_verify_page_without_anything_to_verify(client, partner):
    client.force_login(partner)
    assert "there is no code to enter" in client.get(VERIFY).content.decode()


def test_next_may_not_leave_the_site(client, secretariat, with_two_factor):
    with_two_factor(secretariat)
    sign_in(client)
    response = client.post(VERIFY, {"code": totp_now(), "next": "https://evil.example/"})
    assert response["Location"] == reverse("inbox:my_work")


def test_the_account_menu_offers_it(client, partner):
    client.force_login(partner)
    page = client.get(reverse("inbox:my_work")).content.decode()
    assert reverse("accounts:two_factor") in page and "Two-factor sign-in" in page


def test_the_command_gives_a_device_with_a_known_secret(client, secretariat):
    from io import StringIO

    from django.core.management import call_command

    from .conftest import KEY

    out = StringIO()
    call_command("two_factor_device", "sara", "--secret", KEY, stdout=out)
    assert out.getvalue().strip() == KEY
    sign_in(client)
    assert client.post(VERIFY, {"code": totp_now()})["Location"] == reverse("inbox:my_work")
    call_command("two_factor_device", "sara", "--remove", stdout=out)
    assert not TOTPDevice.objects.exists()
