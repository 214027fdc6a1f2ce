"""Which models a partnership export holds, found from the model graph rather than a hand list.

A model is *scoped* (exported row by row) when one of its foreign keys leads to the partnership or to another
scoped model; its *owner* key is the one followed to select its rows. Models the partnership only points at are
*reference* data (the registry, people, codelists), exported as far as they are referenced and matched on import.
A few rows hang from a partnership without a foreign key (a generic relation): those are listed in GENERIC.
Everything else in the project's apps must be in EXCLUDED with the reason, so that a new model is either found
here or consciously left out (tests/transfer/test_graph.py fails otherwise).

Identifiers are "app_label.model:pk" of the exporting installation: readable, the same the activity feed already
stores (content type and object id), and unique together with the manifest's source installation. Codelists use
their codes as primary keys, so their identifiers mean the same everywhere.
"""

import hashlib
from functools import cache
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models

PROJECT_APPS = ("msp", "phases", "stakeholders", "governance", "monitoring", "inbox", "transfer", "opendata")
ROOT = "msp.partnership"

# Matched on import (transfer.load), never scoped even though some point at scoped rows.
USERS = "auth.user"
ORGANISATIONS = "stakeholders.organisation"
CONTACTS = "stakeholders.contactperson"
CONTENT_TYPES = "contenttypes.contenttype"
CODELISTS = ("msp.country", "msp.currency", "msp.sdggoal", "msp.sdgtarget", "stakeholders.organisationtype")
REFERENCE = (USERS, ORGANISATIONS, CONTACTS, CONTENT_TYPES, *CODELISTS)

# Rows tied to a scoped row by (content type, id) instead of a foreign key: model -> (type field, id field).
# A stored document (a rendered MoU, report, checklist run) belongs to its subject that way; the activity feed's
# entries name their object that way too (they are scoped by their partnership key; the pair is remapped).
GENERIC = {
    "msp.storeddocument": ("subject_type", "subject_id"),
    "msp.activityentry": ("content_type", "object_id"),
}

# Plain integer columns that hold another app's primary key without a foreign key (a lower layer naming a higher
# one's row): model -> {field: the model its value is a key of}. Exported as identifiers and mapped like keys.
SOFT_KEYS = {
    "phases.healthcheckscore": {"organisation_id": ORGANISATIONS},
}

EXCLUDED = {
    "msp.notification": "the outbox: e-mails this installation sent or will send, not the partnership's record",
    "msp.notificationattachment": "attachments of outbox e-mails (see msp.notification)",
    "msp.notice": "people's in-app notifications in this installation, read or not",
    "msp.noticepreference": "a person's notification settings in this installation",
    "msp.profile": "a person's interface settings in this installation",
    "stakeholders.pendingimport": "an uploaded spreadsheet waiting for confirmation: transient",
    "governance.pendingtransactionimport": "an uploaded bank file waiting for confirmation: transient",
    "governance.exchangerate": "the installation's reference rates, shared by all partnerships",
    "transfer.partnershiporigin": "this installation's record of where an imported partnership came from",
    # The IATI activity identifier starts with this installation's reporting organisation's; the receiving
    # installation publishes (or not) under its own, by a deliberate step of its secretariat. Carried along, the
    # record would publish the activity twice (here and there) and clash with an identifier already taken there.
    "opendata.publication": "this installation's IATI publication of the partnership, under its reporting organisation",
}


def label(model) -> str:
    return model._meta.label_lower


def key(model, pk) -> str:
    return f"{label(model)}:{pk}"


def parse_key(value: str) -> tuple[str, str]:
    model_label, _, pk = value.partition(":")
    return model_label, pk


def relations(model):
    """The concrete forward foreign keys and one-to-ones of `model` (many-to-manys are read separately)."""
    return [f for f in model._meta.concrete_fields if f.is_relation and f.related_model is not None]


def many_to_many(model):
    """Many-to-many fields whose rows are plain pairs (auto-created through tables); a through model with fields of
    its own would be a model of its own here."""
    return [f for f in model._meta.many_to_many if f.remote_field.through._meta.auto_created]


@cache
def scoped_models() -> dict[str, tuple]:
    """label -> (model, owner field name) for every exported model, parents before children.

    The owner is the key to the partnership when there is one, else a required key to a scoped model, else an
    optional one. Stored documents and then the activity feed come last: they describe the others."""
    found = {ROOT: (apps.get_model(ROOT), None)}
    candidates = [
        m for m in apps.get_models() if label(m) not in REFERENCE and label(m) not in EXCLUDED and label(m) not in found
    ]
    changed = True
    while changed:
        changed = False
        for model in candidates:
            if label(model) in found:
                continue
            keys = [f for f in relations(model) if label(f.related_model) in found and f.related_model is not model]
            if not keys:
                continue
            keys.sort(key=lambda f: (label(f.related_model) != ROOT, f.null, f.name))
            found[label(model)] = (model, keys[0].name)
            changed = True
    document = apps.get_model("msp.storeddocument")
    found.setdefault(label(document), (document, None))
    for last in ("msp.storeddocument", "msp.activityentry"):
        found[last] = found.pop(last)
    return found


def classify() -> dict[str, str]:
    """label -> "exported" / "reference" / "excluded: reason" / "unclassified" for every model of the project."""
    scoped = scoped_models()
    result = {}
    for model in apps.get_models():
        name = label(model)
        if model._meta.app_label not in PROJECT_APPS and name not in REFERENCE:
            continue
        if name in scoped:
            result[name] = "exported"
        elif name in REFERENCE:
            result[name] = "reference"
        elif name in EXCLUDED:
            result[name] = f"excluded: {EXCLUDED[name]}"
        else:
            result[name] = "unclassified"
    return result


def file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def installation() -> str:
    """This installation's name in manifests: its host and a digest of its secret key (stable, and says nothing
    of the key), so two installations served at the same address still differ."""
    host = urlsplit(settings.SITE_URL).netloc or "localhost"
    digest = hashlib.sha256(f"msp-installation:{settings.SECRET_KEY}".encode()).hexdigest()[:12]
    return f"{host}#{digest}"


def identity_of(partnership) -> str:
    """The export identity: where the partnership was first made and its key there. An imported partnership keeps
    the identity it came with, so a round trip back to its first home is recognised too."""
    try:
        return partnership.origin.identity
    except ObjectDoesNotExist:
        return f"{installation()}/{key(partnership, partnership.pk)}"
