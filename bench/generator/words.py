"""Words the generator builds names and texts from, so the data reads like a real installation's."""

FIRST_NAMES = ["Amina", "Joseph", "Kwame", "Fatou", "Lena", "Pablo", "Sara", "Ibrahim", "Grace", "Tomás", "Mei",
               "Anil", "Chloé", "Jonas", "Esi", "Moussa", "Priya", "Lucía", "Daniel", "Wanjiru", "Olga", "Kofi",
               "Aïssata", "Hugo", "Nadia", "Samuel", "Yaw", "Rosa", "Thandiwe", "Lukas"]  # fmt: skip
LAST_NAMES = ["Mensah", "Diallo", "Kariuki", "Schneider", "Nguyen", "Okafor", "Traoré", "García", "Müller",
              "Banda", "Osei", "Dubois", "Rahman", "Achieng", "Silva", "Kone", "Fischer", "Mwangi", "Martin",
              "Tesfaye", "Boateng", "Ouédraogo", "Pérez", "Hoang", "Nakato", "Sow", "Weber", "Quispe"]  # fmt: skip
PLACES = ["Ashanti", "Volta", "Kisumu", "Mekong", "Sahel", "Andes", "Rift Valley", "Niger Delta", "Lake Victoria",
          "Casamance", "Oromia", "Cusco", "Mindanao", "Sundarbans", "Altiplano", "Kilimanjaro", "Mopti", "Huila",
          "Copán", "Tigray", "Kasai", "Gulu", "Tamale", "Savannakhet", "Chiapas"]  # fmt: skip
WORDS = ["Water", "Cocoa", "Coffee", "Cotton", "Textile", "Health", "Energy", "Fisheries", "Soil", "Climate",
         "Dairy", "Rice", "Forest", "Solar", "Seed", "Nutrition", "Education", "Sanitation", "Tea", "Cashew",
         "Shea", "Livestock", "Irrigation", "Market", "Finance"]  # fmt: skip
ORGANISATION_KINDS = {
    "public": ["Ministry of {word}, {place}", "{place} {word} Authority", "{place} County Council",
               "{place} {word} Regulatory Board"],
    "private": ["{place} {word} Ltd", "{word} Traders {place}", "{word} Exporters {place} plc",
                "{place} {word} Processing GmbH"],
    "civil_society": ["{place} Farmers' Union", "{word} Alliance {place}", "{place} Women's {word} Network",
                      "{place} Smallholder {word} Cooperative"],
    "academia": ["University of {place}", "{place} {word} Research Institute", "{word} Institute of {place}"],
    "funder": ["{word} Futures Foundation", "{place} {word} Fund", "{word} Impact Trust"],
    "multilateral": ["{word} Programme for {place}", "Regional {word} Facility {place}"],
}  # fmt: skip
# IATI organisation type of each sector (IATI OrganisationType codelist).
SECTOR_TYPES = {"public": "10", "private": "70", "civil_society": "22", "academia": "80", "funder": "60",
                "multilateral": "40"}  # fmt: skip
PARTNERSHIP_THEMES = ["Cocoa", "Water", "Textile", "Coffee", "Rice", "Dairy", "Cotton", "Forest", "Fisheries",
                      "Nutrition", "Solar Energy", "Sanitation", "Cashew", "Tea", "Climate Resilience"]  # fmt: skip
PROBLEMS = [
    "Smallholders in {place} lose a third of their {theme} harvest to drought, pests and poor storage.",
    "Child labour persists in {place}'s {theme} supply chains because incomes stay below a living income.",
    "Falling yields and unfair prices push young people in {place} out of {theme}.",
    "{place}'s {theme} sector pollutes rivers that a million people drink from.",
]
OUTCOMES = ["Farmers earn a living income", "Yields rise sustainably", "Supply chains are traceable",
            "Women lead producer groups", "Water use is efficient", "Children are in school, not in fields",
            "Forests are protected", "Buyers pay a fair premium"]  # fmt: skip
OUTPUTS = ["farmers trained in good practices", "producer groups registered", "hectares under agroforestry",
           "water points rehabilitated", "village savings groups started", "traceability records kept",
           "extension officers trained", "demonstration plots set up", "buyers signed fair-price contracts",
           "schools reached by awareness sessions"]  # fmt: skip
DECISIONS = ["Adopt the annual work plan", "Approve the monitoring framework", "Admit a new member",
             "Open a working group on traceability", "Agree the communication guidelines",
             "Allocate the capacity-development budget", "Extend the pilot to two more districts",
             "Approve the grievance procedure", "Commission a mid-term review", "Endorse the advocacy position",
             "Set the meeting calendar", "Approve the budget revision"]  # fmt: skip
LESSONS = ["Joint field visits built trust faster than workshops", "Late data entry hid a falling yield",
           "Sharing the budget openly settled a dispute", "A single coordinator became a bottleneck",
           "Farmers' own records beat surveys"]  # fmt: skip
RISKS = ["Drought reduces the harvest", "A key buyer leaves the partnership", "Exchange rate losses",
         "Staff turnover at the secretariat", "Elections delay the regulator's commitment"]  # fmt: skip
