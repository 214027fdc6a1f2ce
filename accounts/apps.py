from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Signing in and staying signed in: the two-factor step (django-otp devices), a person's sessions, idle
    expiry, and the e-mail to an account's owner after repeated wrong passwords. Imports only msp."""

    name = "accounts"
    verbose_name = _("Sign-in and sessions")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed

        from . import lockout, sessions, twofactor

        user_logged_in.connect(sessions.record_on_login, dispatch_uid="accounts.sessions.record_on_login")
        user_logged_in.connect(twofactor.mark_on_login, dispatch_uid="accounts.twofactor.mark_on_login")
        user_logged_out.connect(sessions.forget_on_logout, dispatch_uid="accounts.sessions.forget_on_logout")
        user_login_failed.connect(lockout.count_failure, dispatch_uid="accounts.lockout.count_failure")
