from pathlib import Path

import pytest

from opendata import iati

SAMPLE = Path(__file__).with_name("sample_activity.xml")


@pytest.fixture
def sample_file():
    """A full activity file (valid IATI 2.03), as the builder would make it for a partnership."""
    return SAMPLE.read_bytes()


@pytest.fixture
def rich_builder(monkeypatch, sample_file):
    """The builder answers the sample file for every partnership, whatever identifier it is given."""
    monkeypatch.setattr(iati, "activity_file", lambda partnership, identifier: sample_file)
    return sample_file


@pytest.fixture
def builder_problems(monkeypatch):
    """Make the builder report these problems for every partnership: `problems(["...", ...])`."""

    def set_problems(found):
        monkeypatch.setattr(iati, "problems", lambda partnership: list(found))

    return set_problems
