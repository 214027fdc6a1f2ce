"""Mail servers that misbehave, as e-mail backends (`settings.EMAIL_BACKEND = "tests.mailservers.Refusing"`)."""

import smtplib

from django.core.mail.backends.base import BaseEmailBackend


class Refusing(BaseEmailBackend):
    """Refuses every recipient, as a server does for an address that does not exist."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"5.1.1 No such user") for m in email_messages})


class Down(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("mail server down")
