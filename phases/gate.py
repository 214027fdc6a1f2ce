"""The gate on moving forward: the catalogue's gate items of the phase being left (phases.catalogue.gate_items),
judged by the engine on the data as it is (phases.checks).

A hard item that fails or still needs confirmation blocks the move, unless the secretariat overrides it with a
written justification; a soft item that does not pass only warns, and the move goes ahead once each warning is
acknowledged with a short note. A "warn" never blocks. Going back has no gate.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .catalogue import CATALOGUE, HARD, Result, gate_items
from .checks import find, load
from .models import ParameterOverride

PASSING = (Result.PASS, Result.WARN, Result.NOT_APPLICABLE)


@dataclass
class GateItem:
    item: object  # catalogue Item
    strength: str  # HARD or SOFT
    result: str
    evidence: str = ""
    links: list = field(default_factory=list)

    @property
    def result_label(self):
        return Result(self.result).label

    @property
    def passes(self):
        return self.result in PASSING

    @property
    def blocks(self):
        """A failing hard item: the move needs a written justification to go ahead."""
        return not self.passes and self.strength == HARD

    @property
    def warns(self):
        """A failing soft item: the move needs the warning acknowledged with a note."""
        return not self.passes and self.strength != HARD

    @property
    def field_name(self):
        """The move form's field for this item's justification or acknowledgement."""
        return ("justify_" if self.blocks else "acknowledge_") + self.item.id.replace("-", "_")


def parameters(partnership) -> dict:
    """{item id: {name: value}}: the partnership's own `cfg` numbers."""
    params = {}
    for row in ParameterOverride.objects.filter(partnership=partnership):
        value = int(row.value) if row.value == int(row.value) else float(row.value)
        params.setdefault(row.item_id, {})[row.name] = value
    return params


def run_gate(partnership, leaving=None, *, today=None) -> list[GateItem]:
    """Every gate item of the phase `leaving` (the partnership's current phase by default), judged now."""
    leaving = partnership.phase if leaving is None else leaving
    items = gate_items(leaving)
    if not items:
        return []
    facts = load(partnership, today=today, leaving=leaving)
    params = parameters(partnership)
    gate = []
    for item, strength in items:
        finding = find(item, facts, params)
        gate.append(GateItem(item, strength, finding.result, str(finding.evidence or ""), list(finding.links or [])))
    return gate


def unanswered(gate, justifications, acknowledgements) -> list[str]:
    """What is missing for the move to go ahead, one sentence per item, in the active language."""
    missing = []
    for entry in gate:
        if entry.blocks and not (justifications.get(entry.item.id) or "").strip():
            missing.append(
                _("%(id)s %(title)s does not pass (%(result)s): give a written justification to override it.")
                % {"id": entry.item.id, "title": entry.item.title, "result": Result(entry.result).label}
            )
        elif entry.warns and not (acknowledgements.get(entry.item.id) or "").strip():
            missing.append(
                _("%(id)s %(title)s warns (%(result)s): acknowledge the warning with a short note.")
                % {"id": entry.item.id, "title": entry.item.title, "result": Result(entry.result).label}
            )
    return missing


def snapshot(gate, leaving, justifications, acknowledgements) -> dict:
    """What the transition stores: every gate item's result and evidence, with the answers given."""
    items = []
    for entry in gate:
        items.append(
            {
                "id": entry.item.id,
                "gate": entry.strength,
                "result": entry.result,
                "evidence": entry.evidence,
                "justification": (justifications.get(entry.item.id) or "").strip() if entry.blocks else "",
                "acknowledgement": (acknowledgements.get(entry.item.id) or "").strip() if entry.warns else "",
            }
        )
    return {"leaving": leaving, "items": items}


def summary(gate_snapshot) -> str:
    """The overrides and acknowledged warnings of a stored gate snapshot, in words (the active language)."""
    lines = []
    for entry in (gate_snapshot or {}).get("items", []):
        item = CATALOGUE.get(entry["id"])
        title = item.title if item else ""
        if entry.get("justification"):
            lines.append(
                _("%(id)s %(title)s overridden: %(text)s")
                % {"id": entry["id"], "title": title, "text": entry["justification"]}
            )
        elif entry.get("acknowledgement"):
            lines.append(
                _("%(id)s %(title)s warning acknowledged: %(text)s")
                % {"id": entry["id"], "title": title, "text": entry["acknowledgement"]}
            )
    return "\n".join(lines)


def stored_rows(gate_snapshot) -> list[dict]:
    """A stored gate snapshot for the phase history: each item with its title and result in the active language."""
    rows = []
    for entry in (gate_snapshot or {}).get("items", []):
        item = CATALOGUE.get(entry["id"])
        result = entry.get("result", "")
        rows.append(
            {
                **entry,
                "title": item.title if item else "",
                "result_label": Result(result).label if result in Result.values else result,
                "passes": result in PASSING,
                "hard": entry.get("gate") == HARD,
            }
        )
    return rows
