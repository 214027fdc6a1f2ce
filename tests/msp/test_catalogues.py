"""The catalogue checks of `manage.py messages --check` (CI), on small catalogues written here, and on the real ones:
their .mo files are what Babel compiles from the .po files, and every string is translated."""

import gettext

import pytest

from msp import catalogues

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: {language}\\n"
"Plural-Forms: {plural}\\n"

"""

COMPLETE = """#: templates/base.html
msgid "Partnerships"
msgstr "Partenariats"

#: msp/views.py
#, python-format
msgid "%(name)s moved to phase %(n)d"
msgstr "Phase %(n)d pour %(name)s"

#: msp/views.py
#, python-format
msgid "one member"
msgid_plural "%(count)d members"
msgstr[0] "un membre"
msgstr[1] "%(count)d membres"

#: msp/models.py
msgctxt "month"
msgid "May"
msgstr "mai"
"""


def write(tmp_path, body, language="fr", compiled=True):
    po = tmp_path / language / "LC_MESSAGES" / "django.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(HEADER.format(language=language, plural=catalogues.PLURAL_FORMS[language]) + body)
    if compiled:
        po.with_suffix(".mo").write_bytes(catalogues.mo_bytes(po))
    return po


def test_a_complete_compiled_catalogue_has_no_problems(tmp_path):
    assert catalogues.problems(write(tmp_path, COMPLETE), "fr") == []


def test_an_untranslated_string_fails_the_check(tmp_path):
    po = write(tmp_path, COMPLETE + '\n#: templates/msp/dashboard.html\nmsgid "Key facts"\nmsgstr ""\n')
    assert catalogues.problems(po, "fr") == [f"{po}: untranslated 'Key facts' (templates/msp/dashboard.html)"]


def test_a_plural_with_one_form_missing_is_untranslated(tmp_path):
    po = write(tmp_path, COMPLETE.replace('msgstr[1] "%(count)d membres"', 'msgstr[1] ""'))
    assert [p.split(": ", 1)[1] for p in catalogues.problems(po, "fr")] == ["untranslated 'one member' (msp/views.py)"]


def test_a_fuzzy_translation_fails_the_check(tmp_path):
    po = write(tmp_path, COMPLETE.replace("#: templates/base.html\n", "#: templates/base.html\n#, fuzzy\n"))
    assert catalogues.problems(po, "fr") == [f"{po}: fuzzy 'Partnerships' (templates/base.html)"]


@pytest.mark.parametrize(
    "msgstr",
    [
        '"Phase %(n)d pour %(nom)s"',  # a renamed placeholder: KeyError when formatted
        '"Phase %(n)s pour %(name)s"',  # another conversion
        '"Phase pour %(name)s"',  # one left out
        '"Phase %(n)d pour %(name)s (%s)"',  # one added
    ],
)
def test_a_placeholder_that_differs_from_the_msgid_fails_the_check(tmp_path, msgstr):
    po = write(tmp_path, COMPLETE.replace('"Phase %(n)d pour %(name)s"', msgstr))
    [problem] = catalogues.problems(po, "fr")
    assert "placeholders differ" in problem and "%(name)s moved to phase" in problem


def test_a_plural_form_with_a_placeholder_the_msgids_lack_fails(tmp_path):
    po = write(tmp_path, COMPLETE.replace('msgstr[0] "un membre"', 'msgstr[0] "%(n)d membre"'))
    [problem] = catalogues.problems(po, "fr")
    assert "msgstr[0] %(n)d" in problem


def test_a_literal_percent_sign_is_not_a_placeholder(tmp_path):
    body = '#, python-format\nmsgid "%(p)d%% done"\nmsgstr "%(p)d %% fait"\n'
    assert catalogues.problems(write(tmp_path, body), "fr") == []


def test_a_stale_or_missing_mo_fails_the_check(tmp_path):
    po = write(tmp_path, COMPLETE)
    po.write_text(po.read_text().replace('"Partenariats"', '"Partenariats MSP"'))
    assert catalogues.problems(po, "fr") == [
        f"{po.with_suffix('.mo')}: stale, not compiled from the .po beside it (python3 dev.py messages compiles it)"
    ]
    po.with_suffix(".mo").unlink()
    assert "missing" in catalogues.problems(po, "fr")[0]


def test_a_header_without_language_or_with_other_plural_forms_fails(tmp_path):
    po = write(tmp_path, COMPLETE)
    po.write_text(po.read_text().replace('"Language: fr\\n"', '"Language: \\n"').replace("(n > 1)", "(n != 1)"))
    po.with_suffix(".mo").write_bytes(catalogues.mo_bytes(po))
    assert [p.split(": ", 1)[1] for p in catalogues.problems(po, "fr")] == [
        'header: Language is "", not "fr"',
        'header: Plural-Forms is "nplurals=2; plural=(n != 1);", not "nplurals=2; plural=(n > 1);"',
    ]


def test_the_header_is_fixed_by_a_refresh(tmp_path):
    po = write(tmp_path, COMPLETE, language="de")
    po.write_text("#, fuzzy\n" + po.read_text().replace('"Language: de\\n"', '"Language: \\n"'))
    catalogues.fix_header(po, "de")
    text = po.read_text()
    assert '"Language: de\\n"' in text and '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"' in text
    assert not text.startswith("#, fuzzy")


def test_the_compiled_catalogue_works_without_gnu_gettext(tmp_path):
    po = write(tmp_path, COMPLETE + '\nmsgid "Not yet"\nmsgid_plural "Not yet either"\nmsgstr[0] ""\nmsgstr[1] ""\n')
    with open(po.with_suffix(".mo"), "rb") as f:
        compiled = gettext.GNUTranslations(f)
    assert compiled.gettext("Partnerships") == "Partenariats"
    assert compiled.ngettext("one member", "%(count)d members", 1) == "un membre"
    assert compiled.ngettext("one member", "%(count)d members", 0) == "un membre"  # French: n > 1 is plural
    assert compiled.ngettext("one member", "%(count)d members", 2) == "%(count)d membres"
    assert compiled.pgettext("month", "May") == "mai"
    # An entry without every form is left out, so the English shows, never an empty string.
    assert compiled.ngettext("Not yet", "Not yet either", 2) == "Not yet either"


def test_a_string_added_or_removed_in_the_code_is_a_change_to_the_catalogue(tmp_path):
    current = write(tmp_path / "now", COMPLETE)
    extracted = write(
        tmp_path / "extracted",
        COMPLETE.replace('msgctxt "month"\nmsgid "May"\nmsgstr "mai"\n', 'msgid "Roadmap"\nmsgstr ""\n'),
    )
    assert catalogues.catalogue_changes(current, extracted) == [
        f"{current}: not in the catalogue: 'Roadmap'",
        f"{current}: no longer in the code: [month] 'May'",
    ]
    assert catalogues.catalogue_changes(current, current) == []


# --- the real catalogues --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "de"])
def test_the_committed_mo_files_are_compiled_from_the_po_files(language):
    po = catalogues.po_path(language)
    assert po.with_suffix(".mo").read_bytes() == catalogues.mo_bytes(po), "python3 dev.py messages --compile"


def test_the_catalogues_are_the_languages_of_the_interface():
    assert catalogues.languages() == ["fr", "de"]
    assert set(catalogues.PLURAL_FORMS) == {"fr", "de"}


@pytest.mark.parametrize("language", ["fr", "de"])
def test_every_string_is_translated_in_the_real_catalogues(language):
    assert catalogues.problems(catalogues.po_path(language), language) == []


def test_the_check_extracts_into_a_copy_of_the_sources_not_into_locale(monkeypatch):
    roots = []
    monkeypatch.setattr(catalogues, "makemessages", lambda root: roots.append(root))
    monkeypatch.setattr(catalogues, "catalogue_changes", lambda current, extracted: [str(extracted)])
    monkeypatch.setattr(catalogues, "problems", lambda po, language: [])
    extracted = catalogues.check()
    [root] = roots
    assert root != catalogues.ROOT and extracted == [
        str(root / "locale" / lang / "LC_MESSAGES" / "django.po") for lang in ("fr", "de")
    ]
