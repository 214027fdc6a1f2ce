"""The success-factor catalogue (../shared/SUCCESS_FACTORS.md) as data: every item's id, title, area, the phases it
applies to, its kind, the gates it guards, the sentence of the seed it comes from, what the rule checks, what to do
when it does not pass, and its parameters (the numbers marked `cfg`, with their installation defaults; a partnership
may override them).

The ids are stable: they appear in the pages, the stored runs and the reports. The rules that evaluate the items live
beside the data they read (each app's `checks.py`) and register with phases.checks; a test fails when an item has no
rule or a rule no item. The seed sentence is quoted in English (`seed`) and given in the project's own words in the
reader's language (`seed_words`, translated in the catalogues: the English msgid is the quote itself). The items are
split by area into three modules.
"""

from . import monitoring_process, steering_context, strategy_cooperation
from .base import HARD, SOFT, Area, Item, Kind, Result

ITEMS = strategy_cooperation.ITEMS + steering_context.ITEMS + monitoring_process.ITEMS
CATALOGUE = {item.id: item for item in ITEMS}

__all__ = ["CATALOGUE", "HARD", "ITEMS", "SOFT", "Area", "Item", "Kind", "Result", "gate_items"]


def gate_items(phase):
    """The items guarding the exit of `phase`: [(item, HARD or SOFT)] in catalogue order."""
    return [(item, item.gates[phase]) for item in ITEMS if phase in item.gates]
