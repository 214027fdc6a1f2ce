"""Indicator values and lights as the pages show them."""

from decimal import Decimal

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def measurement(value, decimals=2):
    """A Decimal as the active language writes it, without trailing zeros ("1 250,5"); "" for None."""
    if value is None or value == "":
        return ""
    value = Decimal(value).quantize(Decimal(1).scaleb(-int(decimals)))
    places = max(0, -value.normalize().as_tuple().exponent)
    return number_format(value, decimal_pos=places, use_l10n=True, force_grouping=True)


@register.filter
def progress_percent(value):
    """A progress percentage, rounded to a whole per cent ("87 %"); "" for None."""
    if value is None:
        return ""
    return f"{number_format(Decimal(value).quantize(Decimal(1)), decimal_pos=0, use_l10n=True)} %"


@register.inclusion_tag("monitoring/partials/light.html")
def light(row):
    """The traffic light of a progress.PeriodProgress (or anything with `light` and `light_label`)."""
    return {"row": row}
