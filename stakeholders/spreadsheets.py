"""Spreadsheets in and out (CSV and XLSX through tablib): exports of members, the stakeholder map and contacts, and
the import that reads those same files back.

An import is read and checked in full before anything is written (`preview`): every row gets its errors, its
warnings (near-duplicates of registry organisations) and what will happen to it (create, link to an existing
organisation, skip as already there). `services.stakeholders_import` writes only a preview without errors, inside
one transaction. Columns are matched by their key or their label, in any case and order, so a file exported here
imports unchanged.
"""

import datetime as dt
from dataclasses import dataclass, field

import tablib
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.models import Country

from . import countries, files
from .columns import (
    COLUMNS,
    CONTACT_COLUMNS,
    INFORMATIONAL,
    MAP_COLUMNS,
    MEMBER_COLUMNS,
    ORGANISATION_COLUMNS,
    ImportKind,
    header_key,
)
from .files import MAX_BYTES, MAX_ROWS, FileProblem, read_table  # noqa: F401 (MAX_BYTES: for the form)
from .models import (
    MAX_CAPACITY,
    ContactPerson,
    EngagementLevel,
    IatiRole,
    MemberRole,
    Membership,
    Organisation,
    OrganisationType,
    Sector,
    Seniority,
    StakeholderMapEntry,
    authority_refusal,
    capacity_too_large,
)
from .selectors import contacts_for, likeness, map_entries_for, memberships_for, normalise_name

# --- export ------------------------------------------------------------------------------------------------------


def _yes(value) -> str:
    return _("yes") if value else _("no")


def _date(value) -> str:
    return value.isoformat() if value else ""


def _organisation_cells(org) -> list:
    return [
        org.name,
        org.short_name,
        org.get_sector_display(),
        str(org.iati_type) if org.iati_type_id else "",
        org.country.name if org.country_id else "",
        org.website,
        org.iati_identifier,
        org.description,
    ]


def _headers(columns, extra=()):
    return [str(c.label) for c in columns] + [str(label) for label in extra]


def members_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.MEMBERS], [_("Status")]), title=_("Members"))
    for m in memberships_for(partnership):
        data.append(
            [
                *_organisation_cells(m.organisation),
                m.get_role_display(),
                m.get_iati_role_display() if m.iati_role else "",
                _yes(m.is_core_group),
                _date(m.joined_on),
                _date(m.left_on),
                "" if m.capacity_person_days is None else m.capacity_person_days,
                _("active") if m.current else _("left"),
            ]
        )
    return data


def map_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.MAP], [_("Member")]), title=_("Stakeholder map"))
    for e in map_entries_for(partnership).select_related("organisation__country", "organisation__iati_type"):
        data.append(
            [
                *_organisation_cells(e.organisation),
                e.power,
                e.interest,
                e.influence,
                e.get_engagement_display(),
                _yes(e.is_target_group),
                _yes(e.is_key),
                _yes(e.is_champion),
                e.country.name if e.country_id else "",
                _date(e.last_engaged_on),
                e.notes,
                _yes(e.is_member),
            ]
        )
    return data


def contacts_dataset(partnership) -> tablib.Dataset:
    data = tablib.Dataset(headers=_headers(COLUMNS[ImportKind.CONTACTS], [_("Member")]), title=_("Contacts"))
    for c in contacts_for(partnership).select_related("organisation__country", "organisation__iati_type"):
        data.append(
            [
                *_organisation_cells(c.organisation),
                c.name,
                c.job_title,
                c.get_seniority_display(),
                c.email,
                c.phone,
                _yes(c.is_active),
                _yes(c.may_sign),
                _yes(c.is_member),
            ]
        )
    return data


def render(dataset: tablib.Dataset, fmt: str) -> bytes:
    """The file to download. No cell is a formula: see `files` for why and how."""
    rows = list(dataset)
    if fmt == "xlsx":
        return files.xlsx_bytes(dataset.headers, rows, dataset.title or "")
    return files.csv_bytes(dataset.headers, rows)


# --- checking ----------------------------------------------------------------------------------------------------


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


