"""Give a user an authenticator-app device with a known secret, for machines that sign in by themselves.

    manage.py two_factor_device amina --secret 3132333435363738393031323334353637383930
    manage.py two_factor_device amina            (makes a secret and prints it)
    manage.py two_factor_device amina --remove

Meant for the CI's production smoke walk and a benchmark's bench user, whose scripts then compute the codes
(RFC 6238, SHA-1, 6 digits, 30 s). A person sets up their own device on "Two-factor sign-in" instead.
"""

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Give a user a TOTP device with a given (or new, printed) hex secret, replacing their second factors."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--secret", help="the device's secret, 40 hex digits (20 bytes); default: a new one")
        parser.add_argument("--remove", action="store_true", help="remove the user's second factors instead")

    def handle(self, username, secret=None, remove=False, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        with transaction.atomic():
            for device in devices_for_user(user, confirmed=None):
                device.delete()
            if remove:
                self.stdout.write(f"{username}: second factors removed.")
                return
            secret = (secret or secrets.token_hex(20)).lower()
            try:
                if len(bytes.fromhex(secret)) < 10:
                    raise ValueError
            except ValueError:
                raise CommandError("--secret must be at least 20 hex digits.") from None
            TOTPDevice.objects.create(user=user, name="script", key=secret, confirmed=True)
        self.stdout.write(secret if options["verbosity"] < 2 else f"{username}: TOTP device with secret {secret}")
