import datetime as dt
import functools
from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.utils.formats import date_format, number_format
from django.utils.html import conditional_escape, format_html
from django.utils.translation import get_language

from msp.charts import percent
from msp.templatetags.msp_tags import money

from ..formatting import to_html

register = template.Library()

BADGES = {
    "draft": "text-bg-secondary",
    "in_review": "text-bg-info",
    "for_signature": "text-bg-warning",
    "partially_signed": "text-bg-warning",
    "approved": "text-bg-success",
    "in_force": "text-bg-success",
    "superseded": "text-bg-light border",
    "terminated": "text-bg-danger",
}


@register.simple_tag
def status_badge(version):
    """The version's status as a coloured badge (works for roadmap and MoU versions, and for .values() rows)."""
    if isinstance(version, dict):
        status, label = version["status"], version.get("label", version["status"])
    else:
        status, label = version.status, version.get_status_display()
    return format_html('<span class="badge gov-status {}">{}</span>', BADGES.get(status, "text-bg-light"), label)


@register.filter(expects_localtime=True)
def day(value):
    """What `{{ value|date }}` shows (the active language's DATE_FORMAT; a date and time in the local time zone),
    remembered per day and language: formatting reads the month's name through a translation each time, and a
    list of 50 rows shows 100 dates."""
    if value in (None, ""):
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    return _day(value, get_language()) if isinstance(value, dt.date) else ""


@functools.lru_cache(maxsize=4096)
def _day(value, language):
    return date_format(value)  # in the active language, which is `language`


@register.filter
def figure(f):
    """One converted sum (governance.resources.Figure): the amount, or what rate is missing instead of a wrong
    number. The same HTML as governance/resources/figure.html, without an include per figure (an overview shows
    some 60)."""
    if f.ok:
        return conditional_escape(money(f.amount, f.currency))
    return format_html('<span class="text-danger small" data-missing-rate>{}</span>', "; ".join(f.missing))


@register.filter
def formatted(text):
    """Clause text with its simple formatting, sanitised."""
    return to_html(text)


@register.filter
def short_hash(value):
    return f"{value[:8]}…{value[-8:]}" if value and len(value) > 20 else value


@register.filter
def shows_type(clause):
    """Whether to show a clause's type beside its title: not when it would only repeat it ("Exit (Exit)")."""
    return clause.get_type_display().strip().lower() != clause.title.strip().lower()


@register.filter
def rate_number(value):
    """An exchange rate with the decimals it has and no more, in the active language: "1.0845", "655,957"."""
    if value in (None, ""):
        return "–"
    value = Decimal(value)
    decimals = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=decimals, use_l10n=True, force_grouping=True)


@register.filter
def percentage(fraction):
    """A fraction (0.38) as a percentage in the active language ("38%", "38 %"), whole percent; "–" for None."""
    if fraction in (None, ""):
        return "–"
    # Rounded here, half up: number formatting cuts decimals off (0.615 would show 61 %, not 62 %).
    return percent(int((Decimal(fraction) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)))
