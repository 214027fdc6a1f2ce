"""What the resources overview and the dashboard's resources card show a user: the figures of governance.resources
(constant queries), and who sees which sources. Members see every source by name; a donor the totals, the
concentration's share and index without naming other funders, and their own organisation's commitments
(msp.access.commitments_scope)."""

from django.utils.translation import gettext as _

from msp import access

from .. import resources


def overview(user, partnership):
    loaded = resources.load(partnership)
    figures = resources.figures(loaded)
    scope = access.commitments_scope(user, partnership)
    sees_all = scope == access.ALL
    total = figures.total
    context = {
        "figures": figures,
        "sees_all_sources": sees_all,
        "own_organisation": None,
        "headline": [
            (_("Planned"), total.planned),
            (_("Committed"), total.committed),
            (_("Received"), total.received),
            (_("Spent"), total.spent),
        ],
        "rates_used": rates_used(figures),
    }
    if sees_all:
        context["sources"], context["other_sources"] = figures.sources, None
        return context
    own_pk = getattr(scope, "pk", None)
    context["sources"], context["other_sources"] = resources.sources_seen(figures.sources, own_pk)
    context["own_organisation"] = scope
    context["own_commitments"] = [c for c in loaded.commitments if own_pk and c.organisation_id == own_pk]
    return context


def rates_used(figures):
    """Every rate the totals used, once, described ("1 USD = 0.92 EUR, rate of 1 Jan 2026 (direct)")."""
    seen = []
    for name in ("planned", "committed", "received", "spent", "disbursed"):
        seen += [rate for rate in getattr(figures.total, name).rates if rate not in seen]
    return seen
