"""The translation catalogues (locale/<language>/LC_MESSAGES/django.po and .mo): refresh, compile, check.

- `refresh()` runs makemessages for every language but English (GNU gettext needed: a developer's machine, CI),
  always with the same options (`MAKEMESSAGES_OPTIONS`), so a refresh changes only what the code changed; then
  sets the header's Language and Plural-Forms and compiles.
- `compile_all()` writes the .mo files with Babel (pure Python): the .mo files are committed, so a machine with
  only Python (no GNU gettext; nor the python:3.11-slim image) has working catalogues. Compiling the same .po
  with the pinned Babel gives the same bytes, which is how `problems()` knows a .mo is stale.
- `problems()` lists what is wrong with a catalogue: an entry untranslated or fuzzy, a placeholder that differs
  between msgid and msgstr, a wrong header, a stale .mo; `catalogue_changes()` compares the msgids makemessages
  would write (run into a temporary copy of the sources) with those in the catalogues.
`manage.py messages` runs them (`--check` for CI).
"""

import io
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
DOMAIN = "django"
# What each catalogue's header must say (GNU gettext's and CLDR's rules for the two languages).
PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);", "de": "nplurals=2; plural=(n != 1);"}
# Not the app's strings: third-party code, tests (their strings are fixtures), generated and local files.
IGNORE = [".venv", "venv", "var", "tests", "static", "staticfiles", "test-artifacts", "node_modules"]
# Locations without line numbers: a line added above a string does not touch the catalogues. GNU gettext's default
# wrapping (79 columns) is kept, so files written by msgmerge and by hand-run gettext tools look the same.
MAKEMESSAGES_OPTIONS = ["--no-obsolete", "--add-location=file", *(f"--ignore={p}" for p in IGNORE)]
# Python %-format placeholders: %(name)s, %s, %d, %.1f ...; "%%" is a literal percent sign.
PLACEHOLDER = re.compile(r"%(?:\((?P<name>[^)]*)\))?[#0+-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?P<conv>[diouxXeEfFgGcrsa%])")


def languages() -> list[str]:
    """The languages with a catalogue: every one in LANGUAGES but the default (the msgids are English)."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def po_path(language: str, locale_dir: Path = LOCALE) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None):
    with open(path, "rb") as f:
        return read_po(f, locale=language, abort_invalid=True)


def translated(message) -> bool:
    strings = [message.string] if isinstance(message.string, str) else list(message.string)
    return all(strings)


def mo_bytes(po: Path) -> bytes:
    """The .mo Babel compiles from `po`: the header and every translated, non-fuzzy entry. A plural entry needs
    every form (Babel would keep one with empty forms, and gettext would then show an empty string, not English)."""
    catalogue = read(po)
    for message in list(catalogue):
        if message.id and not translated(message):
            catalogue.delete(message.id, context=message.context)
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def compile_all(locale_dir: Path = LOCALE) -> list[Path]:
    written = []
    for language in languages():
        po = po_path(language, locale_dir)
        mo = po.with_suffix(".mo")
        data = mo_bytes(po)
        if not mo.exists() or mo.read_bytes() != data:
            mo.write_bytes(data)
            written.append(mo)
    return written


def placeholders(text: str) -> tuple[Counter, list[str]]:
    """The named placeholders of `text` (name and conversion, counted) and its positional ones, in order."""
    named, positional = Counter(), []
    for match in PLACEHOLDER.finditer(text or ""):
        if match["conv"] == "%":
            continue
        if match["name"] is not None:
            named[(match["name"], match["conv"])] += 1
        else:
            positional.append(match["conv"])
    return named, positional


def _placeholder_problem(message) -> str | None:
    """Why `message`'s translation would format differently from its msgid, or None.

    Singular: the same named placeholders (in any order) and the same positional ones (in order). Plural: every form
    may leave out a named placeholder (French says "un membre", not "1 membre") but use none the msgids lack, and
    positional ones must be those of msgid_plural (formatting with a tuple fails on a missing or extra one)."""
    if isinstance(message.id, str):
        want_named, want_positional = placeholders(message.id)
        got_named, got_positional = placeholders(message.string)
        if got_named != want_named or got_positional != want_positional:
            return f"placeholders differ: msgid {_describe(want_named, want_positional)} / msgstr {_describe(got_named, got_positional)}"
        return None
    allowed = Counter()
    for msgid in message.id:
        allowed |= placeholders(msgid)[0]
    want_positional = placeholders(message.id[-1])[1]
    for index, form in enumerate(message.string):
        named, positional = placeholders(form)
        if set(named) - set(allowed) or (positional and positional != want_positional):
            return f"placeholders differ: msgid_plural {_describe(allowed, want_positional)} / msgstr[{index}] {_describe(named, positional)}"
    return None


def _describe(named, positional) -> str:
    parts = [f"%({name}){conv}" for name, conv in sorted(named)] + [f"%{conv}" for conv in positional]
    return " ".join(parts) or "none"


def _header_problems(po: Path, language: str) -> list[str]:
    text = po.read_text(encoding="utf-8")
    header = text[: text.find("\n\n")] if "\n\n" in text else text
    found = dict(re.findall(r'^"([A-Za-z-]+): ?(.*?)\\n"$', header, flags=re.MULTILINE))
    problems = []
    if found.get("Language") != language:
        problems.append(f'header: Language is "{found.get("Language", "")}", not "{language}"')
    if found.get("Plural-Forms") != PLURAL_FORMS.get(language, found.get("Plural-Forms")):
        problems.append(f'header: Plural-Forms is "{found.get("Plural-Forms", "")}", not "{PLURAL_FORMS[language]}"')
    return problems


def _label(message) -> str:
    msgid = message.id if isinstance(message.id, str) else message.id[0]
    where = f" ({message.locations[0][0]})" if message.locations else ""
    context = f"[{message.context}] " if message.context else ""
    return f"{context}{msgid[:70]!r}{where}"


def problems(po: Path, language: str) -> list[str]:
    """Everything wrong with the catalogue `po` for `language`, one line each (an empty list: it is complete)."""
    catalogue = read(po)
    found = [f"{po}: {line}" for line in _header_problems(po, language)]
    for message in catalogue:
        if not message.id:  # the header
            continue
        if not translated(message):
            found.append(f"{po}: untranslated {_label(message)}")
        elif message.fuzzy:
            found.append(f"{po}: fuzzy {_label(message)}")
        elif problem := _placeholder_problem(message):
            found.append(f"{po}: {problem} in {_label(message)}")
    mo = po.with_suffix(".mo")
    if not mo.exists():
        found.append(f"{mo}: missing (python3 dev.py messages compiles it)")
    elif mo.read_bytes() != mo_bytes(po):
        found.append(f"{mo}: stale, not compiled from the .po beside it (python3 dev.py messages compiles it)")
    return found


def msgids(po: Path) -> set:
    """(context, msgid) of every entry; a plural entry's msgid is its (singular, plural) pair."""
    return {(m.context, m.id) for m in read(po) if m.id}


