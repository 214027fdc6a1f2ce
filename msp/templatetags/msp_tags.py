from decimal import Decimal, InvalidOperation

from django import template
from django.utils.formats import date_format, number_format

from .. import activity, formats
from ..models import Phase
from ..money import minor_unit, round_money

register = template.Library()


@register.inclusion_tag("partials/phase_progress.html")
def phase_progress(partnership, compact=False):
    """The four phases as a progress line, the current one highlighted."""
    steps = [
        {
            "number": phase.value,
            "label": phase.label,
            "done": phase < partnership.phase,
            "current": phase == partnership.phase,
        }
        for phase in Phase
    ]
    return {"steps": steps, "compact": compact}


@register.filter
def phase_label(value):
    try:
        return Phase(int(value)).label
    except (TypeError, ValueError):
        return ""


@register.filter(expects_localtime=True)
def moment(value, length="long"):
    """A point in time as the active language writes it, with its time zone (agreements and e-mails say which
    14:05): "30 November 2026, 14:05 UTC", "30 novembre 2026 14:05 UTC", "30. November 2026 14:05 UTC";
    `length` "short": "30 Nov 2026, 14:05 UTC", "30/11/2026 14:05 UTC", "30.11.2026 14:05 UTC"."""
    if not value:
        return ""
    text = date_format(value, "SHORT_DATETIME_FORMAT") if length == "short" else formats.long_datetime(value)
    return f"{text} {date_format(value, 'T')}"


@register.filter
def money(amount, currency=None):
    """'EUR 1,250,000.00' (French 'EUR 1 250 000,00', German 'EUR 1.250.000,00'): one way to show money
    everywhere, in the active language's format, with the currency's minor unit ('JPY 1,250', 'KWD 3.125'),
    rounded half up (msp.money). `currency` is a Currency or a code."""
    if amount in (None, ""):
        return "–"
    try:
        amount = Decimal(amount)
    except (InvalidOperation, TypeError, ValueError):
        return amount
    if not amount.is_finite():
        return "–"
    code = getattr(currency, "code", currency) or ""
    # number_format cuts extra decimals off; round first so 0.125 EUR shows 0.13, not 0.12.
    decimals = minor_unit(code)
    text = number_format(round_money(amount, code), decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return f"{code} {text}".strip()


@register.simple_tag
def describe_entry(entry):
    """The feed's line for one entry: the whole sentence (translators need it whole) and the fields changed."""
    described = activity.describe(entry)
    sentence = activity.summarise(entry, object_length=80, described=described).sentence
    return {"sentence": sentence, "changes": described[1]}


@register.simple_tag(takes_context=True)
def query_transform(context, **kwargs):
    """The current query string with some parameters replaced (pagination links keep the filters)."""
    query = context["request"].GET.copy()
    for key, value in kwargs.items():
        query[key] = value
    return query.urlencode()
