"""The donor report's "Finances": planned (the budget) vs committed vs received vs spent per year and in total, by
budget category and by source, in-kind contributions and the funding concentration, all in the partnership's
reporting currency. The figures and charts are the resources overview's (governance.resources and
resources_charts), loaded once by `ctx.resources` (five queries), so the report and the page never disagree.

The report reaches every donor of the partnership, and a donor may read only their own organisation's
commitments (msp.access.commitments_scope): sources are numbered here, not named, as the overview shows them
to donors.
"""

from governance.resources_charts import shares_chart, years_chart
from governance.selectors.resources import rates_used


def collect(ctx) -> dict:
    figures = ctx.resources
    years = years_chart(figures)
    shares = shares_chart(figures, named=False)
    years.id, shares.id = "finances-years", "finances-shares"
    shares.width = 640  # few bars: drawn narrower, so its text is legible on A4
    categories = [
        (label, planned, spent, spent.total / planned.total if planned.ok and spent.ok and planned.total else None)
        for _value, label, planned, spent in figures.categories
    ]
    return {
        "categories": categories,
        "figures": figures,
        "concentration": figures.concentration,
        "sources": [
            s for s in figures.sources if s.cash.total or s.in_kind.total or s.received.total or s.cash.missing
        ],
        "years_chart": years if figures.years else None,
        "shares_chart": shares if figures.concentration.largest is not None else None,
        "rates": rates_used(figures),
    }
