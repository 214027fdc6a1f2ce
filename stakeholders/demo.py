"""Demo stakeholders: organisations across sectors, contact persons (see demo_registry), members with a core
group, a stakeholder map with a target group in a partner country, and one pending invitation per partnership.

Idempotent: every row is looked up by its natural key first and left alone when it exists.
"""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp.models import Role

from . import demo_registry
from .models import Invitation, Membership, StakeholderMapEntry

# partnership: [(organisation, role, IATI role, core group, joined, declared capacity in person-days a year)]
MEMBERS = {
    "cocoa": [
        ("Ghana Cocoa Sector Regulatory Authority", "initiator", "2", True, "2023-10-01", 40),
        ("Ghana Cocoa Farmers' Cooperative Union", "core_partner", "4", True, "2023-10-01", 120),
        ("Union des Coopératives Cacaoyères de Soubré", "core_partner", "4", True, "2023-11-15", 100),
        ("Chocolaterie Europa GmbH", "core_partner", "1", True, "2023-11-15", 60),
        ("West Africa Cocoa Traders Ltd", "partner", "4", False, "2024-06-01", 30),
        ("Forest Futures Network", "secretariat_host", "3", False, "2023-10-01", 220),
        ("Fund for Partnerships", "funder", "1", False, "2024-01-10", 20),
        ("Conseil Ivoirien de la Filière Cacao", "core_partner", "2", True, "2025-08-15", 80),
    ],
    "water": [
        ("Water Resources Authority – Tana Basin", "initiator", "2", True, "2024-09-01", 60),
        ("Nairobi Metropolitan Water Utility", "core_partner", "1", True, "2024-09-01", 90),
        ("Tana Hydropower Company", "core_partner", "1", True, "2024-10-15", 40),
        ("Upper Tana Farmers' Union", "core_partner", "4", True, "2024-10-15", 150),
        ("Murang'a County Department of Agriculture", "implementing", "4", False, "2025-02-01", 50),
        ("Fund for Partnerships", "funder", "1", False, "2025-03-01", 15),
    ],
    "textile": [
        ("Bangladesh Garment Manufacturers' Forum", "initiator", "", True, "2025-11-01", 30),
        ("United Garment Workers' Union of Bangladesh", "core_partner", "", True, "2025-11-01", 40),
        ("Nordic Fashion Brands Alliance", "partner", "", False, "2025-12-01", 20),
    ],
}