class _Lookups:
    """Reference data and the registry, read once per import."""

    def __init__(self, partnership, kind):
        codelist = list(Country.objects.values_list("code", "name"))
        self.country_names = dict(codelist)
        self.countries = countries.names_to_codes(codelist)
        self.types = {}
        for code, name in OrganisationType.objects.values_list("code", "name"):
            self.types[code] = code
            self.types[normalise_name(name)] = code
            self.types[normalise_name(f"{code} {name}")] = code
        self.registry = list(Organisation.objects.values_list("pk", "name", "short_name", "iati_identifier"))
        self.by_name, self.by_iati = {}, {}
        self.index = []  # (pk, normalised name, normalised short name) for near-duplicate search
        for pk, name, short, iati in self.registry:
            normal = normalise_name(name)
            self.by_name.setdefault(normal, []).append(pk)
            if iati:
                self.by_iati[iati.strip().lower()] = pk
            self.index.append((pk, normal, normalise_name(short)))
        self.names = {pk: name for pk, name, _short, _iati in self.registry}
        self.memberships, self.members, self.map_orgs = set(), set(), set()
        if kind == ImportKind.MEMBERS:
            self.memberships = set(
                Membership.objects.filter(partnership=partnership).values_list("organisation_id", "joined_on")
            )
            # Open-ended memberships (not left), as the database's one-current-membership rule counts them.
            self.members = set(
                Membership.objects.filter(partnership=partnership, left_on__isnull=True).values_list(
                    "organisation_id", flat=True
                )
            )
        if kind == ImportKind.MAP:
            self.map_orgs = set(
                StakeholderMapEntry.objects.filter(partnership=partnership).values_list("organisation_id", flat=True)
            )

    def load_member_of(self):
        """The partnerships each registry organisation is a current member of (for new signatories)."""
        self.member_of = {}
        today = timezone.localdate()
        for org, partnership in (
            Membership.objects.filter(Q(left_on__isnull=True) | Q(left_on__gt=today))
            .order_by()
            .values_list("organisation_id", "partnership_id")
        ):
            self.member_of.setdefault(org, set()).add(partnership)
        self.authority = {}

    def may_add_signatory(self, by, org) -> bool:
        if org not in self.authority:
            self.authority[org] = access.can_change_authority(by, self.member_of.get(org, ()))
        return self.authority[org]

    def similar(self, name, short=""):
        """Names of registry organisations that look like this new one, closest first."""
        scored = [(likeness(name, short, other, other_short), pk) for pk, other, other_short in self.index]
        scored = sorted((score, pk) for score, pk in scored if score)
        return [self.names[pk] for _score, pk in reversed(scored[-3:])]


def _choice(value, choices):
    """The value of a choice given as its value or its label (any case)."""
    wanted = value.strip().lower()
    for key, label in choices:
        if wanted in (str(key).lower(), str(label).lower()):
            return key
    return None


_TRUE, _FALSE = {"yes", "y", "true", "1", "x", "ja", "oui"}, {"no", "n", "false", "0", "", "nein", "non"}


def _bool(row, key, label, default=False):
    text = row.values.get(key, "").strip().lower()
    if key not in row.values or text == "":
        return default
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    row.errors.append(_("%(col)s: “%(v)s” is not yes or no.") % {"col": label, "v": row.values[key]})
    return default


def _parse_date(row, key, label):
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


def _score(row, key, label, default=None):
    text = row.values.get(key, "").strip()
    if not text:
        if default is None:
            row.errors.append(_("%(col)s is missing (a score from 1 to 5).") % {"col": label})
        return default
    if text.isdigit() and 1 <= int(text) <= 5:
        return int(text)
    row.errors.append(_("%(col)s: “%(v)s” is not a score from 1 to 5.") % {"col": label, "v": text})
    return default


def _model_errors(row, instance, exclude, labels):
    """Run the model's own validation (lengths, e-mail and web addresses) and word its errors for the row."""
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        for name, messages in exc.message_dict.items():
            label = labels.get(name, name)
            for message in messages:
                row.errors.append(f"{label}: {message}")


def _country(row, lookups, key, label):
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


