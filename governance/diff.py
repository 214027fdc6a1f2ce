"""The clause-by-clause comparison of two MoU versions.

Texts are compared in two passes so that long clauses stay fast: first sentence by sentence (sentences are nearly
always unique, which keeps difflib near-linear), then word by word inside the sentences that changed, with a
bounded Myers diff. A change too large for the bound (a clause rewritten from top to bottom) is shown as the old
text removed and the new text added, which is what it is. Changed text keeps its simple formatting: **bold**,
lists and paragraphs render as on the MoU page, with <del> and <ins> around what was removed and added.
"""

import difflib
import re
from dataclasses import dataclass, field

import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .formatting import ALLOWED_TAGS, MARKS, inline_html, to_html

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
# A sentence ends with . ! ? ; or : followed by spaces, or at a line break; the spaces stay with the sentence.
SENTENCE_END = re.compile(r"[.!?;:]+[\"'”’)\]]*\s+|\n\s*")
# Word-level work per changed block is bounded by this many edits (Myers: time grows with its square).
MAX_EDITS = 200
# Markers for the start and end of removed and added text, carried through the formatting (private-use chars).
DEL_OPEN, DEL_CLOSE, INS_OPEN, INS_CLOSE = MARKS


def _sentences(text):
    out, start = [], 0
    for match in SENTENCE_END.finditer(text):
        out.append(text[start : match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out


def _myers(a, b, max_d):
    """The shortest edit script from token list `a` to `b` as (equal, old, new) runs, or None if it needs more
    than `max_d` edits. Time and memory grow with max_d squared plus the length of the texts."""
    n, m = len(a), len(b)
    offset = max_d + 1
    v = [0] * (2 * max_d + 3)
    trace = []
    for d in range(max_d + 1):
        trace.append(v[:])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and v[offset + k - 1] < v[offset + k + 1]):
                x = v[offset + k + 1]
            else:
                x = v[offset + k - 1] + 1
            y = x - k
            while x < n and y < m and a[x] == b[y]:
                x += 1
                y += 1
            v[offset + k] = x
            if x >= n and y >= m:
                return _backtrack(a, b, trace, offset, d)
    return None


def _backtrack(a, b, trace, offset, last_d):
    ops = []  # (kind, token) from the end: "=" equal, "-" removed, "+" added
    x, y = len(a), len(b)
    for d in range(last_d, -1, -1):
        v = trace[d]
        k = x - y
        down = k == -d or (k != d and v[offset + k - 1] < v[offset + k + 1])  # came by an addition
        prev_k = k + 1 if down else k - 1
        prev_x = v[offset + prev_k]
        prev_y = prev_x - prev_k
        while x > prev_x and y > prev_y:
            ops.append(("=", a[x - 1]))
            x, y = x - 1, y - 1
        if d > 0:
            ops.append(("+", b[prev_y]) if x == prev_x else ("-", a[prev_x]))
        x, y = prev_x, prev_y
    runs = []
    for kind, token in reversed(ops):
        equal = kind == "="
        if not runs or runs[-1][0] != equal:
            runs.append([equal, [], []])
        if kind != "+":
            runs[-1][1].append(token)
        if kind != "-":
            runs[-1][2].append(token)
    return runs


def _list_diff(a, b):
    """[equal, old items, new items] runs from list `a` to list `b`: common ends trimmed (linear), the middle by
    a bounded Myers diff; None where the middle needs more than MAX_EDITS edits."""
    start = 0
    while start < len(a) and start < len(b) and a[start] == b[start]:
        start += 1
    end = 0
    while end < len(a) - start and end < len(b) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    middle = _myers(a[start : len(a) - end], b[start : len(b) - end], MAX_EDITS)
    if middle is None:
        return None
    head, tail = a[:start], a[len(a) - end :]
    return ([[True, head, head]] if head else []) + middle + ([[True, tail, tail]] if tail else [])


def _words(tokens):
    return sum(1 for token in tokens if not token.isspace())


def _word_runs(old, new):
    """Word-level runs for a changed stretch of text, or one replacement if the two have too little in common."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    runs = _list_diff(a, b)
    if runs is not None and 2 * sum(_words(run[1]) for run in runs if run[0]) < min(_words(a), _words(b)):
        runs = None  # less than half of the shorter text in common: word by word would be noise
    if runs is None:
        return [[False, old, new]]
    runs = [[equal, "".join(old_tokens), "".join(new_tokens)] for equal, old_tokens, new_tokens in runs]
    if any(_splits_formatting(text) for equal, *texts in runs if not equal for text in texts):
        return [[False, old, new]]  # the formatting changed: show the old and the new sentence whole
    return runs


def _splits_formatting(text):
    """Whether a changed stretch holds formatting marks that only make sense with text outside it ("**")."""
    return "*" in text and "*" in inline_html(text)


def _sentence_runs(sa, sb):
    """Sentence-level runs; beyond the bound of the exact diff, difflib (near-linear on unique sentences)."""
    runs = _list_diff(sa, sb)
    if runs is not None:
        return runs
    return [
        [op == "equal", sa[i1:i2], sb[j1:j2]]
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, sa, sb).get_opcodes()
    ]


def diff_runs(old, new):
    """[equal, old text, new text] runs from `old` to `new`, near-linear in their length."""
    old, new = (old or "").replace("\r\n", "\n"), (new or "").replace("\r\n", "\n")
    runs = []
    for equal, old_sentences, new_sentences in _sentence_runs(_sentences(old), _sentences(new)):
        old_text, new_text = "".join(old_sentences), "".join(new_sentences)
        if equal:
            runs.append([True, old_text, new_text])
        elif len(old_sentences) == len(new_sentences) > 1:
            # As many sentences on each side: most often each was edited a little; compare them in pairs.
            for old_sentence, new_sentence in zip(old_sentences, new_sentences, strict=True):
                runs.extend(_word_runs(old_sentence, new_sentence))
        elif old_sentences and new_sentences:
            runs.extend(_word_runs(old_text, new_text))
        else:
            runs.append([False, old_text, new_text])
    return _merge(runs)


def _merge(runs):
    """Join neighbouring runs of the same kind, and changes separated only by spaces ("<del>any time</del>
    <ins>with notice</ins>" reads far better than alternating single words)."""
    joined = []
    for run in runs:
        if joined and joined[-1][0] == run[0]:
            joined[-1][1] += run[1]
            joined[-1][2] += run[2]
        elif run[1] or run[2]:
            joined.append(list(run))
    _align(joined)
    merged = []
    for index, run in enumerate(joined):
        between_changes = 0 < index < len(joined) - 1 and not joined[index - 1][0] and not joined[index + 1][0]
        if run[0] and between_changes and not run[1].strip() and "\n" not in run[1]:
            run = [False, run[1], run[2]]
        if merged and not run[0] and not merged[-1][0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    return merged


def _boundary_score(before, text):
    if not before or before.endswith("\n"):
        return 2  # at the start of a line: a list item or paragraph added or removed as a whole
    return 1 if (before[-1].isspace() or not before[-1].isalnum()) and not text[0].isspace() else 0


def _align(runs, reach=100):
    """Slide each pure addition or removal along the equal text around it to where it reads best (a line start,
    else a word start): "- a\n- b\n" + "- x\n" is one added item, not "x\n- " added after "- "."""
    for index in range(1, len(runs) - 1):
        before, run, after = runs[index - 1], runs[index], runs[index + 1]
        if run[0] or not before[0] or not after[0] or (run[1] and run[2]):
            continue
        side = 1 if run[1] else 2
        head, text, tail = before[1], run[side], after[1]
        steps = 0
        while head and text and head[-1] == text[-1] and steps < reach:
            head, text, tail = head[:-1], head[-1] + text[:-1], text[-1] + tail
            steps += 1
        best = (_boundary_score(head, text), head, text, tail)
        for _ in range(steps + reach):
            if not tail or tail[0] != text[0]:
                break
            head, text, tail = head + text[0], text[1:] + tail[0], tail[1:]
            score = _boundary_score(head, text)
            if score > best[0]:
                best = (score, head, text, tail)
        _, head, text, tail = best
        before[1] = before[2] = head
        after[1] = after[2] = tail
        run[side] = text


def word_diff(old, new):
    """Inline HTML of the change from `old` to `new` as plain text (for titles): <del> removed, <ins> added."""
    parts = []
    for equal, old_text, new_text in diff_runs(old, new):
        if equal:
            parts.append(escape(old_text))
            continue
        if old_text:
            parts.append(f"<del>{escape(old_text)}</del>")
        if new_text:
            parts.append(f"<ins>{escape(new_text)}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))


def _marked(text, opening, closing):
    """`text` with markers around each line's words (spaces around them stay outside), so a change never spans a
    paragraph or list item."""
    lines = []
    for line in text.split("\n"):
        words = line.strip()
        if words:
            start = line.index(words)
            line = f"{line[:start]}{opening}{words}{closing}{line[start + len(words) :]}"
        lines.append(line)
    return "\n".join(lines)


def formatted_diff(old, new):
    """The change from `old` to `new` as formatted clause text (a SafeString), removed and added text marked."""
    parts = []
    for equal, old_text, new_text in diff_runs(_clean(old), _clean(new)):
        if equal:
            parts.append(old_text)
            continue
        if old_text:
            parts.append(_marked(old_text, DEL_OPEN, DEL_CLOSE))
        if new_text:
            parts.append(_marked(new_text, INS_OPEN, INS_CLOSE))
    html = str(to_html("".join(parts), keep_marks=True))
    for mark, tag in zip(MARKS, ("<del>", "</del>", "<ins>", "</ins>"), strict=True):
        html = html.replace(mark, tag)
    # A change that starts inside **bold** and ends outside it nests badly; the sanitiser closes it properly.
    return mark_safe(nh3.clean(html, tags=ALLOWED_TAGS | {"del", "ins"}, attributes={}))


def _clean(text):
    """Typed text never fakes a change: no markers, and <ins>/<del> typed into a clause are shown as typed."""
    text = "".join(ch for ch in (text or "") if ch not in MARKS)
    return re.sub(r"<(/?)(ins|del)\b", r"&lt;\1\2", text, flags=re.IGNORECASE)


@dataclass
class ClauseChange:
    """One row of a comparison: a clause of the older version, of the newer one, or both (matched by key)."""

    kind: str  # "same", "changed", "added", "removed"
    old: object = None
    new: object = None
    moved: bool = False
    title_html: str = ""
    text_html: str = ""
    changed_fields: list = field(default_factory=list)


def compare_clauses(old_clauses, new_clauses):
    """Clause-by-clause comparison. Clauses are matched by their key (kept from version to version), so a clause
    that was edited shows as changed, not as one removed and one added. Rows follow the newer version's order;
    removed clauses come right after the clause that preceded them."""
    old_by_key = {c.key: c for c in old_clauses}
    new_keys = {c.key for c in new_clauses}
    old_order = {c.key: index for index, c in enumerate(old_clauses)}
    rows = []
    for index, new in enumerate(new_clauses):
        old = old_by_key.get(new.key)
        if old is None:
            rows.append(
                ClauseChange("added", new=new, title_html=escape(new.title), text_html=formatted_diff("", new.text))
            )
            continue
        changed = [
            name
            for name, a, b in (
                ("type", old.type, new.type),
                ("title", old.title, new.title),
                ("text", old.text, new.text),
            )
            if a.replace("\r\n", "\n").strip() != b.replace("\r\n", "\n").strip()
        ]
        rows.append(
            ClauseChange(
                "changed" if changed else "same",
                old=old,
                new=new,
                moved=old_order[new.key] != index,
                title_html=word_diff(old.title, new.title),
                text_html=formatted_diff(old.text, new.text) if "text" in changed else to_html(new.text),
                changed_fields=changed,
            )
        )
    # Insert removed clauses after the row of the clause that came before them in the older version.
    for old in old_clauses:
        if old.key in new_keys:
            continue
        row = ClauseChange("removed", old=old, title_html=escape(old.title), text_html=formatted_diff(old.text, ""))
        previous = {c.key for c in old_clauses[: old_order[old.key]]}
        position = 0
        for at, existing in enumerate(rows):
            existing_key = (existing.new or existing.old).key
            if existing_key in previous:
                position = at + 1
        rows.insert(position, row)
    return rows
