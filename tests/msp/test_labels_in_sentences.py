"""Labels inserted into sentences keep the case their language writes them in."""

from django.utils import translation

from governance.models import Level
from msp.records import AppendOnlyError
from msp.text import in_sentence


def test_a_status_reads_lowercase_inside_an_english_or_french_sentence():
    with translation.override("en"):
        assert in_sentence(Level.OUTCOME.label) == str(Level.OUTCOME.label).lower()
    with translation.override("fr"):
        assert in_sentence("Brouillon") == "brouillon"


def test_german_nouns_keep_their_capital_letter():
    with translation.override("de"):
        assert in_sentence("Entwurf") == "Entwurf"


def test_the_append_only_message_keeps_the_case_of_the_rest_of_the_name():
    class Meta:
        verbose_name_plural = "MoU approvals"

    class Model:
        _meta = Meta

    assert str(AppendOnlyError(Model)).startswith("These records (MoU approvals) are kept")
