"""What an import does with each row, checked against the registry and the partnership before anything is written:
which organisation the row is about (one in the registry, one an earlier row creates, or a new one, with a warning
when its name is close to one in the registry), and the contact person, membership or map entry it adds or skips as
already there."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.codelists import cldr_name
from msp.models import Country

from . import countries
from . import import_rows as rows
from .columns import CONTACT_COLUMNS, MAP_COLUMNS, MEMBER_COLUMNS, ORGANISATION_COLUMNS, ImportKind, labels
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
from .selectors import likeness, normalise_name


class Lookups:
    """Reference data and the registry, read once per import."""

    def __init__(self, partnership, kind):
        codelist = list(Country.objects.values_list("code", "name"))
        self.country_names = {code: cldr_name("territories", code, name) for code, name in codelist}  # in messages
        self.countries = countries.names_to_codes(codelist)
        self.types = {}
        for code, *names in OrganisationType.objects.values_list("code", "name", "name_fr"):
            self.types[code] = code
            for name in filter(None, names):  # English and French: an export in either imports back
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
        self.contacts = set()  # (organisation, e-mail) and (organisation, normalised name) of registry contacts
        if kind == ImportKind.CONTACTS:
            self._load_member_of()
            for org, email, name in ContactPerson.objects.values_list("organisation_id", "email", "name"):
                if email:
                    self.contacts.add((org, email.lower()))
                self.contacts.add((org, normalise_name(name)))

    def _load_member_of(self):
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


def check_organisation(row, lookups, seen, kind):
    """Settle which organisation the row is about: an existing one, one created by an earlier row, or a new one."""
    name = row.values.get("organisation", "").strip()
    label = labels(ORGANISATION_COLUMNS)
    if not name:
        row.errors.append(_("Organisation is missing."))
        return
    sector_text = row.values.get("sector", "").strip()
    sector = rows.choice(row, "sector", label["sector"], Sector.choices, None)
    type_text = row.values.get("iati_type", "").strip()
    iati_type = None
    if type_text:
        iati_type = lookups.types.get(type_text) or lookups.types.get(normalise_name(type_text))
        if iati_type is None:
            row.errors.append(
                _("IATI organisation type: “%(v)s” is not in the IATI codelist (e.g. 22 National NGO).")
                % {"v": type_text}
            )
    country = rows.country(row, lookups, "country", label["country"])
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
    rows.model_errors(row, Organisation(**fields), ["iati_type", "country", "sector"], label)
    row.new_organisation = fields
    similar = lookups.similar(normal, normalise_name(fields["short_name"]))
    if similar:
        row.warnings.append(
            _(
                "Possible duplicate: the registry already has %(names)s. The row creates a new organisation; to use the existing one, write its name exactly."
            )
            % {"names": ", ".join(f"“{n}”" for n in similar)}
        )


def check_contact(row, lookups, seen_contacts):
    label = labels(CONTACT_COLUMNS)
    name = row.values.get("contact_name", "").strip()
    others = [k for k in ("job_title", "email", "phone") if row.values.get(k, "").strip()]
    if not name:
        if others:
            row.errors.append(_("Contact name is missing (the row has other contact details)."))
        return  # an organisation-only row
    seniority = rows.choice(row, "seniority", label["seniority"], Seniority.choices, Seniority.STAFF)
    fields = dict(
        name=name,
        job_title=row.values.get("job_title", "").strip(),
        seniority=seniority,
        email=row.values.get("email", "").strip(),
        phone=row.values.get("phone", "").strip(),
        is_active=rows.yes_no(row, "active", label["active"], default=True),
        may_sign=rows.yes_no(row, "may_sign", label["may_sign"]),
    )
    rows.model_errors(row, ContactPerson(**fields), ["organisation", "user"], {**label, "name": label["contact_name"]})
    identity = (row.org_key, fields["email"].lower() or normalise_name(name))
    if identity in seen_contacts:
        row.errors.append(_("The same contact person as row %(n)d.") % {"n": seen_contacts[identity]})
    seen_contacts.setdefault(identity, row.number)
    if row.organisation and (
        (row.organisation.pk, fields["email"].lower()) in lookups.contacts
        or (row.organisation.pk, normalise_name(name)) in lookups.contacts
    ):
        row.skip = _("%(name)s is already a contact of %(org)s: skipped.") % {
            "name": name,
            "org": row.organisation.name,
        }
    row.record = fields


def check_signing_authority(row, lookups, by):
    """A new contact who may sign for a registry organisation that partnerships rely on needs their secretariat."""
    if by is None or row.skip or not row.record or not row.record["may_sign"] or row.organisation is None:
        return
    if not lookups.may_add_signatory(by, row.organisation.pk):
        row.errors.append(f"{CONTACT_COLUMNS[-1].label}: {authority_refusal(row.organisation)}")


def check_membership(row, lookups):
    label = labels(MEMBER_COLUMNS)
    role = rows.choice(row, "member_role", label["member_role"], MemberRole.choices, MemberRole.PARTNER)
    iati_role = rows.choice(row, "iati_role", label["iati_role"], IatiRole.choices, "")
    joined = rows.date(row, "joined_on", label["joined_on"]) or timezone.localdate()
    left = rows.date(row, "left_on", label["left_on"])
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
        role=role,
        iati_role=iati_role,
        is_core_group=rows.yes_no(row, "core_group", label["core_group"]),
        joined_on=joined,
        left_on=left,
        capacity_person_days=capacity,
    )
    if not row.errors:
        field_labels = {
            "capacity_person_days": label["capacity"],
            "joined_on": label["joined_on"],
            "left_on": label["left_on"],
        }
        rows.model_errors(row, Membership(**row.record), ["partnership", "organisation"], field_labels)
    if row.organisation:
        org = row.organisation.pk
        if (org, joined) in lookups.memberships:
            row.skip = _("%(org)s already has this membership: skipped.") % {"org": row.organisation.name}
        elif left is None and org in lookups.members:
            row.skip = _("%(org)s is already a member: skipped.") % {"org": row.organisation.name}


def check_map_entry(row, lookups):
    label = labels(MAP_COLUMNS)
    engagement = rows.choice(
        row, "engagement", label["engagement"], EngagementLevel.choices, EngagementLevel.IDENTIFIED
    )
    row.record = dict(
        power=rows.score(row, "power", label["power"]),
        interest=rows.score(row, "interest", label["interest"]),
        influence=rows.score(row, "influence", label["influence"], default=3),
        engagement=engagement,
        is_target_group=rows.yes_no(row, "target_group", label["target_group"]),
        is_key=rows.yes_no(row, "key_stakeholder", label["key_stakeholder"]),
        is_champion=rows.yes_no(row, "champion", label["champion"]),
        country_id=rows.country(row, lookups, "map_country", label["map_country"]),
        last_engaged_on=rows.date(row, "last_engaged_on", label["last_engaged_on"]),
        notes=row.values.get("notes", "").strip(),
    )
    if not row.errors:
        rows.model_errors(row, StakeholderMapEntry(**row.record), ["partnership", "organisation", "country"], label)
    if row.organisation and row.organisation.pk in lookups.map_orgs:
        row.skip = _("%(org)s is already on the map: skipped.") % {"org": row.organisation.name}
