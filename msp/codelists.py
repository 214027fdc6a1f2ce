"""Reference data: the IATI codelists the core needs (countries, currencies, SDG goals and targets), named in the
active language.

IATI publishes English and, for some codelists, French names (SDG goals and targets, organisation types, ...):
the French name is stored next to the English one (`name_fr`) and shown when French is active. Country and
currency names come from the Unicode CLDR through Babel in every language but English, where the codelist's own
name stays. Where no source has a name in the active language (IATI publishes no German), English is shown.

Pages, forms, exports and PDFs show `display` (the label in the active language; `display_name` the name alone).
`str()` stays English whatever the language: it is what django-auditlog writes into the activity feed's records
(added countries, a changed currency), which must not depend on who made the change, and what the admin shows.
"""

import functools
import unicodedata

from babel import Locale
from babel.core import UnknownLocaleError
from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _


def language() -> str:
    """The active language's code without region ("fr" for "fr-ch"), the default language outside a request."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()


def in_language(english: str, french: str = "") -> str:
    """A codelist name in the active language: French where IATI gives one, English otherwise."""
    return french if french and language() == "fr" else english


@functools.cache
def _cldr(code: str) -> Locale | None:
    try:
        return Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        return None


def cldr_name(kind: str, code: str, english: str) -> str:
    """CLDR's name of territory or currency `code` (`kind` "territories" or "currencies") in the active language;
    `english`, the codelist's name, in English or when CLDR has none."""
    lang = language()
    locale = _cldr(lang) if lang != "en" else None
    return getattr(locale, kind).get(code, english) if locale else english


def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it in any of our languages: accents and case do not count."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class CodelistQuerySet(models.QuerySet):
    def current(self):
        """Codes still in use (IATI marks retired codes as withdrawn; old records may still point at them)."""
        return self.filter(withdrawn=False)


class Country(models.Model):
    """ISO 3166-1 alpha-2, from the IATI Country codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    withdrawn = models.BooleanField(default=False)

    objects = CodelistQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        return cldr_name("territories", self.code, self.name)

    display = display_name


class Currency(models.Model):
    """ISO 4217, from the IATI Currency codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    code = models.CharField(_("code"), max_length=3, primary_key=True)
    name = models.CharField(_("name"), max_length=120)
    withdrawn = models.BooleanField(default=False)

    objects = CodelistQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("currency")
        verbose_name_plural = _("currencies")

    def __str__(self):
        return f"{self.code} – {self.name}"

    @property
    def display_name(self):
        return cldr_name("currencies", self.code, self.name)

    @property
    def display(self):
        return f"{self.code} – {self.display_name}"


class SdgGoal(models.Model):
    """The 17 goals, from the IATI UNSDG-Goals codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    number = models.PositiveSmallIntegerField(_("number"), primary_key=True)
    name = models.CharField(_("name"), max_length=200)
    name_fr = models.CharField(_("name in French"), max_length=400, blank=True)  # French runs longer: 285

    class Meta:
        ordering = ["number"]
        verbose_name = _("SDG goal")
        verbose_name_plural = _("SDG goals")

    def __str__(self):
        return self.name

    @property
    def display_name(self):
        """'Goal 1. End poverty in all its forms everywhere', 'Objectif 1. Éliminer la pauvreté ...' in French."""
        return in_language(self.name, self.name_fr)

    display = display_name

    @property
    def short_name(self):
        """'End poverty in all its forms everywhere' without the 'Goal 1.' prefix."""
        return self.display_name.split(". ", 1)[-1]


class SdgTarget(models.Model):
    """The 169 targets, from the IATI UNSDG-Targets codelist (IATI Standard, http://iatistandard.org/, CC BY 4.0)."""

    code = models.CharField(_("code"), max_length=8, primary_key=True)
    goal = models.ForeignKey(SdgGoal, on_delete=models.CASCADE, related_name="targets")
    # Codes sort as text ("1.10" before "1.2"); position keeps the codelist's own order.
    position = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(_("description"))
    description_fr = models.TextField(_("description in French"), blank=True)

    class Meta:
        ordering = ["position"]
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")

    def __str__(self):
        return f"{self.code} {self.description}"

    @property
    def display_description(self):
        return in_language(self.description, self.description_fr)

    @property
    def display(self):
        return f"{self.code} {self.display_description}"
