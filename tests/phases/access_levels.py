"""Access levels of the phases app's URLs for the URL walk (tests/test_url_walk.py).

The checklist's health is everyone's with a role (its items and evidence, the run history and the runs are the
members'); evaluating, judging and the parameters are the secretariat's. Health-check rounds are the members';
partners score for their own organisation; the secretariat opens, records on a member's behalf and closes."""

import datetime as dt

from django.utils import timezone

from phases.models import ChecklistRun, HealthCheck, HealthCheckScore
from tests.factories import TransitionFactory
from tests.phases.runs import make_run

LEVELS = {
    "phases:history": "member",
    "phases:advance": "secretariat-action",
    "phases:revert": "secretariat-action",
    "phases:checklist": "summary",
    "phases:evaluation_status": "summary",
    "phases:evaluate": "secretariat-action",
    "phases:judge": "secretariat-action",
    "phases:runs": "member",
    "phases:run": "member",
    "phases:run_pdf": "member",
    "phases:parameters": "secretariat",
    # The partnering health check: the members read the rounds; partners score for their own organisation (the
    # page tells one linked to no organisation why not); the secretariat opens, records on a member's behalf, closes.
    "phases:health_checks": "member",
    "phases:health_check_open": "secretariat",
    "phases:health_check": "member",
    "phases:health_check_score": "partner",
    "phases:health_check_on_behalf": "secretariat",
    "phases:health_check_close": "secretariat-action",
}

_round = {"pk": lambda w: w["health_check"].pk}
_run = {"run_pk": lambda world: ChecklistRun.objects.filter(partnership=world["partnership"]).first().pk}
OBJECTS = {
    "phases:judge": {"item_id": lambda world: "CM-6"},
    "phases:run": _run,
    "phases:run_pdf": _run,
    "phases:health_check": _round,
    "phases:health_check_score": _round,
    "phases:health_check_on_behalf": _round,
    "phases:health_check_close": _round,
}


def build(world):
    TransitionFactory(partnership=world["partnership"], by=world["secretariat"])
    make_run(world["partnership"], days_ago=2)
    make_run(world["partnership"])
    world["health_check"] = HealthCheck.objects.create(
        partnership=world["partnership"],
        title="Annual health check",
        closes_on=timezone.localdate() + dt.timedelta(days=14),
        item_ids=["CM-6", "PM-4"],
        created_by=world["secretariat"],
    )
    HealthCheckScore.objects.create(
        health_check=world["health_check"], item_id="CM-6", organisation_id=1, organisation_name="Scoring Org", score=2
    )
