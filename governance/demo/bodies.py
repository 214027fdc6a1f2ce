"""Demo governance bodies: in each partnership a steering committee with a seat for every member (one chair), and a
secretariat with its staff. Cocoa's secretariat is hosted by a member (Forest Futures Network, whose seat on the
committee is non-voting: it coordinates) and has a full-time coordinator and a part-time officer; water's is hosted
by a neutral research institute whose coordinator works part-time for it, so its page shows what to do about that.
Water also has a working group. Idempotent: a partnership that has bodies is left alone."""

import datetime as dt

from auditlog.context import set_actor

from stakeholders.models import ContactPerson, Membership, Organisation

from .. import services
from ..models import Body

# partnership: (secretariat user, committee, chair, two-thirds majority?, host, [(person, title, role, share, from)])
PLAN = {
    "cocoa": (
        "amina",
        "Steering Committee",
        "Ghana Cocoa Sector Regulatory Authority",
        True,  # the demo MoU's governance clause asks two thirds
        "Forest Futures Network",
        [
            ("Amina Mensah", "Partnership Coordinator", "coordinator", 100, "2023-10-01"),
            ("Kwame Asante", "Programme Officer", "officer", 50, "2024-02-01"),
        ],
    ),
    "water": (
        "joseph",
        "Upper Tana Steering Committee",
        "Water Resources Authority – Tana Basin",
        False,
        "Kenya Institute for Catchment Research",
        [("Joseph Kamau", "Water Fund Coordinator", "coordinator", 60, "2024-09-01")],
    ),
}
WORKING_GROUPS = {
    "water": (
        "Monitoring Working Group",
        ["Water Resources Authority – Tana Basin", "Upper Tana Farmers' Union", "Tana Hydropower Company"],
    ),
}


def load(ctx):
    for key, plan in PLAN.items():
        partnership = ctx["partnerships"][key]
        if Body.objects.filter(partnership=partnership).exists():
            continue
        secretariat = ctx["users"][plan[0]]
        with set_actor(secretariat):
            _bodies(partnership, secretariat, *plan[1:])
            if key in WORKING_GROUPS:
                _working_group(partnership, secretariat, *WORKING_GROUPS[key])


def _members(partnership):
    return [
        m.organisation
        for m in Membership.objects.active().filter(partnership=partnership).select_related("organisation")
    ]


def _bodies(partnership, by, name, chair, two_thirds, host_name, staff):
    host = Organisation.objects.get(name=host_name)
    committee = services.body_save(
        partnership=partnership,
        by=by,
        type="steering_committee",
        name=name,
        is_primary=True,
        cadence=4,
        majority_threshold="two_thirds" if two_thirds else "simple",
    )
    for organisation in _members(partnership):
        services.seat_save(
            body=committee,
            by=by,
            organisation=organisation,
            is_voting=organisation != host,
            is_chair=organisation.name == chair,
        )
    body = services.body_save(
        partnership=partnership,
        by=by,
        type="secretariat",
        name="Secretariat",
        cadence=None,
        majority_threshold="simple",
        host_organisation=host,
    )
    for person, title, role, share, since in staff:
        contact, _created = ContactPerson.objects.get_or_create(
            organisation=host,
            name=person,
            defaults={"job_title": title, "seniority": "staff", "email": _email(person, host)},
        )
        services.staff_save(
            body=body, by=by, contact=contact, role=role, time_share=share, starts_on=dt.date.fromisoformat(since)
        )


def _working_group(partnership, by, name, seats):
    group = services.body_save(
        partnership=partnership, by=by, type="working_group", name=name, cadence=6, majority_threshold="simple"
    )
    for i, org_name in enumerate(seats):
        services.seat_save(body=group, by=by, organisation=Organisation.objects.get(name=org_name), is_chair=i == 0)


def _email(person, organisation):
    domain = (organisation.short_name or organisation.name.split()[0]).lower()
    return f"{person.split()[0].lower()}@{domain}.example"
