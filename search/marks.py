"""Matched words, marked: the engines wrap each match in two private-use characters (never typed in a form), and
`to_html` turns them into <mark> around everything else escaped, so a record's text can never inject markup."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

START, STOP = "\ue000", "\ue001"
_MARKERS = re.compile(f"([{START}{STOP}])")


def clean(text) -> str:
    """`text` without our markers, so a stray one in a record cannot open a mark."""
    return (text or "").replace(START, "").replace(STOP, "")


def to_html(marked: str):
    """`marked` escaped, its marked parts in <mark>; always balanced."""
    out, open_ = [], False
    for piece in _MARKERS.split(marked or ""):
        if piece == START and not open_:
            out.append("<mark>")
            open_ = True
        elif piece == STOP and open_:
            out.append("</mark>")
            open_ = False
        elif piece not in (START, STOP):
            out.append(escape(piece))
    if open_:
        out.append("</mark>")
    return mark_safe("".join(out))


def _pattern(words):
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)


def mark_words(text: str, words) -> str:
    """`text` with every occurrence of any of `words` (ignoring case) marked."""
    text = clean(text)
    return _pattern(words).sub(lambda m: f"{START}{m.group(0)}{STOP}", text) if words else text


def excerpt(text: str, words, width=200) -> str:
    """A window of about `width` characters of `text` around the first match of `words`, marked; the start of
    the text when nothing matches."""
    text = " ".join(clean(text).split())
    found = _pattern(words).search(text) if words else None
    start = max(0, found.start() - width // 3) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < (found.start() if found else start + 20) else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    piece = ("… " if start else "") + text[start:end] + (" …" if end < len(text) else "")
    return mark_words(piece, words)
