"""Demo organisations for the registry, across sectors and countries, and their contact persons (some of them the
demo users, so those act for an organisation). Loaded by `demo.load`, before the partnerships' members and maps.

Idempotent: every row is looked up by its natural key first and left alone when it exists. The organisations
are invented (realistic, not real bodies), so the demo attributes no commitments to anyone.
"""

from .models import ContactPerson, Organisation

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


def load(users) -> tuple[dict, dict]:
    """The demo organisations by name and contact persons by name, created where missing."""
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
    return orgs, contacts
