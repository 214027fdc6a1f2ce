"""Access levels of the phases app's URLs for the URL walk (tests/test_url_walk.py).

The checklist's health is everyone's with a role (its items and evidence, the run history and the runs are the
members'); evaluating, judging and the parameters are the secretariat's."""

from phases.models import ChecklistRun
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
    "phases:parameters": "secretariat",
}

OBJECTS = {
    "phases:judge": {"item_id": lambda world: "CM-6"},
    "phases:run": {"run_pk": lambda world: ChecklistRun.objects.filter(partnership=world["partnership"]).first().pk},
}


def build(world):
    TransitionFactory(partnership=world["partnership"], by=world["secretariat"])
    make_run(world["partnership"], days_ago=2)
    make_run(world["partnership"])
