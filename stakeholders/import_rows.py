"""One row of an import file as it is checked: its cell values read into field values (a choice by its value or
label, yes/no, dates, scores, countries), its errors and warnings, and what the import will do with it; and the
`Preview` of the whole file. The checks per kind of file are in `import_checks`."""

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from . import countries
from .columns import choice_names
from .models import Organisation


@dataclass
class Row:
    """One row of the file and what the import will do with it."""

    number: int  # as the spreadsheet numbers it: the header is row 1
    values: dict
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    organisation: Organisation | None = None  # an existing registry organisation the row links to
    new_organisation: dict | None = None  # fields of an organisation to create
    org_key: str = ""  # rows naming the same new organisation share it
    same_as_row: int | None = None  # an earlier row of the file creates this row's (new) organisation
    shown: list = field(default_factory=list)  # (column header, value) of the filled cells, for the preview
    record: dict | None = None  # fields of the contact, membership or map entry to create
    skip: str = ""  # why nothing is created for this row (it is already there)

    @property
    def ok(self):
        return not self.errors

    @property
    def name(self):
        return self.values.get("organisation", "")

    @property
    def organisation_status(self):
        """'registry' (exists, linked), 'new' (created by this row), 'earlier' (created by an earlier row)."""
        if self.organisation is not None:
            return "registry"
        return "earlier" if self.same_as_row else "new"


@dataclass
class Preview:
    kind: str
    filename: str
    problems: list = field(default_factory=list)  # about the whole file
    rows: list = field(default_factory=list)
    columns: list = field(default_factory=list)  # (key, label) of the recognised columns, in file order
    ignored: list = field(default_factory=list)  # headers of informational columns

    @property
    def valid(self):
        return not self.problems and bool(self.rows) and all(r.ok for r in self.rows)

    @property
    def error_rows(self):
        return [r for r in self.rows if r.errors]

    @property
    def warning_rows(self):
        return [r for r in self.rows if r.warnings]

    @property
    def new_organisations(self):
        return len({r.org_key for r in self.rows if r.ok and r.new_organisation})

    @property
    def records(self):
        return sum(1 for r in self.rows if r.ok and r.record and not r.skip)

    @property
    def skipped(self):
        return sum(1 for r in self.rows if r.ok and r.skip)


def choice(row, key, label, choices, default):
    """The value of a choice written as its value or its label (any case); `default` when the cell is empty, and
    an error naming the choices when it holds anything else."""
    text = row.values.get(key, "").strip()
    if not text:
        return default
    found = choice_names(choices).get(text.lower())  # a label in any interface language
    if found is not None:
        return found
    row.errors.append(
        _("%(col)s: “%(v)s” is not one of %(choices)s.")
        % {"col": label, "v": text, "choices": ", ".join(str(name) for _value, name in choices)}
    )
    return default


_TRUE, _FALSE = {"yes", "y", "true", "1", "x", "ja", "oui"}, {"no", "n", "false", "0", "", "nein", "non"}


def yes_no(row, key, label, default=False):
    text = row.values.get(key, "").strip().lower()
    if key not in row.values or text == "":
        return default
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    row.errors.append(_("%(col)s: “%(v)s” is not yes or no.") % {"col": label, "v": row.values[key]})
    return default


def date(row, key, label):
    text = row.values.get(key, "").strip()
    if not text:
        return None
    for fmt in ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    row.errors.append(_("%(col)s: “%(v)s” is not a date (write it as 2025-03-31).") % {"col": label, "v": text})
    return None


def score(row, key, label, default=None):
    text = row.values.get(key, "").strip()
    if not text:
        if default is None:
            row.errors.append(_("%(col)s is missing (a score from 1 to 5).") % {"col": label})
        return default
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    row.errors.append(_("%(col)s: “%(v)s” is not a score from 1 to 5.") % {"col": label, "v": text})
    return default


def model_errors(row, instance, exclude, labels):
    """Run the model's own validation (lengths, e-mail and web addresses) and word its errors for the row."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            label = labels.get(name, name)
            for message in messages:
                row.errors.append(f"{label}: {message}")


def country(row, lookups, key, label):
    text = row.values.get(key, "").strip()
    if not text:
        return None
    code = countries.find(text, lookups.countries)
    if code is None:
        close = countries.suggest(text, lookups.countries)
        if close:
            row.errors.append(
                _("%(col)s: “%(v)s” is not a country we know. Did you mean %(name)s (%(code)s)?")
                % {"col": label, "v": text, "name": lookups.country_names[close], "code": close}
            )
        else:
            row.errors.append(
                _(
                    "%(col)s: “%(v)s” is not a country we know (use its name in English, French or German, or its ISO code, e.g. GH)."
                )
                % {"col": label, "v": text}
            )
    return code
