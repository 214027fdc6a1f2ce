"""Demo stakeholders: organisations across sectors, contact persons, members with a core group, a stakeholder map
with a target group in a partner country, and one pending invitation per partnership.

Idempotent: every row is looked up by its natural key first and left alone when it exists. The organisations
are invented (realistic, not real bodies), so the demo attributes no commitments to anyone.
"""

import datetime as dt

from auditlog.context import set_actor
from django.utils import timezone

from msp.models import Role

from .models import ContactPerson, Invitation, Membership, Organisation, StakeholderMapEntry

# name: (short name, sector, IATI type, country, website, description)
ORGANISATIONS = {
    "Ghana Cocoa Farmers' Cooperative Union": (
        "GCFCU",
        "civil_society",
        "24",
        "GH",
        "https://ghanacocoa.example",
        "Union of 62 village cooperatives in the Ashanti and Western North regions.",
    ),
    "Union des Coopératives Cacaoyères de Soubré": (
        "UCCS",
        "civil_society",
        "24",
        "CI",
        "https://coopcacao-ci.example",
        "Cocoa cooperatives of the Nawa region, Côte d'Ivoire.",
    ),
    "Ghana Cocoa Sector Regulatory Authority": (
        "GCSRA",
        "public",
        "10",
        "GH",
        "https://gcsra.example",
        "Sets producer prices and licenses buyers.",
    ),
    "Conseil Ivoirien de la Filière Cacao": (
        "CIFC",
        "public",
        "10",
        "CI",
        "https://cifc.example",
        "Regulator of the Ivorian cocoa sector.",
    ),
    "Chocolaterie Europa GmbH": ("", "private", "71", "DE", "https://chocolaterie-europa.example", ""),
    "West Africa Cocoa Traders Ltd": ("WACT", "private", "72", "GH", "", "Exporter and grinder."),
    "Forest Futures Network": ("FFN", "civil_society", "21", "NL", "https://forestfutures.example", ""),
    "Kumasi Institute for Agroforestry Research": ("KIAR", "academia", "80", "GH", "", ""),
    "Fund for Partnerships": (
        "FfP",
        "funder",
        "60",
        "DE",
        "https://fund-for-partnerships.example",
        "Foundation co-funding multi-stakeholder partnerships.",
    ),
    "Ministry of Lands and Forestry, Ghana": ("MLF", "public", "10", "GH", "", ""),
    "Cocoa-growing communities of Western North": (
        "",
        "civil_society",
        "90",
        "GH",
        "",
        "Farming households around the Sefwi forest reserves, represented by their traditional councils.",
    ),
    "Child Rights Coalition Côte d'Ivoire": ("CRC-CI", "civil_society", "22", "CI", "", ""),
    # water, Kenya
    "Water Resources Authority – Tana Basin": ("WRA Tana", "public", "15", "KE", "https://tana-wra.example", ""),
    "Nairobi Metropolitan Water Utility": ("NMWU", "public", "15", "KE", "", ""),
    "Tana Hydropower Company": ("THC", "private", "72", "KE", "", "Operates the five reservoirs of the Tana cascade."),
    "Upper Tana Farmers' Union": ("UTFU", "civil_society", "24", "KE", "", ""),
    "Murang'a County Department of Agriculture": ("", "public", "11", "KE", "", ""),
    "Kenya Institute for Catchment Research": ("KICR", "academia", "80", "KE", "", ""),
    "Smallholder farmers of the Upper Tana catchment": ("", "civil_society", "90", "KE", "", ""),
    "Nairobi Breweries Ltd": ("", "private", "72", "KE", "", "Large downstream water user."),
    "East African Development Finance Group": ("EADFG", "multilateral", "40", "KE", "", ""),
    # textile, Bangladesh
    "Bangladesh Garment Manufacturers' Forum": ("BGMF", "private", "72", "BD", "", ""),
    "United Garment Workers' Union of Bangladesh": ("UGWUB", "civil_society", "24", "BD", "", ""),
    "Nordic Fashion Brands Alliance": ("NFBA", "private", "71", "SE", "", ""),
    "Dhaka Centre for Labour Studies": ("DCLS", "academia", "80", "BD", "", ""),
    "Ministry of Labour and Employment, Bangladesh": ("", "public", "10", "BD", "", ""),
    "Women garment workers of Gazipur": ("", "civil_society", "90", "BD", "", ""),
}

