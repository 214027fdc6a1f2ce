"""Who is who: the organisation registry and its contact persons, the partnerships with their countries and SDGs,
the user accounts and their roles, memberships and the stakeholder maps.

The bench users the benchmark signs in as: `bench_secretariat` holds the secretariat role on every partnership;
`bench_partner` (a contact of "Bench Growers' Cooperative") and `bench_donor` (a contact of "Bench Impact
Foundation") hold their roles on every second partnership, whose member their organisations are.
"""

import datetime as dt

from django.contrib.auth import get_user_model

from msp.models import Country, Partnership, PartnershipRole, Role, SdgTarget
from stakeholders.models import (
    ContactPerson,
    EngagementLevel,
    IatiRole,
    Invitation,
    MemberRole,
    Membership,
    Organisation,
    OrganisationType,
    Sector,
    Seniority,
    StakeholderMapEntry,
)

from . import context as c
from .words import (
    FIRST_NAMES,
    LAST_NAMES,
    ORGANISATION_KINDS,
    PARTNERSHIP_THEMES,
    PLACES,
    PROBLEMS,
    SECTOR_TYPES,
    WORDS,
)

COUNTRIES = ["GH", "CI", "KE", "TZ", "UG", "ET", "SN", "BF", "ML", "NG", "BD", "IN", "VN", "KH", "PE", "CO", "BO",
             "GT", "HN", "DE", "FR", "NL", "GB", "CH", "BE"]  # fmt: skip
BENCH_USERS = ("bench_secretariat", "bench_partner", "bench_donor")


def bench_member(index):
    """Whether the bench partner's and donor's organisations are members of the partnership of `index`."""
    return index % 2 == 0


def build(ctx):
    _organisations(ctx)
    _staff_and_bench_users(ctx)
    _partnerships(ctx)
    _memberships(ctx)
    _map(ctx)
    _users_and_roles(ctx)


def person(ctx):
    return f"{ctx.pick(FIRST_NAMES)} {ctx.pick(LAST_NAMES)}"


def _organisations(ctx):
    countries = set(Country.objects.filter(code__in=COUNTRIES).values_list("code", flat=True))
    countries = [code for code in COUNTRIES if code in countries]
    types = set(OrganisationType.objects.values_list("code", flat=True))
    rows, seen = [], set()
    sectors = list(Sector.values)
    for i in range(ctx.sizes.organisations - 2):
        sector = sectors[i % len(sectors)]
        kind = ctx.pick(ORGANISATION_KINDS[sector])
        name = kind.format(place=ctx.pick(PLACES), word=ctx.pick(WORDS))
        if name in seen:
            name = f"{name} {ctx.pick(PLACES)}"
        if name in seen:
            name = f"{name} ({i})"
        seen.add(name)
        code = SECTOR_TYPES[sector]
        rows.append(
            Organisation(
                name=name,
                short_name="".join(w[0] for w in name.split() if w[:1].isupper())[:8],
                sector=sector,
                iati_type_id=code if code in types else None,
                country_id=ctx.pick(countries) if countries else None,
                website=f"https://org{i}.example.org" if i % 3 else "",
                iati_identifier=f"XM-BENCH-{i:06d}" if i % 4 == 0 else "",
                description=f"{name} works on {ctx.pick(WORDS).lower()} with partners across the region.",
            )
        )
    rows.append(Organisation(name="Bench Growers' Cooperative", short_name="BGC", sector=Sector.CIVIL_SOCIETY,
                             iati_type_id="22" if "22" in types else None))  # fmt: skip
    rows.append(Organisation(name="Bench Impact Foundation", short_name="BIF", sector=Sector.FUNDER,
                             iati_type_id="60" if "60" in types else None, iati_identifier="XM-BENCH-FUNDER"))  # fmt: skip
    ctx.organisations = ctx.bulk(Organisation, rows)
    ctx.countries = countries
    ctx.bench_partner_org, ctx.bench_donor_org = ctx.organisations[-2:]
    contacts = []
    for organisation in ctx.organisations:
        for k in range(c.CONTACTS_PER_ORGANISATION):
            name = person(ctx)
            contacts.append(
                ContactPerson(
                    organisation=organisation,
                    name=name,
                    job_title=ctx.pick(["Director", "Programme manager", "Officer", "Coordinator", "Advisor"]),
                    seniority=[Seniority.EXECUTIVE, Seniority.STAFF][k % 2],
                    email=f"{name.split()[0].lower()}.{organisation.pk}.{k}@org.example",
                    may_sign=k == 0,
                )
            )
    for contact in ctx.bulk(ContactPerson, contacts):
        ctx.contacts.setdefault(contact.organisation_id, []).append(contact)


