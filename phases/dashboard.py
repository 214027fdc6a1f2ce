from django.utils.translation import gettext_lazy as _

from msp.registry import Card, Tab, register_card, register_tab

from .selectors import transitions_for

register_tab(Tab("phases", _("Phases"), "phases:history", order=10))


def phase_history(request, partnership):
    return {"transitions": list(transitions_for(partnership)[:6])}


register_card(Card("phase_history", "phases/cards/history.html", order=15, context=phase_history))
