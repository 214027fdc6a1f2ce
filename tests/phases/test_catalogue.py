"""The catalogue as data (phases.catalogue) says what ../shared/SUCCESS_FACTORS.md says: the same items with the same
titles, phases, kinds and gates, and the three phase gates; and every seed sentence is quoted from the seed."""

import re
from pathlib import Path

import pytest
from django.utils import translation

from phases.catalogue import CATALOGUE, HARD, ITEMS, SOFT, Area, Kind, gate_items

ROOT = Path(__file__).resolve().parents[2]


def shared(name):
    """A file of ../shared (every checkout and CI run has it beside the project; a git worktree a level deeper)."""
    for folder in ROOT.parents:
        if (folder / "shared" / name).exists():
            return (folder / "shared" / name).read_text()
    pytest.fail(f"../shared/{name} is missing: the project expects ../shared beside it")


def phases_of(text):
    """'1', '2, 3', '1-4' -> a set of phases."""
    found = set()
    for part in text.split(","):
        first, _, last = part.strip().partition("-")
        found |= set(range(int(first), int(last or first) + 1))
    return found


def gates_of(text):
    """'-', '1', '1, 2', '2 soft' -> {phase: HARD or SOFT}."""
    if text.strip() == "-":
        return {}
    gates = {}
    for part in text.split(","):
        phase, *soft = part.split()
        gates[int(phase)] = SOFT if soft == ["soft"] else HARD
    return gates


def table():
    """{id: (title, phases, kind, gates)} from the catalogue's table."""
    rows = {}
    for line in shared("SUCCESS_FACTORS.md").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 6 and re.fullmatch(r"[A-Z]{2}-\d+", cells[0]):
            rows[cells[0]] = (cells[1], phases_of(cells[2]), cells[3].lower(), gates_of(cells[4]))
    return rows


def phase_gates():
    """{phase: {id: HARD or SOFT}} from the section "Phase gates"."""
    gates = {}
    for line in shared("SUCCESS_FACTORS.md").splitlines():
        leaving = re.match(r"- \*\*Leaving phase (\d)[^*]*\*\*: (.*)", line)
        if leaving:
            found = re.findall(r"([A-Z]{2}-\d+)(?: \(([^)]*)\))?", leaving[2])
            gates[int(leaving[1])] = {id_: SOFT if note == "soft" else HARD for id_, note in found}
    return gates


def test_the_table_has_every_item_of_the_catalogue_and_no_other():
    rows = table()
    assert len(rows) == 42
    assert list(rows) == [item.id for item in ITEMS]


@pytest.mark.parametrize("item_id", sorted(CATALOGUE))
def test_each_item_has_the_tables_title_phases_kind_and_gates(item_id):
    title, phases, kind, gates = table()[item_id]
    item = CATALOGUE[item_id]
    with translation.override("en"):
        assert str(item.title) == title
    assert set(item.phases) == phases
    assert item.kind == kind
    assert item.gates == gates
    assert item.area == item_id[:2] and item.area in Area.values


def test_the_three_phase_gates_are_the_ones_the_catalogue_lists():
    gates = phase_gates()
    assert set(gates) == {1, 2, 3}
    for phase, expected in gates.items():
        assert {item.id: strength for item, strength in gate_items(phase)} == expected, phase
    assert gate_items(4) == []


def test_phase_1_demands_nothing_formal():
    # "Nothing formal (no MoU, no bodies) is required" when leaving phase 1; trust is no precondition either (CM-6).
    ids = {item.id for item, _strength in gate_items(1)}
    assert ids == {"CS-1", "CS-2", "CM-2", "CM-3", "CM-4", "CX-1", "CX-3"}
    assert not ids & {"PM-5", "SR-3", "CM-6"}


def test_a_manual_item_gates_no_phase():
    assert [item.id for item in ITEMS if item.kind == Kind.MANUAL and item.gates] == []


def test_every_seed_sentence_is_quoted_from_the_seed():
    def bare(text):  # the seed's text file loses some spaces around dashes: compare without any
        return re.sub(r"\s+", "", text)

    seed = bare(shared("seed/msp-success-factors.txt"))
    assert [item.id for item in ITEMS if bare(item.seed) not in seed] == []


def test_every_cfg_number_shows_in_the_rule_described_with_the_partnerships_value():
    item = CATALOGUE["CS-2"]
    assert item.describe() == "At least 3 core-group members from at least 2 sectors, each with a named contact person."
    assert item.describe({"min_core": 5}).startswith("At least 5 core-group members")
