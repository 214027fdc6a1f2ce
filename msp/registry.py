"""What other apps add to a partnership's pages: dashboard cards and navigation tabs.

Apps register in their `dashboard.py`, which msp imports at start-up (like admin.py), so msp never imports a
higher app. A card's `context(request, partnership)` returns the template context, or None to hide the card.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import access


@dataclass(frozen=True)
class Card:
    key: str
    template: str
    order: int
    context: Callable
    action: str = "view"  # who sees it (an access action)
    wide: bool = False


@dataclass(frozen=True)
class Tab:
    key: str
    label: str
    url_name: str
    order: int
    action: str = "view"


_cards: dict[str, Card] = {}
_tabs: dict[str, Tab] = {}


def register_card(card: Card) -> None:
    _cards[card.key] = card


def register_tab(tab: Tab) -> None:
    _tabs[tab.key] = tab


def cards_for(request, partnership):
    """(card, context) pairs the user may see, in order."""
    shown = []
    for card in sorted(_cards.values(), key=lambda c: c.order):
        if not access.can(request.user, card.action, partnership):
            continue
        context = card.context(request, partnership)
        if context is not None:
            shown.append((card, context))
    return shown


def tabs_for(user, partnership):
    return [tab for tab in sorted(_tabs.values(), key=lambda t: t.order) if access.can(user, tab.action, partnership)]
