"""Text that must stay on one line: names, titles, e-mail subjects.

A line break in a partnership's name used to reach the subject of every e-mail about it, where Django rightly refuses
the header (it could smuggle in a Bcc:), so every such e-mail failed for good. Single-line fields refuse control
characters when they are entered (`no_control_characters`, attached to every CharField of our models at start-up),
and subjects are flattened when they are built (`one_line`), for rows written before the rule existed.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Our apps' models (and the user's names): every CharField there is a single line of text.
SINGLE_LINE_APPS = {"msp", "phases", "stakeholders", "governance", "monitoring", "auth"}


def _is_control(char):
    return unicodedata.category(char) in {"Cc", "Zl", "Zp"}  # CR, LF, tab, NUL, ..., U+2028, U+2029


def no_control_characters(value):
    if isinstance(value, str) and any(_is_control(c) for c in value):
        raise ValidationError(
            _("This must fit on one line: remove line breaks, tabs and other control characters."),
            code="control_characters",
        )


def cap_length(field, limit):
    """Limit a form's text field to `limit` characters (a TextField has no limit of its own): a pasted document of
    megabytes gets the field's message, with what was typed kept, instead of a page nobody can read."""
    field.max_length = limit
    field.validators.append(MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = str(limit)


def one_line(text, limit=None):
    """`text` with every run of control characters and spaces turned into one space, trimmed (and cut to `limit`)."""
    flat = " ".join("".join(" " if _is_control(c) else c for c in str(text)).split())
    return flat[:limit] if limit else flat


def guard_single_line_fields(models):
    """Attach `no_control_characters` to the CharFields of `models` (model validation: forms and full_clean).

    Appended to the field's validator list, not to its constructor arguments, so migrations do not change.
    """
    from django.db.models import CharField

    for model in models:
        if model._meta.app_label not in SINGLE_LINE_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, CharField) and no_control_characters not in field.validators:
                field.validators.append(no_control_characters)


# Languages that write nouns with a capital letter inside a sentence: a label inserted there keeps its case.
NOUNS_CAPITALISED = {"de"}


def in_sentence(label):
    """A choice label (a status, a level, a role) as it reads inside a sentence of the active language: "version 2
    is approved", "la version 2 est approuvée", but "Version 2 hat den Status Genehmigt" keeps German nouns whole."""
    from django.utils.translation import get_language

    text = str(label)
    if (get_language() or "en").split("-")[0] in NOUNS_CAPITALISED:
        return text
    return text.lower()


def file_slug(text, limit=50) -> str:
    """A name as part of a download's file name: lower case, every run of characters that are not letters or digits
    one hyphen, none at the ends, at most `limit` characters ("Café & Co." -> "café-co")."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in str(text).lower()).strip("-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    return slug[:limit]
