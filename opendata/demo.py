"""Demo of IATI publication: the cocoa partnership's activity file is published by its secretariat (amina), so its
Open data (IATI) page shows a fixed identifier and a public address, and /iati/activities.xml lists it. The water
and textile partnerships stay unpublished, to show the page before the first publication.

Written last (ctx["final"]), once every app's records exist: the file is made from all of them. Publishing again
changes nothing, so a second run of the demo adds nothing. Should the builder find the cocoa file breaking an IATI
rule, it stays unpublished and its page lists why (the demo must load all the same).
"""

from contextlib import suppress

from auditlog.context import set_actor
from django.core.exceptions import ValidationError

from . import services


def publish_cocoa(ctx):
    cocoa, amina = ctx["partnerships"]["cocoa"], ctx["users"]["amina"]
    # Refused while the file breaks a rule: its page lists the problems, and publishing waits until they are fixed.
    with set_actor(amina), suppress(ValidationError):
        services.publish(cocoa, by=amina)


def load(ctx):
    ctx.setdefault("final", []).append(lambda: publish_cocoa(ctx))
