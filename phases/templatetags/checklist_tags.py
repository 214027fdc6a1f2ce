"""The checklist's badges and health words, the same on every page and card."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

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


@register.simple_tag
def judge_form_for(forms, item_id):
    """The form sent back for `item_id` (with its errors), or a blank one."""
    return forms.get(item_id) or judge_form(item_id)
