"""The catalogue's types: areas, kinds, results, items."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    CS = "CS", _("Common strategy and future planning")
    CM = "CM", _("Cooperation management")
    SR = "SR", _("Steering and resources")
    CX = "CX", _("Context")
    ME = "ME", _("Monitoring, evaluation and learning")
    PM = "PM", _("Process management")
    FD = "FD", _("Further development")


class Kind(models.TextChoices):
    AUTO = "auto", pgettext_lazy("checklist item kind", "Automatic")
    ASSISTED = "assisted", pgettext_lazy("checklist item kind", "Assisted")
    MANUAL = "manual", pgettext_lazy("checklist item kind", "Manual")


class Result(models.TextChoices):
    PASS = "pass", pgettext_lazy("checklist result", "Pass")
    WARN = "warn", pgettext_lazy("checklist result", "Warning")
    FAIL = "fail", pgettext_lazy("checklist result", "Fail")
    NOT_APPLICABLE = "na", pgettext_lazy("checklist result", "Not applicable")
    CONFIRM = "confirm", pgettext_lazy("checklist result", "Needs confirmation")


HARD, SOFT = "hard", "soft"


@dataclass(frozen=True)
class Item:
    id: str
    title: str
    area: str
    phases: frozenset
    kind: str
    seed: str  # the seed's sentence, quoted in English (also the msgid of its translation)
    rule: str  # what the check looks at, in words
    todo: str  # what to do when it does not pass
    gates: dict = field(default_factory=dict)  # phase whose exit it guards -> HARD or SOFT
    params: dict = field(default_factory=dict)  # `cfg` numbers: name -> installation default

    @property
    def seed_words(self):
        """The seed sentence in the project's own words, in the active language."""
        return gettext(self.seed)

    def describe(self, params=None):
        """What the rule checks, with the partnership's numbers (`params` over the installation defaults)."""
        return str(self.rule) % {**self.params, **(params or {})}


def item(id, title, area, phases, kind, seed, rule, todo, gates=None, **params):
    return Item(id, title, area, frozenset(phases), kind, seed, rule, todo, gates or {}, params)
