"""Turns audit-log entries into sentences for the activity feed, without touching the database."""

from dataclasses import dataclass
from datetime import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

# One line on the dashboard: what happened to what, in words.
ACTION_SENTENCES = {
    0: _("added the %(label)s “%(object)s”"),
    1: _("changed the %(label)s “%(object)s”"),
    2: _("removed the %(label)s “%(object)s”"),
    3: _("viewed the %(label)s “%(object)s”"),
}
# Archiving (True) and restoring (False), rather than "changed the partnership".
ARCHIVE_SENTENCES = {
    True: _("archived the %(label)s “%(object)s”"),
    False: _("restored the %(label)s “%(object)s”"),
}
# A download of the partnership's export ZIP (transfer.services), recorded as an access.
EXPORT_SENTENCE = _("exported the %(label)s “%(object)s” (ZIP)")
# Not news in a feed that is already filed under its partnership, or bookkeeping nobody typed (an order, a
# revision counter); fields that are not editable (keys, nonces, send claims) are hidden as well.
HIDDEN_FIELDS = {"id", "partnership", "position", "revision"}
SUMMARY_FIELDS = 3
EMPTY = {"", "None", "null", "[]"}


@dataclass
class Summary:
    sentence: str  # "changed the clause “Purpose”"
    fields: str  # "title, text", or "" when the entry is not a change of fields


@dataclass
class Change:
    field: str
    old: str = ""
    new: str = ""
    added: str = ""
    removed: str = ""


def describe(entry):
    """(model label, [Change]) for one entry, in the words of the model: field labels, choice labels."""
    model = entry.content_type.model_class()
    label = model._meta.verbose_name if model else entry.content_type.model
    changes = []
    for name, values in (entry.changes or {}).items():
        field = _field(model, name)
        if name in HIDDEN_FIELDS or (field is not None and not field.editable):
            continue
        if field is None and model is not None and _is_reverse_relation(model, name):
            continue
        field_label = str(field.verbose_name) if field is not None else name.replace("_", " ")
        if isinstance(values, dict) and values.get("type") == "m2m":
            objects = ", ".join(str(o) for o in values.get("objects", []))
            operation = values.get("operation")
            if operation == "add":
                changes.append(Change(field_label, added=objects))
            elif operation == "delete":
                changes.append(Change(field_label, removed=objects))
            else:
                changes.append(Change(field_label, removed=str(_("all"))))
            continue
        if not isinstance(values, list | tuple) or len(values) != 2:
            continue
        old, new = (_display(field, v) for v in values)
        if entry.action != 1 and not old and not new:
            continue  # creating or deleting with an empty field is not news
        changes.append(Change(field_label, old=old, new=new))
    return label, changes


def summarise(entry, *, object_length=60, described=None):
    """One line for the dashboard: the sentence and, for a change, the names of the fields changed (not values).
    `described`: describe(entry) when the caller has it already (the feed shows both)."""
    label, changes = described or describe(entry)
    name = entry.object_repr if len(entry.object_repr) <= object_length else entry.object_repr[: object_length - 1]
    name = name.rstrip() + ("…" if len(entry.object_repr) > object_length else "")
    sentence = ACTION_SENTENCES.get(entry.action, ACTION_SENTENCES[1])
    model = entry.content_type.model_class()
    # A model may say a step of its life in its own words (minutes recorded, circulated, final).
    if hasattr(model, "activity_sentence"):
        sentence = model.activity_sentence(entry.action, entry.changes or {}) or sentence
    if entry.action == 3 and isinstance(entry.additional_data, dict) and entry.additional_data.get("export"):
        sentence = EXPORT_SENTENCE
    archived = (entry.changes or {}).get("archived_at") if entry.action == 1 else None
    if isinstance(archived, list | tuple) and len(archived) == 2:
        sentence = ARCHIVE_SENTENCES[str(archived[1]) not in EMPTY]
    sentence = sentence % {"label": label, "object": name}
    fields = ""
    if entry.action == 1:
        names = list(dict.fromkeys(change.field for change in changes))
        fields = ", ".join(names[:SUMMARY_FIELDS]) + ("…" if len(names) > SUMMARY_FIELDS else "")
    return Summary(str(sentence), fields)


def _field(model, name):
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if getattr(field, "concrete", False) or field.many_to_many else None


def _is_reverse_relation(model, name):
    try:
        return model._meta.get_field(name).auto_created
    except FieldDoesNotExist:
        return False


def _display(field, value):
    text = "" if value is None else str(value)
    if text in EMPTY:
        return ""
    if field is not None and field.get_internal_type() in ("DateTimeField", "DateField"):
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            return text
        if isinstance(field, models.DateTimeField):
            return date_format(timezone.localtime(parsed) if timezone.is_aware(parsed) else parsed, "DATETIME_FORMAT")
        return date_format(parsed, "DATE_FORMAT")
    if field is not None and field.choices:
        return str({str(k): v for k, v in field.flatchoices}.get(text, text))
    if field is not None and field.get_internal_type() == "BooleanField":
        return str(_("yes") if text == "True" else _("no"))
    return text
