"""Simple formatting of clause text, and the clause-by-clause comparison of two MoU versions.

Clause text is kept exactly as written (it is what partners sign) and turned into HTML only for display:
blank lines separate paragraphs, lines starting with "- " or "1. " make lists, **bold** and *italic* mark words,
and the few HTML tags of the same kind (b, strong, i, em, u, p, br, ul, ol, li) are accepted too. Whatever comes
out is sanitised with nh3, so no script, attribute or other tag ever reaches a page or a PDF.
"""

import difflib
import re
from dataclasses import dataclass, field

import nh3
from django.utils.html import escape
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li"}
BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+(.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def _inline(text):
    return ITALIC.sub(r"<em>\1</em>", BOLD.sub(r"<strong>\1</strong>", text))


def to_html(text):
    """Clause text as sanitised HTML (a SafeString)."""
    text = (text or "").replace("\r\n", "\n").strip()
    html = []
    for block in re.split(r"\n\s*\n", text) if text else []:
        # Within a block, consecutive list lines make a list and other lines a paragraph, so "Our goals:" followed
        # by "- a" and "- b" reads as an introduction and a list.
        runs = []  # (kind, [lines])
        for line in block.split("\n"):
            kind = "ul" if BULLET.match(line) else "ol" if NUMBERED.match(line) else "p"
            if runs and runs[-1][0] == kind:
                runs[-1][1].append(line)
            else:
                runs.append((kind, [line]))
        for kind, lines in runs:
            if kind == "p":
                html.append("<p>" + "<br>".join(_inline(line.strip()) for line in lines) + "</p>")
            else:
                pattern = BULLET if kind == "ul" else NUMBERED
                items = "".join(f"<li>{_inline(pattern.match(line).group(1))}</li>" for line in lines)
                html.append(f"<{kind}>{items}</{kind}>")
    return mark_safe(nh3.clean("".join(html), tags=ALLOWED_TAGS, attributes={}))


def to_plain(text):
    """The text without markup (for the comparison and for plain-text e-mails)."""
    return nh3.clean(text or "", tags=set()).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# --- comparison ------------------------------------------------------------------------------------------------

TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(old, new):
    """Inline HTML of the change from `old` to `new`, word by word: <del> for removed, <ins> for added text.

    Changes separated only by spaces are joined ("<del>any time</del><ins>with notice</ins>"), which reads far
    better than alternating single words.
    """
    a, b = TOKEN.findall(old or ""), TOKEN.findall(new or "")
    runs = []  # [equal?, old text, new text]
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old_text, new_text = "".join(a[i1:i2]), "".join(b[j1:j2])
        if op == "equal":
            runs.append([True, old_text, new_text])
        elif runs and not runs[-1][0]:
            runs[-1][1] += old_text
            runs[-1][2] += new_text
        else:
            runs.append([False, old_text, new_text])
    merged = []
    for index, run in enumerate(runs):
        between_changes = 0 < index < len(runs) - 1 and not runs[index - 1][0] and not runs[index + 1][0]
        if run[0] and between_changes and not run[1].strip():
            run = [False, run[1], run[2]]
        if merged and not run[0] and not merged[-1][0]:
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    parts = []
    for equal, old_text, new_text in merged:
        if equal:
            parts.append(escape(old_text))
            continue
        if old_text:
            parts.append(f"<del>{escape(old_text)}</del>")
        if new_text:
            parts.append(f"<ins>{escape(new_text)}</ins>")
    return mark_safe("".join(parts).replace("\n", "<br>"))


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
            rows.append(ClauseChange("added", new=new, title_html=escape(new.title), text_html=word_diff("", new.text)))
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
                text_html=word_diff(old.text, new.text) if "text" in changed else to_html(new.text),
                changed_fields=changed,
            )
        )
    # Insert removed clauses after the row of the clause that came before them in the older version.
    for old in old_clauses:
        if old.key in new_keys:
            continue
        row = ClauseChange("removed", old=old, title_html=escape(old.title), text_html=word_diff(old.text, ""))
        previous = [c.key for c in old_clauses[: old_order[old.key]]]
        position = 0
        for at, existing in enumerate(rows):
            existing_key = (existing.new or existing.old).key
            if existing_key in previous:
                position = at + 1
        rows.insert(position, row)
    return rows
