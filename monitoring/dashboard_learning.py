"""The Learning tab and the dashboard's learning card (see msp.registry). Loaded from MonitoringConfig.ready()
(msp autodiscovers `dashboard` modules only; the Results tab and card live in monitoring/dashboard.py)."""

from django.utils.translation import gettext_lazy as _

from msp.registry import Card, Tab, register_card, register_tab

from .selectors import learning as selectors

# Lessons, capacity gaps, context and risks: the members' (monitoring/views/learning.py).
register_tab(Tab("learning", _("Learning"), "monitoring:lessons", order=45, action="view_learning"))


def learning_card(request, partnership):
    """Lessons of the last 12 months from successes and failures, open capacity gaps (and those with neither
    measure nor decision), open and materialised risks with the highest-scored open one, the date of the context
    analysis (two queries: selectors.learning.card)."""
    return selectors.card(partnership)


register_card(
    Card("learning", "monitoring/cards/learning.html", order=46, context=learning_card, action="view_learning")
)
