"""The clause comparison on long texts: near-linear, and exactly the edits that were made."""

import random
import re
import time

import pytest

from governance.diff import formatted_diff, word_diff

WORDS = [
    "partner",
    "secretariat",
    "cocoa",
    "farmer",
    "water",
    "board",
    "decision",
    "budget",
    "report",
    "member",
    "council",
    "review",
    "season",
    "harvest",
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "for",
    "on",
    "with",
    "by",
    "at",
    "from",
    "as",
    "is",
    "are",
    "be",
    "will",
    "shall",
    "may",
    "each",
    "every",
    "all",
    "its",
    "their",
    "this",
    "that",
]


def _clause(words, *, seed, sentence_length=15):
    rng = random.Random(seed)
    out = []
    for index in range(words):
        word = rng.choice(WORDS)
        out.append(word + ("." if sentence_length and index % sentence_length == sentence_length - 1 else ""))
    return " ".join(out)


def _changes(html):
    """Runs of changed text as a reader sees them: each <del>/<ins> pair (or lone one) is one change."""
    return re.findall(r"(?:<del>.*?</del>)?(?:<ins>.*?</ins>)|<del>.*?</del>", html)


@pytest.mark.parametrize("sentence_length", [15, 0], ids=["sentences", "one-endless-sentence"])
def test_three_edits_in_a_20000_word_clause_show_as_exactly_those_three_in_under_a_second(sentence_length):
    old = _clause(20_000, seed=1, sentence_length=sentence_length)
    words = old.split(" ")
    words[100] = "ZANZIBAR"  # a word changed
    words[10_000:10_002] = ["twice", "yearly"]  # two words changed
    words.insert(19_000, "INSERTED")  # a word added
    new = " ".join(words)
    # CPU time of this process, not the wall clock: on a loaded machine (CI with two test processes) the wall clock
    # counts other processes' work too. The quadratic comparison took 334 s of it for this clause.
    started = time.process_time()
    html = formatted_diff(old, new)
    elapsed = time.process_time() - started
    assert elapsed < 1, f"the comparison took {elapsed:.1f} s"
    changes = _changes(html)
    assert len(changes) == 3, changes
    assert "<ins>ZANZIBAR</ins>" in changes[0] and "<ins>twice yearly</ins>" in changes[1]
    assert changes[2] == "<ins>INSERTED</ins>"


def test_a_20000_word_clause_replaced_wholesale_compares_fast_and_shows_old_and_new():
    old, new = _clause(20_000, seed=1), _clause(20_000, seed=2)
    started = time.process_time()
    html = formatted_diff(old, new)
    elapsed = time.process_time() - started
    assert elapsed < 1, f"the comparison took {elapsed:.1f} s"
    assert _text(re.sub(r"<ins>.*?</ins>", "", html)) == old and _text(re.sub(r"<del>.*?</del>", "", html)) == new


def _text(html):
    return re.sub(r"<[^>]+>", "", html.replace("</p><p>", " "))


def test_the_title_diff_stays_word_by_word():
    assert word_diff("Exit and entry", "Exit and leaving") == "Exit and <del>entry</del><ins>leaving</ins>"


def test_added_text_shows_its_formatting_not_the_marks():
    html = formatted_diff("Partners meet.", "Partners meet **twice a year**.")
    assert "**" not in html
    assert html == "<p>Partners meet <ins><strong>twice a year</strong></ins>.</p>"


def test_a_change_of_formatting_alone_shows_the_sentence_before_and_after():
    assert formatted_diff("We meet twice a year.", "We meet **twice a year**.") == (
        "<p><del>We meet twice a year.</del><ins>We meet <strong>twice a year</strong>.</ins></p>"
    )
    html = formatted_diff("We meet **twice** a year.", "We meet **twice a** year.")
    assert "*" not in html and "<ins>We meet <strong>twice a</strong> year.</ins>" in html


def test_removed_and_added_list_items_stay_list_items():
    html = formatted_diff("Members:\n- cocoa board\n- farmers", "Members:\n- cocoa board\n- buyers\n- farmers")
    assert "<li>cocoa board</li>" in html and "<li><ins>buyers</ins></li>" in html and "- " not in html


def test_a_change_across_lines_is_marked_on_each_line_and_the_markup_stays_balanced():
    html = formatted_diff("One.\n\nTwo.", "One.\n\nAlpha *beta*.\n\nGamma.\n\nTwo.")
    assert "<p><ins>Alpha <em>beta</em>.</ins></p>" in html and "<p><ins>Gamma.</ins></p>" in html


def test_typed_markers_and_tags_cannot_fake_a_change():
    html = formatted_diff("Same", "Same <ins>fake</ins> \ue001x\ue002")
    assert "&lt;ins&gt;fake&lt;/ins&gt;" in html and html.count("<ins>") == 1
    assert "\ue001" not in html and "\ue002" not in html
    assert "<script" not in formatted_diff("", "<script>alert(1)</script>")


def test_an_item_added_among_identical_ones_shows_as_a_whole_item():
    html = formatted_diff("- item\n" * 5, "- item\n" * 2 + "- other\n" + "- item\n" * 3)
    assert html == "<ul>" + "<li>item</li>" * 2 + "<li><ins>other</ins></li>" + "<li>item</li>" * 3 + "</ul>"
