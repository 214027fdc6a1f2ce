"""The rules link to pages that other parts of issue 12 build (monitoring.checks.common.PAGES_IN_PROGRESS): until
those pages exist such links are left out. Once a page exists, its name must leave the set, so that a renamed or
missing page fails loudly again."""

import pytest
from django.urls import NoReverseMatch, reverse

from monitoring.checks.common import PAGES_IN_PROGRESS


@pytest.mark.parametrize("name", sorted(PAGES_IN_PROGRESS))
def test_a_page_in_progress_does_not_exist_yet(name):
    with pytest.raises(NoReverseMatch):
        reverse(name, kwargs={"partnership_pk": 1})