# partnership: [(organisation, power, interest, influence, engagement, target group, key, champion, located in,
#                last engaged (days ago), notes)]
MAP = {
    "cocoa": [
        ("Ghana Cocoa Sector Regulatory Authority", 5, 5, 5, "partner", False, True, True, "GH", 7, ""),
        ("Conseil Ivoirien de la Filière Cacao", 5, 4, 5, "partner", False, True, False, "CI", 28, ""),
        ("Ghana Cocoa Farmers' Cooperative Union", 3, 5, 3, "partner", False, False, False, "GH", 7, ""),
        ("Union des Coopératives Cacaoyères de Soubré", 3, 5, 3, "partner", False, False, False, "CI", 14, ""),
        ("Chocolaterie Europa GmbH", 4, 4, 4, "partner", False, True, False, "DE", 20, ""),
        ("West Africa Cocoa Traders Ltd", 4, 3, 3, "involved", False, False, False, "GH", 74, ""),
        (
            "Ministry of Lands and Forestry, Ghana",
            5,
            3,
            4,
            "informed",
            False,
            True,
            False,
            "GH",
            126,
            "Decides on forest reserve boundaries; needed for the agroforestry component.",
        ),
        (
            "Cocoa-growing communities of Western North",
            2,
            5,
            2,
            "consulted",
            True,
            False,
            False,
            "GH",
            33,
            "Three community meetings in Sefwi Wiawso; women's groups asked for a separate session.",
        ),
        ("Child Rights Coalition Côte d'Ivoire", 2, 4, 3, "consulted", False, False, False, "CI", 89, ""),
        ("Kumasi Institute for Agroforestry Research", 2, 3, 3, "informed", False, False, False, "GH", None, ""),
    ],
    "water": [
        ("Water Resources Authority – Tana Basin", 5, 5, 4, "partner", False, True, True, "KE", 5, ""),
        ("Nairobi Metropolitan Water Utility", 4, 5, 4, "partner", False, True, False, "KE", 5, ""),
        ("Tana Hydropower Company", 4, 4, 3, "partner", False, False, False, "KE", 18, ""),
        (
            "Smallholder farmers of the Upper Tana catchment",
            2,
            5,
            2,
            "involved",
            True,
            False,
            False,
            "KE",
            16,
            "Reached through the farmers' union and county extension officers.",
        ),
        ("Nairobi Breweries Ltd", 4, 4, 3, "identified", False, True, False, "KE", None, "Could co-finance the fund."),
        ("East African Development Finance Group", 5, 2, 4, "informed", False, False, False, "KE", 106, ""),
        ("Kenya Institute for Catchment Research", 1, 4, 2, "consulted", False, False, False, "KE", 69, ""),
    ],
    "textile": [
        ("Bangladesh Garment Manufacturers' Forum", 5, 3, 5, "involved", False, True, False, "BD", 30, ""),
        ("United Garment Workers' Union of Bangladesh", 3, 5, 4, "involved", False, True, False, "BD", 30, ""),
        ("Ministry of Labour and Employment, Bangladesh", 5, 3, 5, "identified", False, True, False, "BD", None, ""),
        (
            "Women garment workers of Gazipur",
            1,
            5,
            1,
            "consulted",
            True,
            False,
            False,
            "BD",
            12,
            "Focus groups in four factories.",
        ),
        ("Dhaka Centre for Labour Studies", 2, 4, 3, "consulted", False, False, False, "BD", 59, ""),
        ("Nordic Fashion Brands Alliance", 4, 4, 4, "involved", False, False, False, "SE", 38, ""),
    ],
}

# partnership: (contact, role) with a pending invitation
INVITATIONS = {
    "cocoa": ("Lena Hoffmann", Role.PARTNER),
    "water": ("John Kariuki", Role.PARTNER),
    "textile": ("Nazma Akter", Role.PARTNER),
}


def _date(text):
    return dt.date.fromisoformat(text) if text else None


def load(ctx):
    users, partnerships = ctx["users"], ctx["partnerships"]
    amina = users["amina"]
    today = timezone.localdate()
    with set_actor(amina):
        orgs, contacts = demo_registry.load(users)
        for key, members in MEMBERS.items():
            for org_name, role, iati_role, core, joined, capacity in members:
                Membership.objects.get_or_create(
                    partnership=partnerships[key],
                    organisation=orgs[org_name],
                    defaults=dict(
                        role=role,
                        iati_role=iati_role,
                        is_core_group=core,
                        joined_on=_date(joined),
                        capacity_person_days=capacity,
                    ),
                )
        for key, entries in MAP.items():
            for (
                org_name,
                power,
                interest,
                influence,
                engagement,
                target,
                is_key,
                champion,
                country,
                last,
                notes,
            ) in entries:
                StakeholderMapEntry.objects.get_or_create(
                    partnership=partnerships[key],
                    organisation=orgs[org_name],
                    defaults=dict(
                        power=power,
                        interest=interest,
                        influence=influence,
                        engagement=engagement,
                        is_target_group=target,
                        is_key=is_key,
                        is_champion=champion,
                        country_id=country,
                        last_engaged_on=None if last is None else today - dt.timedelta(days=last),
                        notes=notes,
                    ),
                )
        for key, (contact_name, role) in INVITATIONS.items():
            partnership = partnerships[key]
            if Invitation.objects.filter(partnership=partnership).exists():
                continue
            contact = contacts[contact_name]
            now = timezone.now()
            # Recorded as sent; the demo sends no e-mail.
            Invitation.objects.create(
                partnership=partnership,
                contact=contact,
                role=role,
                email=contact.email,
                created_by=amina,
                expires_at=now + timezone.timedelta(days=7),
                sent_at=now,
                send_count=1,
            )