def _organisation(row, lookups, seen, kind):
    """Settle which organisation the row is about: an existing one, one created by an earlier row, or a new one."""
    name = row.values.get("organisation", "").strip()
    label = {c.key: str(c.label) for c in ORGANISATION_COLUMNS}
    if not name:
        row.errors.append(_("Organisation is missing."))
        return
    sector_text = row.values.get("sector", "").strip()
    sector = _choice(sector_text, Sector.choices) if sector_text else None
    if sector_text and sector is None:
        row.errors.append(
            _("Sector: “%(v)s” is not one of %(choices)s.")
            % {"v": sector_text, "choices": ", ".join(str(lbl) for _v, lbl in Sector.choices)}
        )
    type_text = row.values.get("iati_type", "").strip()
    iati_type = None
    if type_text:
        iati_type = lookups.types.get(type_text) or lookups.types.get(normalise_name(type_text))
        if iati_type is None:
            row.errors.append(
                _("IATI organisation type: “%(v)s” is not in the IATI codelist (e.g. 22 National NGO).")
                % {"v": type_text}
            )
    country = _country(row, lookups, "country", label["country"])
    iati_identifier = row.values.get("iati_identifier", "").strip()

    normal = normalise_name(name)
    iati_key = iati_identifier.lower()
    existing = lookups.by_iati.get(iati_key) if iati_key else None
    if existing is not None and normalise_name(lookups.names[existing]) != normal:
        row.warnings.append(
            _("The registry calls the organisation with IATI identifier %(id)s “%(name)s”; this row goes to it.")
            % {"id": iati_identifier, "name": lookups.names[existing]}
        )
    if existing is None and normal in lookups.by_name:
        candidates = lookups.by_name[normal]
        existing = candidates[0]
        if len(candidates) > 1:
            row.warnings.append(
                _(
                    "The registry has %(n)d organisations called “%(name)s”; this row goes to the oldest. "
                    "Give the IATI identifier to choose."
                )
                % {"n": len(candidates), "name": name}
            )
    row.org_key = f"pk:{existing}" if existing is not None else f"name:{normal}"
    if existing is None and iati_key:
        first = seen.setdefault(f"iati:{iati_key}", (row.number, row.org_key))
        if first[1] != row.org_key:
            row.errors.append(
                _("IATI identifier: %(id)s is given to another organisation in row %(n)d.")
                % {"id": iati_identifier, "n": first[0]}
            )
    if row.org_key in seen:
        if kind != ImportKind.CONTACTS:
            row.errors.append(_("The same organisation as row %(n)d.") % {"n": seen[row.org_key][0]})
        if existing is None:
            row.same_as_row = seen[row.org_key][0]  # that earlier row creates it
    else:
        seen[row.org_key] = (row.number, row.org_key)
    if existing is not None:
        row.organisation = Organisation(pk=existing, name=lookups.names[existing])
        return
    if row.same_as_row:
        return
    if not sector_text:
        row.errors.append(_("Sector is missing (needed for an organisation new to the registry)."))
    fields = dict(
        name=name,
        short_name=row.values.get("short_name", "").strip(),
        sector=sector or "",
        iati_type_id=iati_type,
        country_id=country,
        website=row.values.get("website", "").strip(),
        iati_identifier=iati_identifier,
        description=row.values.get("description", "").strip(),
    )
    _model_errors(row, Organisation(**fields), ["iati_type", "country", "sector"], label)
    row.new_organisation = fields
    similar = lookups.similar(normal, normalise_name(fields["short_name"]))
    if similar:
        row.warnings.append(
            _(
                "Possible duplicate: the registry already has %(names)s. The row creates a new organisation; to use the existing one, write its name exactly."
            )
            % {"names": ", ".join(f"“{n}”" for n in similar)}
        )