# organisation: [(name, job title, seniority, e-mail, phone, may sign, demo user)]
CONTACTS = {
    "Ghana Cocoa Farmers' Cooperative Union": [
        (
            "Kofi Boateng",
            "General Secretary",
            "executive",
            "kofi.boateng@ghanacocoa.example",
            "+233 20 555 0101",
            True,
            "kofi",
        ),
        ("Ama Owusu", "Programme Officer", "staff", "ama.owusu@ghanacocoa.example", "", False, None),
    ],
    "Union des Coopératives Cacaoyères de Soubré": [
        ("Awa Koné", "Présidente", "executive", "awa.kone@coopcacao-ci.example", "+225 07 55 01 02", True, "awa"),
        ("Yao N'Guessan", "Chargé de traçabilité", "staff", "yao.nguessan@coopcacao-ci.example", "", False, None),
    ],
    "Ghana Cocoa Sector Regulatory Authority": [
        ("Dr. Esi Mensima", "Deputy Chief Executive", "executive", "esi.mensima@gcsra.example", "", True, None),
    ],
    "Conseil Ivoirien de la Filière Cacao": [
        ("Mamadou Traoré", "Directeur de la durabilité", "senior_management", "m.traore@cifc.example", "", True, None),
    ],
    "Chocolaterie Europa GmbH": [
        (
            "Lena Hoffmann",
            "Head of Sustainable Sourcing",
            "senior_management",
            "lena.hoffmann@chocolaterie-europa.example",
            "",
            True,
            None,
        ),
    ],
    "West Africa Cocoa Traders Ltd": [
        ("Samuel Adjei", "Managing Director", "executive", "s.adjei@wact.example", "", True, None),
    ],
    "Forest Futures Network": [
        (
            "Marieke de Vries",
            "Programme Director West Africa",
            "senior_management",
            "m.devries@forestfutures.example",
            "",
            True,
            None,
        ),
    ],
    "Kumasi Institute for Agroforestry Research": [
        ("Prof. Yaw Darko", "Head of Department", "senior_management", "y.darko@kiar.example", "", False, None),
    ],
    "Fund for Partnerships": [
        (
            "Daniel Weber",
            "Portfolio Manager",
            "senior_management",
            "daniel.weber@fund-for-partnerships.example",
            "",
            True,
            "daniel",
        ),
    ],
    "Water Resources Authority – Tana Basin": [
        (
            "Wanjiru Njoroge",
            "Basin Coordinator",
            "senior_management",
            "wanjiru.njoroge@tana-wra.example",
            "+254 722 555 010",
            True,
            "wanjiru",
        ),
    ],
    "Nairobi Metropolitan Water Utility": [
        ("Peter Otieno", "Director of Water Resources", "executive", "p.otieno@nmwu.example", "", True, None),
    ],
    "Tana Hydropower Company": [
        ("Grace Mutua", "Environment Manager", "senior_management", "g.mutua@thc.example", "", True, None),
    ],
    "Upper Tana Farmers' Union": [
        ("John Kariuki", "Chairman", "executive", "j.kariuki@utfu.example", "", True, None),
        ("Mercy Wambui", "Extension Coordinator", "staff", "m.wambui@utfu.example", "", False, None),
    ],
    "Murang'a County Department of Agriculture": [
        (
            "Esther Nduta",
            "County Executive for Agriculture",
            "executive",
            "e.nduta@muranga-agri.example",
            "",
            True,
            None,
        ),
    ],
    "Bangladesh Garment Manufacturers' Forum": [
        ("Farhana Rahman", "Director, Compliance", "senior_management", "f.rahman@bgmf.example", "", True, None),
    ],
    "United Garment Workers' Union of Bangladesh": [
        ("Nazma Akter", "General Secretary", "executive", "nazma.akter@ugwub.example", "", True, None),
    ],
    "Nordic Fashion Brands Alliance": [
        ("Erik Lindqvist", "Responsible Sourcing Lead", "staff", "erik.lindqvist@nfba.example", "", False, None),
    ],
}

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
        orgs = {}
        for name, (short, sector, iati_type, country, website, description) in ORGANISATIONS.items():
            orgs[name], _created = Organisation.objects.get_or_create(
                name=name,
                defaults=dict(
                    short_name=short,
                    sector=sector,
                    iati_type_id=iati_type,
                    country_id=country,
                    website=website,
                    description=description,
                ),
            )
        contacts = {}
        for org_name, people in CONTACTS.items():
            for name, title, seniority, email, phone, may_sign, username in people:
                contact, _created = ContactPerson.objects.get_or_create(
                    organisation=orgs[org_name],
                    name=name,
                    defaults=dict(job_title=title, seniority=seniority, email=email, phone=phone, may_sign=may_sign),
                )
                user = users.get(username)
                if user and contact.user_id is None and not ContactPerson.objects.filter(user=user).exists():
                    contact.user = user
                    contact.save(update_fields=["user"])
                contacts[name] = contact
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
