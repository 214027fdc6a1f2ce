from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserSession(models.Model):
    """One signed-in session of a person, as they see it on "Your sessions": the browser it signed in from and
    when it was last used. The session itself lives in Django's session store under `session_key`; ending one
    deletes both. `last_seen` is written at most every SESSION_TOUCH_EVERY seconds (accounts.sessions)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="user_sessions", verbose_name=_("user")
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    signed_in_at = models.DateTimeField(_("signed in"), auto_now_add=True)
    last_seen = models.DateTimeField(_("last activity"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-last_seen"]
        indexes = [models.Index(fields=["user", "-last_seen"])]

    def __str__(self):
        return f"{self.user} · {self.signed_in_at:%Y-%m-%d %H:%M}"
