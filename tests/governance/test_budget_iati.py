"""The budget and transaction types carry IATI's codes, exactly those of the codelists shipped with the app."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from governance.models import BudgetType, TransactionType

DATA = Path(__file__).resolve().parents[2] / "governance" / "data" / "iati"


def _codelist(name):
    root = ET.parse(DATA / f"{name}.xml").getroot()
    return {item.findtext("code"): item.findtext("name/narrative") for item in root.iter("codelist-item")}


@pytest.mark.parametrize(("name", "choices"), [("BudgetType", BudgetType), ("TransactionType", TransactionType)])
def test_the_codes_and_english_names_are_iatis(name, choices):
    shipped = _codelist(name)
    assert shipped, f"{name}.xml lists no codes"
    assert {value: str(label) for value, label in choices.choices} == shipped
