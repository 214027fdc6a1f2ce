"""Demo users and partnerships (the core). Idempotent: what exists is left alone.

Other apps add to the same partnerships in their own demo.py, called after this one in layer order.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission

from .models import Partnership, PartnershipRole, Role

PASSWORD = "msp-demo"

USERS = {
    # username: (first, last, e-mail, what they are in the demo)
    "amina": ("Amina", "Mensah", "amina.mensah@cocoa-partnership.example", "secretariat"),
    "joseph": ("Joseph", "Kamau", "joseph.kamau@uppertana-water.example", "secretariat"),
    "kofi": ("Kofi", "Boateng", "kofi.boateng@ghanacocoa.example", "partner"),
    "awa": ("Awa", "Koné", "awa.kone@coopcacao-ci.example", "partner"),
    "wanjiru": ("Wanjiru", "Njoroge", "wanjiru.njoroge@tana-wra.example", "partner"),
    "daniel": ("Daniel", "Weber", "daniel.weber@fund-for-partnerships.example", "donor"),
    "admin": ("Ada", "Admin", "admin@msp.example", "administrator"),
}

PARTNERSHIPS = {
    "cocoa": dict(
        name="Sustainable Cocoa Partnership Ghana & Côte d'Ivoire",
        problem_statement=(
            "Cocoa farming households in Ghana and Côte d'Ivoire earn far below a living income, while the "
            "expansion of cocoa farms drives deforestation inside protected forests. Child labour persists where "
            "household incomes are lowest. Prices, land use and farming practice are each in different hands."
        ),
        planned_approach=(
            "Bring the cocoa regulators of both countries, chocolate manufacturers, traders, farmer cooperatives "
            "and NGOs onto one roadmap: traceability to the farm, living-income reference prices, agroforestry, "
            "and community-based child-labour monitoring and remediation."
        ),
        partnership_fit="yes",
        fit_rationale=(
            "No actor can do it alone: prices sit with industry and regulators, land use with government, "
            "practices with cooperatives. Earlier single-company programmes stayed islands."
        ),
        vision="By 2030, cocoa from Ghana and Côte d'Ivoire is deforestation-free and its farmers earn a living income.",
        currency_id="EUR",
        # Its agreements are kept in French (Côte d'Ivoire); its texts stay as written, in English.
        language="fr",
        countries=["GH", "CI"],
        goals=[1, 8, 12, 15],
        targets=["1.2", "8.7", "12.2", "15.2"],
    ),
    "water": dict(
        name="Upper Tana Water Partnership, Kenya",
        problem_statement=(
            "The Upper Tana catchment supplies most of Nairobi's water and half of Kenya's hydropower, but soil "
            "erosion from farms on steep slopes silts the reservoirs, and dry-season flows fall every year. "
            "Smallholders, the water utility, the power producer and county governments all depend on the same "
            "rivers without a common plan."
        ),
        planned_approach=(
            "Pay for upstream soil and water conservation on 50,000 smallholder farms through a water fund "
            "co-financed by downstream users, with the Water Resources Authority monitoring flows and sediment."
        ),
        partnership_fit="yes",
        fit_rationale="Downstream users pay, upstream farmers act, public bodies regulate: only together does it work.",
        vision="Clean, reliable water for Nairobi and the farms of the Upper Tana, all year round.",
        currency_id="USD",
        language="en",
        countries=["KE"],
        goals=[6, 15],
        targets=["6.1", "6.3", "6.4", "6.5", "15.3"],
    ),
    "textile": dict(
        name="Living Wages in Bangladesh's Garment Supply Chains",
        problem_statement=(
            "Garment workers in Bangladesh, most of them women, earn wages that do not cover a family's basic "
            "needs. Brands, factories, unions and the government each point at the others."
        ),
        planned_approach="Start with a wage gap analysis in ten factories and a dialogue forum of brands, "
        "manufacturers' associations and unions.",
        partnership_fit="unsure",
        fit_rationale="Trust between unions and manufacturers is low; the first months will show whether a joint "
        "table is possible.",
        vision="",
        currency_id="EUR",
        language="en",
        countries=["BD"],
        goals=[8],
        targets=["8.5", "8.8"],
    ),
}

ROLES = [
    ("cocoa", "amina", Role.SECRETARIAT),
    ("cocoa", "kofi", Role.PARTNER),
    ("cocoa", "awa", Role.PARTNER),
    ("cocoa", "daniel", Role.DONOR),
    ("water", "joseph", Role.SECRETARIAT),
    ("water", "amina", Role.SECRETARIAT),
    ("water", "wanjiru", Role.PARTNER),
    ("water", "daniel", Role.DONOR),
    ("textile", "amina", Role.SECRETARIAT),
]


def load(ctx):
    User = get_user_model()
    add_partnership = Permission.objects.get(codename="add_partnership", content_type__app_label="msp")
    users = {}
    for username, (first, last, email, kind) in USERS.items():
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": first, "last_name": last, "email": email}
        )
        if created:
            user.set_password(PASSWORD)
            if kind == "administrator":
                user.is_staff = user.is_superuser = True
            user.save()
        if kind == "secretariat":
            user.user_permissions.add(add_partnership)
        users[username] = user
    ctx["users"] = users

    partnerships = {}
    for key, spec in PARTNERSHIPS.items():
        spec = dict(spec)
        countries, goals, targets = spec.pop("countries"), spec.pop("goals"), spec.pop("targets")
        partnership = Partnership.objects.filter(name=spec["name"]).first()
        if partnership is None:
            partnership = Partnership.objects.create(created_by=users["amina"], **spec)
            partnership.countries.set(countries)
            partnership.sdg_goals.set(goals)
            partnership.sdg_targets.set(targets)
            ctx.setdefault("new", set()).add(key)
        partnerships[key] = partnership
    ctx["partnerships"] = partnerships

    for key, username, role in ROLES:
        PartnershipRole.objects.get_or_create(
            partnership=partnerships[key], user=users[username], defaults={"role": role}
        )


def logins():
    """Lines the run command prints."""
    lines = [f"Demo logins (password for all: {PASSWORD}):"]
    for username, (first, last, _email, kind) in USERS.items():
        lines.append(f"  {username:<9} {first} {last}, {kind}")
    if settings.REQUIRE_TWO_FACTOR:
        lines.append(
            "Two-factor sign-in is required of secretariat staff and administrators (REQUIRE_TWO_FACTOR): they set it "
            "up at their first sign-in; a script gives one a device with `manage.py two_factor_device USERNAME`."
        )
    return lines