def catalogue_changes(current: Path, extracted: Path) -> list[str]:
    """What a refresh would change in `current`, given the catalogue makemessages wrote to `extracted`."""
    now, wanted = msgids(current), msgids(extracted)
    lines = [f"{current}: not in the catalogue: {_short(key)}" for key in sorted(wanted - now, key=str)]
    lines += [f"{current}: no longer in the code: {_short(key)}" for key in sorted(now - wanted, key=str)]
    return lines


def _short(key) -> str:
    context, msgid = key
    text = msgid if isinstance(msgid, str) else msgid[0]
    return (f"[{context}] " if context else "") + repr(text[:70])


def makemessages(root: Path) -> None:
    """Run makemessages in the source tree `root` (its manage.py, settings and locale/) for our languages."""
    args = [sys.executable, "manage.py", "makemessages", "-v0", *MAKEMESSAGES_OPTIONS]
    for language in languages():
        args += ["-l", language]
    subprocess.run(args, cwd=root, check=True)


def _unchanged_but_for_the_date(old: str, new: str) -> bool:
    strip = re.compile(r'^"POT-Creation-Date: .*\\n"$', flags=re.MULTILINE)
    return strip.sub("", old) == strip.sub("", new)


def fix_header(po: Path, language: str) -> None:
    """Language and Plural-Forms as `language` needs them; the header no longer marked fuzzy."""
    text = po.read_text(encoding="utf-8")
    end = text.find("\n\n")
    header, rest = text[:end], text[end:]
    header = re.sub(r'^"Language: .*\\n"$', f'"Language: {language}\\\\n"', header, flags=re.MULTILINE)
    header = re.sub(
        r'^"Plural-Forms: .*\\n"$', f'"Plural-Forms: {PLURAL_FORMS[language]}\\\\n"', header, flags=re.MULTILINE
    )
    header = re.sub(r"^#, fuzzy\n(?=msgid \"\"\n)", "", header, flags=re.MULTILINE)
    po.write_text(header + rest, encoding="utf-8")


def refresh() -> list[Path]:
    """makemessages into locale/, headers set, .mo compiled. A catalogue whose only change would be the
    POT-Creation-Date keeps its old text (no commit for nothing). Returns the files changed."""
    before = {lang: po_path(lang).read_text(encoding="utf-8") for lang in languages() if po_path(lang).exists()}
    makemessages(ROOT)
    changed = []
    for language in languages():
        po = po_path(language)
        fix_header(po, language)
        if language in before and _unchanged_but_for_the_date(before[language], po.read_text(encoding="utf-8")):
            po.write_text(before[language], encoding="utf-8")
        elif before.get(language) != po.read_text(encoding="utf-8"):
            changed.append(po)
    return changed + compile_all()


def _copy_sources(target: Path) -> None:
    """The tree makemessages reads (code, templates, locale/), without what it ignores anyway."""
    skip = shutil.ignore_patterns(".*", "__pycache__", "*.mo", *IGNORE)
    shutil.copytree(ROOT, target, ignore=skip)


def check(extract: bool = True) -> list[str]:
    """Every problem of every catalogue; with `extract`, also what makemessages would add or drop."""
    found = []
    for language in languages():
        found += problems(po_path(language), language)
    if extract:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / "src"
            _copy_sources(copy)
            makemessages(copy)
            for language in languages():
                found += catalogue_changes(po_path(language), po_path(language, copy / "locale"))
    return found
