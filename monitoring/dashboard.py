"""The Results and Reports tabs and the dashboard's results card (see msp.registry)."""

from django.utils.translation import gettext_lazy as _

from msp import access
from msp.registry import Card, Tab, register_card, register_tab

from .selectors import table as selectors

# The indicator table, the SDG page (monitoring/views): everyone with a role; donors see locked periods only.
register_tab(Tab("results", _("Results"), "monitoring:indicators", order=40, action="view_indicators"))
# Reports (monitoring/views/reports.py): everyone with a role; donors and partners see released and published ones.
register_tab(Tab("reports", _("Reports"), "monitoring:reports", order=50, action="view_reports"))


def results_card(request, partnership):
    """How many indicators are on track, at risk, off track or without data, and how many have overdue data
    (two queries: the indicators, their visible periods with actuals). Donors count checked (locked) data only."""
    user = request.user
    return {
        "summary": selectors.summary_for(user, partnership),
        "checked_only": not access.can(user, "view_open_periods", partnership),
    }


register_card(
    Card("results", "monitoring/cards/results.html", order=24, context=results_card, action="view_indicators")
)
