"""The Stakeholders tab and the dashboard's stakeholder card (see msp.registry)."""

from django.utils.translation import gettext_lazy as _

from msp import access
from msp.registry import Card, Tab, register_card, register_tab

from .selectors import stakeholder_summary

register_tab(Tab("stakeholders", _("Stakeholders"), "stakeholders:members", order=20))


def stakeholders(request, partnership):
    """Members by sector and the core group for everyone with a role (donors included: who is in is part of the
    summary); key stakeholders not yet engaged only for those who see the stakeholder map."""
    with_map = access.can(request.user, "view", partnership)
    return {**stakeholder_summary(partnership, with_map=with_map), "with_map": with_map}


register_card(
    Card("stakeholders", "stakeholders/cards/stakeholders.html", order=12, context=stakeholders, action="view_summary")
)