def _contact(row, lookups, existing_contacts, seen_contacts):
    label = {c.key: str(c.label) for c in CONTACT_COLUMNS}
    name = row.values.get("contact_name", "").strip()
    others = [k for k in ("job_title", "email", "phone") if row.values.get(k, "").strip()]
    if not name:
        if others:
            row.errors.append(_("Contact name is missing (the row has other contact details)."))
        return  # an organisation-only row
    seniority_text = row.values.get("seniority", "").strip()
    seniority = _choice(seniority_text, Seniority.choices) if seniority_text else Seniority.STAFF
    if seniority is None:
        row.errors.append(
            _("Seniority: “%(v)s” is not one of %(choices)s.")
            % {"v": seniority_text, "choices": ", ".join(str(lbl) for _v, lbl in Seniority.choices)}
        )
    fields = dict(
        name=name,
        job_title=row.values.get("job_title", "").strip(),
        seniority=seniority or Seniority.STAFF,
        email=row.values.get("email", "").strip(),
        phone=row.values.get("phone", "").strip(),
        is_active=_bool(row, "active", label["active"], default=True),
        may_sign=_bool(row, "may_sign", label["may_sign"]),
    )
    _model_errors(row, ContactPerson(**fields), ["organisation", "user"], {**label, "name": label["contact_name"]})
    identity = (row.org_key, fields["email"].lower() or normalise_name(name))
    if identity in seen_contacts:
        row.errors.append(_("The same contact person as row %(n)d.") % {"n": seen_contacts[identity]})
    seen_contacts.setdefault(identity, row.number)
    if row.organisation and (
        (row.organisation.pk, fields["email"].lower()) in existing_contacts
        or (row.organisation.pk, normalise_name(name)) in existing_contacts
    ):
        row.skip = _("%(name)s is already a contact of %(org)s: skipped.") % {
            "name": name,
            "org": row.organisation.name,
        }
    row.record = fields


def _signing_authority(row, lookups, by):
    """A new contact who may sign for a registry organisation that partnerships rely on needs their secretariat."""
    if by is None or row.skip or not row.record or not row.record["may_sign"] or row.organisation is None:
        return
    if not lookups.may_add_signatory(by, row.organisation.pk):
        row.errors.append(f"{CONTACT_COLUMNS[-1].label}: {authority_refusal(row.organisation)}")


def _membership(row, lookups):
    label = {c.key: str(c.label) for c in MEMBER_COLUMNS}
    role_text = row.values.get("member_role", "").strip()
    role = _choice(role_text, MemberRole.choices) if role_text else MemberRole.PARTNER
    if role is None:
        row.errors.append(
            _("Member role: “%(v)s” is not one of %(choices)s.")
            % {"v": role_text, "choices": ", ".join(str(lbl) for _v, lbl in MemberRole.choices)}
        )
    iati_text = row.values.get("iati_role", "").strip()
    iati_role = _choice(iati_text, IatiRole.choices) if iati_text else ""
    if iati_role is None:
        row.errors.append(
            _("IATI role: “%(v)s” is not one of %(choices)s.")
            % {"v": iati_text, "choices": ", ".join(str(lbl) for _v, lbl in IatiRole.choices)}
        )
    joined = _parse_date(row, "joined_on", label["joined_on"]) or timezone.localdate()
    left = _parse_date(row, "left_on", label["left_on"])
    if left and left < joined:
        row.errors.append(_("Left (%(left)s) is before Joined (%(joined)s).") % {"left": left, "joined": joined})
    capacity_text = row.values.get("capacity", "").strip()
    capacity = None
    if capacity_text:
        if capacity_text.isdigit() and int(capacity_text) > MAX_CAPACITY:
            row.errors.append(f"{label['capacity']}: {capacity_too_large().messages[0]}")
        elif capacity_text.isdigit():
            capacity = int(capacity_text)
        else:
            row.errors.append(
                _("%(col)s: “%(v)s” is not a whole number of days.") % {"col": label["capacity"], "v": capacity_text}
            )
    row.record = dict(
        role=role or MemberRole.PARTNER,
        iati_role=iati_role or "",
        is_core_group=_bool(row, "core_group", label["core_group"]),
        joined_on=joined,
        left_on=left,
        capacity_person_days=capacity,
    )
    if not row.errors:
        labels = {
            "capacity_person_days": label["capacity"],
            "joined_on": label["joined_on"],
            "left_on": label["left_on"],
        }
        _model_errors(row, Membership(**row.record), ["partnership", "organisation"], labels)
    if row.organisation:
        org = row.organisation.pk
        if (org, joined) in lookups.memberships:
            row.skip = _("%(org)s already has this membership: skipped.") % {"org": row.organisation.name}
        elif left is None and org in lookups.members:
            row.skip = _("%(org)s is already a member: skipped.") % {"org": row.organisation.name}


