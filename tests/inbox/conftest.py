import pytest

from tests.governance.factories import member


@pytest.fixture
def kofi(partnership):
    """A partner who may sign for Ghana Cocoa Board, an active member."""
    return member(partnership, "kofi", org_name="Ghana Cocoa Board")


@pytest.fixture
def awa(partnership):
    return member(partnership, "awa", org_name="Kavokiva")