def _user(ctx, username, first, last):
    return get_user_model()(
        username=username, first_name=first, last_name=last, email=f"{username}@bench.example",
        password=ctx.password_hash,
    )  # fmt: skip


def _staff_and_bench_users(ctx):
    User = get_user_model()
    staff = [
        _user(ctx, f"bench_staff{i}", *person(ctx).split(" ", 1))
        for i in range(-(-ctx.sizes.partnerships // c.PARTNERSHIPS_PER_STAFF))
    ]
    bench = [_user(ctx, name, "Bench", name.split("_")[1].capitalize()) for name in BENCH_USERS]
    rows = ctx.bulk(User, staff + bench)
    ctx.staff = rows[: len(staff)]
    ctx.users = {name: rows[len(staff) + i] for i, name in enumerate(BENCH_USERS)}
    # The bench partner and donor act for their organisations: they are those organisations' contacts.
    links = [(ctx.bench_partner_org, ctx.users["bench_partner"]), (ctx.bench_donor_org, ctx.users["bench_donor"])]
    ctx.bulk(ContactPerson, [
        ContactPerson(organisation=org, name=f"{user.first_name} {user.last_name}", email=user.email, user=user,
                      may_sign=True, seniority=Seniority.SENIOR)
        for org, user in links
    ])  # fmt: skip


def _partnerships(ctx):
    rows, plans = [], []
    for i in range(ctx.sizes.partnerships):
        theme, place = PARTNERSHIP_THEMES[i % len(PARTNERSHIP_THEMES)], PLACES[(i // 7) % len(PLACES)]
        started = ctx.today - dt.timedelta(days=ctx.rng.randint(800, 1400))
        # Most partnerships implement; some are still being set up, a few develop further.
        # In an order that gives even a tiny data set one of each (the first, the bench users', implements).
        phase = [3, 2, 3, 1, 4, 3, 3, 2, 3, 3]
        partnership = Partnership(
            name=f"{place} {theme} Partnership {i + 1}",
            problem_statement=ctx.pick(PROBLEMS).format(place=place, theme=theme.lower()),
            planned_approach=f"Farmer field schools, shared data and joint advocacy on {theme.lower()} in {place}.",
            partnership_fit="yes",
            fit_rationale="No single organisation holds the land rights, the buyers and the extension services.",
            vision=f"By 2030, {theme.lower()} in {place} is fair, resilient and profitable for smallholders.",
            currency_id="EUR",
            phase=phase[i % len(phase)],
            phase_since=ctx.moment(started + dt.timedelta(days=400)),
            created_by=ctx.staff[i // c.PARTNERSHIPS_PER_STAFF],
        )
        rows.append(partnership)
        plans.append(c.Plan(partnership=partnership, index=i, started=started))
    ctx.bulk(Partnership, rows)
    ctx.plans = plans
    targets = list(SdgTarget.objects.values_list("code", "goal_id"))
    countries, goals, sdg_targets = [], [], []
    for plan in plans:
        pk = plan.partnership.pk
        for code in ctx.pick(ctx.countries, 2):
            countries.append(Partnership.countries.through(partnership_id=pk, country_id=code))
        chosen = ctx.pick(targets, 3)
        for goal in sorted({g for _, g in chosen}):
            goals.append(Partnership.sdg_goals.through(partnership_id=pk, sdggoal_id=goal))
        for code, _ in chosen:
            sdg_targets.append(Partnership.sdg_targets.through(partnership_id=pk, sdgtarget_id=code))
    ctx.bulk(Partnership.countries.through, countries)
    ctx.bulk(Partnership.sdg_goals.through, goals)
    ctx.bulk(Partnership.sdg_targets.through, sdg_targets)


def _memberships(ctx):
    ordinary = ctx.organisations[:-2]
    funders = [o for o in ordinary if o.sector == Sector.FUNDER]
    rows = []
    for plan in ctx.plans:
        chosen = [ctx.bench_partner_org, ctx.bench_donor_org] if bench_member(plan.index) else [ctx.pick(funders)]
        others = [o for o in ctx.pick(ordinary, c.MEMBERS + 2) if o not in chosen]
        chosen += others[: c.MEMBERS - len(chosen)]
        plan.funder = chosen[1] if bench_member(plan.index) else chosen[0]
        plan.host = chosen[-1]
        for k, organisation in enumerate(chosen):
            role = (MemberRole.FUNDER if organisation == plan.funder else MemberRole.SECRETARIAT_HOST
                    if organisation == plan.host else MemberRole.INITIATOR if k == 0 else
                    MemberRole.CORE_PARTNER if k < 6 else MemberRole.PARTNER)  # fmt: skip
            iati = IatiRole.FUNDING if role == MemberRole.FUNDER else IatiRole.IMPLEMENTING if k < 8 else ""
            rows.append(
                Membership(
                    partnership=plan.partnership, organisation=organisation, role=role, iati_role=iati,
                    is_core_group=k < 6, joined_on=plan.started + dt.timedelta(days=k * 9),
                    capacity_person_days=ctx.rng.choice([None, 20, 60, 120, 220]),
                )
            )  # fmt: skip
            plan.members.append(rows[-1])
    ctx.bulk(Membership, rows)


def _map(ctx):
    ordinary = ctx.organisations[:-2]
    levels = [EngagementLevel.INFORMED, EngagementLevel.CONSULTED, EngagementLevel.INVOLVED, EngagementLevel.PARTNER]
    rows = []
    for plan in ctx.plans:
        members = plan.organisations
        outside = [o for o in ctx.pick(ordinary, c.MAP_ENTRIES + c.MEMBERS) if o not in members]
        for k, organisation in enumerate(members + outside[: c.MAP_ENTRIES - len(members)]):
            member = k < len(members)
            rows.append(
                StakeholderMapEntry(
                    partnership=plan.partnership, organisation=organisation,
                    power=ctx.rng.randint(1, 5), interest=ctx.rng.randint(1, 5), influence=ctx.rng.randint(1, 5),
                    engagement=EngagementLevel.PARTNER if member else ctx.pick(levels + [EngagementLevel.IDENTIFIED]),
                    is_target_group=not member and k % 5 == 0, is_key=k % 6 == 0, is_champion=k == 1,
                    country_id=ctx.pick(ctx.countries) if ctx.countries else None,
                    last_engaged_on=ctx.past_day(ctx.today - dt.timedelta(days=300)),
                    notes="Met at the regional stakeholder forum." if k % 4 == 0 else "",
                )
            )  # fmt: skip
    ctx.bulk(StakeholderMapEntry, rows)


def _users_and_roles(ctx):
    """Each partnership: its secretariat staff member, two partner users (contacts of members) and a donor user;
    the bench users on theirs; a pending invitation of one more contact."""
    User = get_user_model()
    users, links, made = [], [], {}  # made: contact pk -> user (a person may work with several partnerships)
    for plan in ctx.plans:
        excluded = (ctx.bench_partner_org, ctx.bench_donor_org, plan.funder)
        candidates = [o for o in plan.organisations if o not in excluded]
        for organisation in [*candidates[:2], plan.funder]:
            if organisation == ctx.bench_donor_org:
                continue
            contact = ctx.contacts[organisation.pk][0]
            user = made.get(contact.pk)
            if user is None:
                first, last = contact.name.split(" ", 1)
                user = made[contact.pk] = _user(ctx, f"bench_person{len(users) + 1}", first, last)
                users.append(user)
                links.append((contact, user))
            if organisation == plan.funder:
                plan.donor = user
            else:
                plan.partners.append(user)
    ctx.bulk(User, users)
    for contact, user in links:
        contact.user = user
    ContactPerson.objects.bulk_update([contact for contact, _ in links], ["user"], batch_size=c.BATCH)
    roles, invitations = [], []
    bench = ctx.users
    for plan in ctx.plans:
        p = plan.partnership
        plan.secretariat = ctx.staff[plan.index // c.PARTNERSHIPS_PER_STAFF]
        granted = [(plan.secretariat, Role.SECRETARIAT), (bench["bench_secretariat"], Role.SECRETARIAT)]
        granted += [(user, Role.PARTNER) for user in plan.partners]
        if bench_member(plan.index):
            granted += [(bench["bench_partner"], Role.PARTNER), (bench["bench_donor"], Role.DONOR)]
            plan.partners.append(bench["bench_partner"])
            plan.donor = plan.donor or bench["bench_donor"]
        elif plan.donor is not None:
            granted.append((plan.donor, Role.DONOR))
        seen = set()
        for user, role in granted:
            if user.pk not in seen:
                seen.add(user.pk)
                roles.append(PartnershipRole(partnership=p, user=user, role=role, granted_by=plan.secretariat))
        invited = ctx.contacts[plan.organisations[3].pk][1]
        invitations.append(
            Invitation(partnership=p, contact=invited, role=Role.PARTNER, email=invited.email,
                       created_by=plan.secretariat, expires_at=ctx.now + dt.timedelta(days=5),
                       sent_at=ctx.now - dt.timedelta(days=2), send_count=1)
        )  # fmt: skip
    ctx.bulk(PartnershipRole, roles)
    ctx.bulk(Invitation, invitations)