def _map_entry(row, lookups):
    label = {c.key: str(c.label) for c in MAP_COLUMNS}
    engagement_text = row.values.get("engagement", "").strip()
    engagement = _choice(engagement_text, EngagementLevel.choices) if engagement_text else EngagementLevel.IDENTIFIED
    if engagement is None:
        row.errors.append(
            _("Engagement: “%(v)s” is not one of %(choices)s.")
            % {"v": engagement_text, "choices": ", ".join(str(lbl) for _v, lbl in EngagementLevel.choices)}
        )
    row.record = dict(
        power=_score(row, "power", label["power"]),
        interest=_score(row, "interest", label["interest"]),
        influence=_score(row, "influence", label["influence"], default=3),
        engagement=engagement or EngagementLevel.IDENTIFIED,
        is_target_group=_bool(row, "target_group", label["target_group"]),
        is_key=_bool(row, "key_stakeholder", label["key_stakeholder"]),
        is_champion=_bool(row, "champion", label["champion"]),
        country_id=_country(row, lookups, "map_country", label["map_country"]),
        last_engaged_on=_parse_date(row, "last_engaged_on", label["last_engaged_on"]),
        notes=row.values.get("notes", "").strip(),
    )
    if not row.errors:
        _model_errors(row, StakeholderMapEntry(**row.record), ["partnership", "organisation", "country"], label)
    if row.organisation and row.organisation.pk in lookups.map_orgs:
        row.skip = _("%(org)s is already on the map: skipped.") % {"org": row.organisation.name}


def preview(*, partnership, kind, filename, content, by=None) -> Preview:
    """Read and check a whole file against the registry and the partnership; writes nothing."""
    result = Preview(kind=kind, filename=filename)
    try:
        headers, rows = read_table(filename, content)
    except FileProblem as exc:
        result.problems.append(str(exc))
        return result

    columns = COLUMNS[kind]
    known = {}
    for column in columns:
        known[column.key] = column.key
        known[header_key(column.label)] = column.key
    positions, unknown = {}, []
    for position, header in enumerate(headers):
        key = known.get(header_key(header))
        if key is None:
            if header_key(header) in INFORMATIONAL:
                result.ignored.append(header)
            elif header or any(len(r) > position and r[position] for r in rows):
                unknown.append(header or _("column %(n)d (no name)") % {"n": position + 1})
            continue
        if key in positions:
            result.problems.append(_("The column “%(h)s” appears twice.") % {"h": header})
        positions[key] = position
        result.columns.append((key, header))
    missing = [str(c.label) for c in columns if c.required and c.key not in positions]
    if missing:
        result.problems.append(_("Missing columns: %(cols)s.") % {"cols": ", ".join(missing)})
    if unknown:
        result.problems.append(
            _("Unknown columns: %(cols)s. The columns for this kind of file are: %(known)s.")
            % {"cols": ", ".join(unknown), "known": ", ".join(str(c.label) for c in columns)}
        )
    data_rows = [(n, r) for n, r in enumerate(rows, start=2) if any(r)]
    if not data_rows and not result.problems:
        result.problems.append(_("The file has column names but no rows."))
    if len(data_rows) > MAX_ROWS:
        result.problems.append(str(files.too_many_rows()))
    if result.problems:
        return result

    lookups = _Lookups(partnership, kind)
    if kind == ImportKind.CONTACTS:
        lookups.load_member_of()
    existing_contacts = set()
    if kind == ImportKind.CONTACTS:
        for org, email, name in ContactPerson.objects.values_list("organisation_id", "email", "name"):
            if email:
                existing_contacts.add((org, email.lower()))
            existing_contacts.add((org, normalise_name(name)))
    seen, seen_contacts = {}, {}
    for number, cells in data_rows:
        values = {key: (cells[pos] if pos < len(cells) else "") for key, pos in positions.items()}
        row = Row(number=number, values=values)
        row.shown = [(header, values[key]) for key, header in result.columns if key != "organisation" and values[key]]
        _organisation(row, lookups, seen, kind)
        if kind == ImportKind.CONTACTS:
            _contact(row, lookups, existing_contacts, seen_contacts)
            _signing_authority(row, lookups, by)
        elif kind == ImportKind.MEMBERS:
            _membership(row, lookups)
        else:
            _map_entry(row, lookups)
        result.rows.append(row)
    return result
