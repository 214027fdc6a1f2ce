from types import SimpleNamespace
from uuid import uuid4

from governance.diff import compare_clauses, word_diff
from governance.formatting import to_html


def test_simple_formatting_becomes_html():
    html = to_html("First **bold** and *italic*.\nSame paragraph.\n\n- one\n- two\n\n1. first\n2. second")
    assert html == (
        "<p>First <strong>bold</strong> and <em>italic</em>.<br>Same paragraph.</p>"
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li><li>second</li></ol>"
    )


def test_an_introduction_line_followed_by_a_list_reads_as_both():
    assert to_html("Our goals:\n- water\n- soil") == "<p>Our goals:</p><ul><li>water</li><li>soil</li></ul>"


def test_everything_else_is_sanitised():
    html = to_html(
        '<script>alert(1)</script><b onclick="x()">ok</b> <a href="javascript:x">link</a> <img src=x onerror=y> 3 < 4'
    )
    assert "<script" not in html and "onclick" not in html and "<a" not in html and "<img" not in html
    assert "<b>ok</b>" in html and "3 &lt; 4" in html


def test_the_word_diff_marks_removed_and_added_words_and_escapes_them():
    assert (
        word_diff("decides by majority", "decides by consensus") == "decides by <del>majority</del><ins>consensus</ins>"
    )
    assert "&lt;script&gt;" in word_diff("", "<script>")


def _clause(key, title, text, type="other"):
    return SimpleNamespace(key=key, title=title, text=text, type=type)


def test_clauses_are_matched_by_key_across_versions():
    a, b, c, d = (uuid4() for _ in range(4))
    old = [_clause(a, "Partners", "A and B."), _clause(b, "Exit", "Leave any time."), _clause(c, "Old", "Gone.")]
    new = [
        _clause(b, "Exit", "Leave with notice."),
        _clause(a, "Partners", "A and B."),
        _clause(d, "Grievance", "New."),
    ]
    rows = compare_clauses(old, new)
    kinds = [(r.kind, (r.new or r.old).title) for r in rows]
    assert kinds == [("changed", "Exit"), ("same", "Partners"), ("removed", "Old"), ("added", "Grievance")]
    assert rows[0].moved and "<ins>with notice</ins>" in rows[0].text_html
