"""The columns of the three kinds of spreadsheet: what an export writes and an import reads back. Columns are matched
by their key or their label, in any case and order, so a file exported here imports unchanged. An export is in the
language of whoever exports; labels (of columns and of choices) are read in every interface language, so a file
exported in French imports for a colleague working in German."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy


class ImportKind(models.TextChoices):
    CONTACTS = "contacts", gettext_lazy("Organisations and their contact persons (into the registry)")
    MEMBERS = "members", gettext_lazy("Members of this partnership")
    MAP = "map", gettext_lazy("Stakeholder map of this partnership")


@dataclass(frozen=True)
class Column:
    key: str
    label: object
    required: bool = False


ORGANISATION_COLUMNS = [
    Column("organisation", gettext_lazy("Organisation"), required=True),
    Column("short_name", gettext_lazy("Short name")),
    Column("sector", gettext_lazy("Sector")),
    Column("iati_type", gettext_lazy("IATI organisation type")),
    Column("country", gettext_lazy("Country")),
    Column("website", gettext_lazy("Website")),
    Column("iati_identifier", gettext_lazy("IATI identifier")),
    Column("description", gettext_lazy("Description")),
]
CONTACT_COLUMNS = [
    Column("contact_name", gettext_lazy("Contact name")),
    Column("job_title", gettext_lazy("Job title")),
    Column("seniority", gettext_lazy("Seniority")),
    Column("email", gettext_lazy("E-mail")),
    Column("phone", gettext_lazy("Phone")),
    Column("active", gettext_lazy("Active")),
    Column("may_sign", gettext_lazy("May sign")),
]
MEMBER_COLUMNS = [
    Column("member_role", gettext_lazy("Member role")),
    Column("iati_role", gettext_lazy("IATI role")),
    Column("core_group", gettext_lazy("Core group")),
    Column("joined_on", gettext_lazy("Joined")),
    Column("left_on", gettext_lazy("Left")),
    Column("capacity", gettext_lazy("Capacity (person-days a year)")),
]
MAP_COLUMNS = [
    Column("power", gettext_lazy("Power"), required=True),
    Column("interest", gettext_lazy("Interest"), required=True),
    Column("influence", gettext_lazy("Influence")),
    Column("engagement", gettext_lazy("Engagement")),
    Column("target_group", gettext_lazy("Target group")),
    Column("key_stakeholder", gettext_lazy("Key stakeholder")),
    Column("champion", gettext_lazy("Champion")),
    Column("map_country", gettext_lazy("Located in")),
    Column("last_engaged_on", gettext_lazy("Last engaged")),
    Column("notes", gettext_lazy("Notes")),
]
COLUMNS = {
    ImportKind.CONTACTS: ORGANISATION_COLUMNS + CONTACT_COLUMNS,
    ImportKind.MEMBERS: ORGANISATION_COLUMNS + MEMBER_COLUMNS,
    ImportKind.MAP: ORGANISATION_COLUMNS + MAP_COLUMNS,
}
# Columns an export adds for the reader that an import ignores (read in any interface language).
INFORMATIONAL = [gettext_lazy("Status"), gettext_lazy("Member")]


def informational_keys() -> set[str]:
    return {header_key(name) for label in INFORMATIONAL for name in in_every_language(label)}


def header_key(text) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text or "").strip().lower()).strip("_")


def in_every_language(text) -> list[str]:
    """`text` (a lazy translation) in the active language, then in the other interface languages."""
    active = translation.get_language()
    names = [str(text)]
    for code, _name in settings.LANGUAGES:
        if code != active:
            with translation.override(code):
                names.append(str(text))
    return names


_CHOICE_NAMES = {}  # (values, language) -> names: the labels of a Choices class change only with the code


def choice_names(choices) -> dict:
    """{value, or label in any interface language, lower case: value} for `choices` (a Choices' .choices)."""
    key = (tuple(value for value, _label in choices), translation.get_language())
    if key not in _CHOICE_NAMES:
        names = {}
        for value, label in choices:
            for name in (str(value), *in_every_language(label)):
                names.setdefault(name.strip().lower(), value)
        _CHOICE_NAMES[key] = names
    return _CHOICE_NAMES[key]


def labels(columns) -> dict:
    """Column key -> its label in the current language, for messages about a cell."""
    return {c.key: str(c.label) for c in columns}
