"""A user's profile: for now their interface language, remembered across devices and used for their e-mails.

The profile row is created on demand (the first time a user chooses a language), never by a signal: a user
without one has the default, a blank language ("the browser's"). The language lives in the session too, copied
at sign-in (`remember_language_on_login`) and on every switch, so the middleware activating it costs no query.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

SESSION_KEY = "msp_language"


class Profile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile")
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language of the interface and of your e-mails. Blank: your browser's."),
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return str(self.user)


def supported(language) -> str:
    """`language` when the interface has it, else ""."""
    return language if language in dict(settings.LANGUAGES) else ""


def user_language(user) -> str:
    """The language `user` chose ("" when none, or no user: then the browser's, or for e-mails a fallback)."""
    if user is None or not user.is_authenticated:
        return ""
    return supported(Profile.objects.filter(user=user).values_list("language", flat=True).first() or "")


def user_languages(users) -> dict:
    """user id -> chosen language ("" when none) for several users, in one query."""
    chosen = dict(Profile.objects.filter(user__in=[u.pk for u in users]).values_list("user_id", "language"))
    return {u.pk: supported(chosen.get(u.pk, "")) for u in users}


def user_language_set(*, user, language, session=None) -> Profile:
    """Remember `language` (one of LANGUAGES, or "" for the browser's) on the user's profile, and in `session`."""
    language = supported(language)
    profile, _created = Profile.objects.update_or_create(user=user, defaults={"language": language})
    if session is not None:
        session[SESSION_KEY] = language
    return profile


def remember_language_on_login(sender, request, user, **kwargs):
    """user_logged_in: copy the profile's language into the new session (see UserLanguageMiddleware)."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = user_language(user)


class UserLanguageMiddleware:
    """After LocaleMiddleware and AuthenticationMiddleware: a signed-in user's chosen language wins over the
    browser's (Accept-Language and the language cookie, which LocaleMiddleware already applied)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            if SESSION_KEY not in request.session:  # a session from before profiles had languages
                request.session[SESSION_KEY] = user_language(request.user)
            language = supported(request.session[SESSION_KEY])
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
