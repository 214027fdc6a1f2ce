"""Country names as people write them in a spreadsheet: the ISO code, the IATI codelist's name ("Tanzania, the
United Republic of"), the everyday name in English, French or German ("Tanzania", "Tanzanie", "Tansania", from the
Unicode CLDR through Babel) and a few common short names ("USA", "DRC", "Ivory Coast")."""

import difflib
import functools

from babel import Locale

from .selectors import normalise_name

LANGUAGES = ("en", "fr", "de")

# Short names and older names people use that neither the codelist nor CLDR's standard names give.
COMMON_NAMES = {
    "usa": "US",
    "us": "US",
    "america": "US",
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "drc": "CD",
    "dr congo": "CD",
    "rdc": "CD",
    "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD",
    "republic of congo": "CG",
    "congo brazzaville": "CG",
    "ivory coast": "CI",
    "elfenbeinkuste": "CI",
    "cote divoire": "CI",
    "czech republic": "CZ",
    "swaziland": "SZ",
    "burma": "MM",
    "cape verde": "CV",
    "east timor": "TL",
    "macedonia": "MK",
    "holland": "NL",
    "uae": "AE",
    "vatican": "VA",
    "turkey": "TR",
    "north korea": "KP",
    "south korea": "KR",
    "korea": "KR",
    "palestine": "PS",
    "gambia": "GM",
}


@functools.cache
def _cldr_names() -> dict[str, str]:
    """Normalised CLDR territory names in our languages -> ISO code (the first language wins a clash)."""
    names = {}
    for language in LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if len(code) == 2 and code.isalpha():
                names.setdefault(normalise_name(name), code)
    return names


def names_to_codes(codelist) -> dict[str, str]:
    """Every way of writing a country we accept, normalised, -> its code; `codelist` is (code, name) pairs.
    Codes and codelist names come first, then CLDR names, then the common short names; names of countries the
    codelist lacks are left out."""
    known, heads = {}, {}
    codes = set()
    for code, name in codelist:
        codes.add(code)
        known.setdefault(code.lower(), code)
        known.setdefault(normalise_name(name), code)
        known.setdefault(normalise_name(name.replace("(the)", "").replace(", the", ",")), code)
        # "Bolivia (Plurinational State of)", "Tanzania, the United Republic of": the part before the qualifier.
        head = name.split("(")[0].split(",")[0]
        if head != name:
            heads.setdefault(normalise_name(head), set()).add(code)
    for name, code in [*_cldr_names().items(), *COMMON_NAMES.items()]:
        if code in codes:
            known.setdefault(normalise_name(name), code)
    for head, found in heads.items():
        if len(found) == 1:  # "Virgin Islands" alone could be either
            known.setdefault(head, found.pop())
    return known


def find(text: str, known: dict[str, str]) -> str | None:
    return known.get(text.strip().lower()) or known.get(normalise_name(text))


def suggest(text: str, known: dict[str, str]) -> str | None:
    """The code of the country whose name is closest to `text`, when one is close enough to be a typo."""
    wanted = normalise_name(text)
    if len(wanted) < 4:
        return None
    close = difflib.get_close_matches(wanted, [k for k in known if len(k) > 3], n=1, cutoff=0.8)
    return known[close[0]] if close else None
