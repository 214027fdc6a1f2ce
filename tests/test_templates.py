"""House rules for every template: no inline JavaScript (event handlers or script bodies), so translations with
apostrophes cannot break a page and a Content-Security-Policy stays possible. Confirm steps use data-confirm.
htmx attributes are written data-hx-* (valid HTML); the page checks (tests/pages) validate the rendered pages.
"""

import re
from pathlib import Path

from django.conf import settings

INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HTMX_ATTRIBUTE = re.compile(r"(?<![\w-])hx-[a-z-]+\s*=|[\"']hx-[a-z-]+[\"']\s*:")  # in a template or a widget's attrs


def _templates():
    roots = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    roots += [Path(settings.BASE_DIR) / app / "templates" for app in ("msp", "phases", "stakeholders", "governance")]
    return [p for root in roots if root.exists() for p in root.rglob("*.html")]


def test_templates_exist_to_check():
    assert len(_templates()) > 40


def test_no_inline_event_handlers_or_scripts():
    offenders = []
    for path in _templates():
        text = path.read_text()
        for pattern in (INLINE_HANDLER, INLINE_SCRIPT):
            offenders += [f"{path}: {m.group(0).strip()}" for m in pattern.finditer(text)]
    assert offenders == []


def test_htmx_attributes_are_data_attributes():
    sources = _templates() + [
        p
        for app in ("msp", "phases", "stakeholders", "governance")
        for p in (Path(settings.BASE_DIR) / app).rglob("*.py")
    ]
    offenders = [f"{path}: {m.group(0)}" for path in sources for m in HTMX_ATTRIBUTE.finditer(path.read_text())]
    assert offenders == [], "write htmx attributes as data-hx-* (hx-* is not valid HTML)"
