"""Simple formatting of clause text (the comparison of two versions is in diff.py).

Clause text is kept exactly as written (it is what partners sign) and turned into HTML only for display:
blank lines separate paragraphs, lines starting with "- " or "1. " make lists, **bold** and *italic* mark words,
and the few HTML tags of the same kind (b, strong, i, em, u, p, br, ul, ol, li) are accepted too. Whatever comes
out is sanitised with nh3, so no script, attribute or other tag ever reaches a page or a PDF.
"""

import re

import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "b", "em", "i", "u", "ul", "ol", "li"}
# Four private-use characters the comparison puts around removed and added text (diff.py); they may stand before
# a list mark, and typed text never contains them (to_html drops them unless asked to keep them).
MARKS = ("\ue000", "\ue001", "\ue002", "\ue003")
BULLET = re.compile(r"^\s*([\ue000-\ue003]*)\s*[-*•]\s+(.*)$")
NUMBERED = re.compile(r"^\s*([\ue000-\ue003]*)\s*\d+[.)]\s+(.*)$")
BOLD = re.compile(r"\*\*(.+?)\*\*")
ITALIC = re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])")


def inline_html(text):
    return ITALIC.sub(r"<em>\1</em>", BOLD.sub(r"<strong>\1</strong>", text))


def to_html(text, *, keep_marks=False):
    """Clause text as sanitised HTML (a SafeString)."""
    text = (text or "").replace("\r\n", "\n").strip()
    if not keep_marks:
        text = "".join(ch for ch in text if ch not in MARKS)
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
                html.append("<p>" + "<br>".join(inline_html(line.strip()) for line in lines) + "</p>")
            else:
                pattern = BULLET if kind == "ul" else NUMBERED
                items = "".join(f"<li>{inline_html(''.join(pattern.match(line).groups()))}</li>" for line in lines)
                html.append(f"<{kind}>{items}</{kind}>")
    return mark_safe(nh3.clean("".join(html), tags=ALLOWED_TAGS, attributes={}))


def to_plain(text):
    """The text without tags (for plain-text e-mails)."""
    return nh3.clean(text or "", tags=set()).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
