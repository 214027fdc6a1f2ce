"""The interface language: remembered on the user's profile, switched from the user menu, right in <html lang>."""

import re

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation
from django.views.defaults import server_error

from msp import profiles
from msp.models import Partnership
from msp.profiles import Profile, user_language


def html_lang(response):
    return re.search(r'<html lang="([^"]*)"', response.content.decode()).group(1)


def switch(client, language, next_url="/"):
    return client.post(reverse("msp:language"), {"language": language, "next": next_url})


def test_a_user_without_a_profile_has_no_language_of_their_own(partner):
    assert user_language(partner) == ""
    assert not Profile.objects.filter(user=partner).exists()


def test_switching_remembers_the_language_on_the_profile_and_goes_back(client, partner, partnership):
    client.force_login(partner)
    dashboard = reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})
    response = switch(client, "fr", dashboard)
    assert response.status_code == 302 and response["Location"] == dashboard
    assert user_language(partner) == "fr"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert html_lang(client.get(dashboard)) == "fr"


def test_the_profile_language_wins_over_the_browser(client, partner):
    profiles.user_language_set(user=partner, language="de")
    client.force_login(partner)  # signing in copies it into the session
    response = client.get(reverse("msp:partnership_list"), HTTP_ACCEPT_LANGUAGE="fr")
    assert html_lang(response) == "de" and response["Content-Language"] == "de"


def test_without_a_chosen_language_the_browser_decides(client, partner):
    client.force_login(partner)
    assert html_lang(client.get(reverse("msp:partnership_list"), HTTP_ACCEPT_LANGUAGE="fr-CH,fr;q=0.9")) == "fr"
    assert html_lang(client.get(reverse("msp:partnership_list"), HTTP_ACCEPT_LANGUAGE="es")) == "en"


def test_the_choice_follows_the_user_to_another_device(partner):
    laptop, phone = Client(), Client()
    laptop.force_login(partner)
    switch(laptop, "de")
    phone.force_login(partner)
    assert html_lang(phone.get(reverse("msp:partnership_list"), HTTP_ACCEPT_LANGUAGE="en")) == "de"


def test_a_session_from_before_profiles_had_languages_reads_the_profile(client, partner):
    client.force_login(partner)
    session = client.session
    del session[profiles.SESSION_KEY]
    session.save()
    Profile.objects.create(user=partner, language="fr")
    assert html_lang(client.get(reverse("msp:partnership_list"))) == "fr"


def test_anonymous_users_switch_with_a_cookie_only(client, db):
    response = switch(client, "fr", reverse("login"))
    assert response["Location"] == reverse("login")
    assert not Profile.objects.exists()
    page = client.get(reverse("login"))
    assert html_lang(page) == "fr"
    assert f'action="{reverse("msp:language")}"' in page.content.decode()


def test_a_switch_never_sends_the_user_to_another_site(client, partner):
    client.force_login(partner)
    response = switch(client, "de", "https://evil.example/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert user_language(partner) == "de"


def test_an_unknown_language_changes_nothing(client, partner):
    client.force_login(partner)
    switch(client, "fr")
    response = switch(client, "xx")
    assert response.status_code == 302 and user_language(partner) == "fr"


def test_the_switch_is_post_only(client, partner):
    client.force_login(partner)
    assert client.get(reverse("msp:language"), {"language": "fr"}).status_code == 405
    assert user_language(partner) == ""


def test_the_user_menu_names_each_language_in_itself(client, partner):
    client.force_login(partner)
    html = client.get(reverse("msp:partnership_list")).content.decode()
    for code, name in (("en", "English"), ("fr", "Français"), ("de", "Deutsch")):
        assert f'<span lang="{code}">{name}</span>' in html
    assert 'name="next" value="/partnerships/"' in html


def test_error_pages_say_their_language(client, partner):
    client.force_login(partner)
    switch(client, "fr")
    assert html_lang(client.get("/partnerships/999999/")) == "fr"  # 404.html
    with translation.override("de"):
        response = server_error(RequestFactory().get("/"))  # 500.html, without a request context
    assert response.status_code == 500 and html_lang(response) == "de"


def test_a_partnership_has_a_working_language(client, secretariat, partnership):
    assert partnership.language == settings.LANGUAGE_CODE
    client.force_login(secretariat)
    edit = reverse("msp:partnership_edit", kwargs={"partnership_pk": partnership.pk})
    form = client.get(edit).context["form"]
    data = {
        k: v for k, v in form.initial.items() if v is not None and k not in ("countries", "sdg_goals", "sdg_targets")
    }
    data.update(language="fr", revision=partnership.revision)
    response = client.post(edit, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Partnership.objects.get(pk=partnership.pk).language == "fr"
    dashboard = client.get(reverse("msp:dashboard", kwargs={"partnership_pk": partnership.pk})).content.decode()
    assert "Working language" in dashboard and "French" in dashboard


def test_a_form_without_the_language_keeps_it(client, secretariat, partnership):
    Partnership.objects.filter(pk=partnership.pk).update(language="de")
    client.force_login(secretariat)
    edit = reverse("msp:partnership_edit", kwargs={"partnership_pk": partnership.pk})
    response = client.post(edit, {"name": "Cocoa", "currency": "EUR", "revision": 1})
    assert response.status_code == 302
    assert Partnership.objects.get(pk=partnership.pk).language == "de"


@pytest.mark.parametrize("language", ["fr", "de"])
def test_a_new_partnership_may_start_in_another_language(client, secretariat, language):
    client.force_login(secretariat)
    client.post(reverse("msp:partnership_create"), {"name": f"MAP {language}", "currency": "EUR", "language": language})
    assert Partnership.objects.get(name=f"MAP {language}").language == language
