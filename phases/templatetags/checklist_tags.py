"""The checklist's badges and health words, the same on every page and card."""

from functools import cache

from crispy_forms.templatetags.crispy_forms_filters import as_crispy_form
from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _

from msp.charts import percent

from ..catalogue import HARD, Result
from ..checklist_forms import judge_form

register = template.Library()

BADGES = {
    Result.PASS: ("text-bg-success", "check-circle-fill"),
    Result.WARN: ("text-bg-warning", "exclamation-triangle-fill"),
    Result.FAIL: ("text-bg-danger", "x-circle-fill"),
    Result.CONFIRM: ("text-bg-info", "question-circle-fill"),
    Result.NOT_APPLICABLE: ("text-bg-light border", "dash-circle"),
}


@register.inclusion_tag("phases/partials/result_badge.html")
def result_badge(result):
    """A result as colour, icon and text (the text alone carries the meaning)."""
    css, icon = BADGES.get(result, BADGES[Result.NOT_APPLICABLE])
    return {"css": css, "icon": icon, "label": Result(result).label if result in Result.values else result}


@register.filter
def health_percent(share):
    return "–" if share is None else percent(share * 100)


@register.filter
def health_word(share):
    if share is None:
        return pgettext("checklist health", "Not measured yet")
    if share >= 0.8:
        return pgettext("checklist health", "Good")
    if share >= 0.5:
        return pgettext("checklist health", "Fair")
    return pgettext("checklist health", "Poor")


@register.filter
def gate_kind(kind):
    return _("hard gate") if kind == HARD else _("soft gate")


# Stands for the item's id in the blank judgement form drawn once (ids "id_<item>_result_0"...).
PLACEHOLDER = "__item__"


@register.simple_tag
def judge_form_html(forms, item_id):
    """The judgement form of `item_id` as crispy draws it: the form sent back for it (with its errors), or a blank
    one. The blank form differs from item to item only by the item's id in its ids, so it is drawn once per
    language and the id put in: drawing it per judged item took a third of the checklist page's time."""
    if item_id in forms:
        return as_crispy_form(forms[item_id])
    return mark_safe(_blank_judge_form(get_language()).replace(f"id_{PLACEHOLDER}_", f"id_{item_id}_"))


@cache
def _blank_judge_form(language):
    """`language` keys the cache only: the form's words are those of the active language."""
    return as_crispy_form(judge_form(PLACEHOLDER))
