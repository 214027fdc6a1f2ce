"""Demo exchange rates: on the first of every month from January 2023 to this month, EUR/USD (ECB reference rates,
rounded), USD/KES (Central Bank of Kenya), GHS/EUR (Bank of Ghana), and EUR/XOF at its fixed parity (655.957,
once a year), enough to convert the demo's commitments and transactions in EUR, USD, XOF, GHS and KES into each
partnership's reporting currency (cocoa and textile: EUR; water: USD; XOF and KES to EUR go through USD or EUR).
Idempotent: a pair and day already recorded is left as it is.
"""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from ..models import ExchangeRate

# (base, quote, source, decimals, {year: the year's level}, monthly swing: added for months 1..12, in quote units)
SERIES = [
    ("EUR", "USD", "ECB", 4, {2023: "1.0800", 2024: "1.0850", 2025: "1.1100", 2026: "1.1600"}, "0.0120"),
    (
        "USD",
        "KES",
        "Central Bank of Kenya",
        2,
        {2023: "138.50", 2024: "140.20", 2025: "129.30", 2026: "129.20"},
        "2.40",
    ),
    (
        "GHS",
        "EUR",
        "Bank of Ghana",
        6,
        {2023: "0.081500", 2024: "0.064200", 2025: "0.062800", 2026: "0.078400"},
        "0.001900",
    ),
]
# The CFA franc's parity to the euro is fixed by treaty: one rate a year says so.
XOF_PARITY = Decimal("655.957")
FIRST_YEAR = 2023
# A gentle, repeatable wave over the year (no randomness: loading twice gives the same rates).
WAVE = [0, 1, 2, 1, 0, -1, -2, -1, 0, 1, 1, 0]


def _months(today):
    year, month = FIRST_YEAR, 1
    while (year, month) <= (today.year, today.month):
        yield dt.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _rates(today, by, now):
    for base, quote, source, decimals, levels, swing in SERIES:
        step = Decimal(1).scaleb(-decimals)
        for day in _months(today):
            level = Decimal(levels.get(day.year, levels[max(levels)]))
            rate = (level + Decimal(swing) * WAVE[day.month - 1] / 2).quantize(step)
            yield ExchangeRate(
                base_id=base, quote_id=quote, date=day, rate=rate, source=source, recorded_by=by, recorded_at=now
            )
    for year in range(FIRST_YEAR, today.year + 1):
        yield ExchangeRate(
            base_id="EUR",
            quote_id="XOF",
            date=dt.date(year, 1, 1),
            rate=XOF_PARITY,
            source="BCEAO (fixed parity)",
            recorded_by=by,
            recorded_at=now,
        )


def load(ctx):
    today, now = timezone.localdate(), timezone.now()
    wanted = list(_rates(today, ctx["users"]["amina"], now))
    recorded = set(ExchangeRate.objects.values_list("base_id", "quote_id", "date"))
    ExchangeRate.objects.bulk_create([r for r in wanted if (r.base_id, r.quote_id, r.date) not in recorded])
