"""Reads of the installation's exchange rates (conversions are governance.money's)."""

from django.http import Http404
from django.utils.translation import gettext as _

from ..models import ExchangeRate


def rates_list():
    """Every rate, newest first, with the user who recorded it: one query per page."""
    return ExchangeRate.objects.select_related("recorded_by").order_by("-date", "base_id", "quote_id", "pk")


def rate_currencies() -> list[str]:
    """The codes that appear in some rate, in order (the list's filter offers only these): one query."""
    bases = ExchangeRate.objects.order_by().values_list("base_id", flat=True)
    quotes = ExchangeRate.objects.order_by().values_list("quote_id", flat=True)
    return sorted(set(bases.union(quotes)))


def rate_or_404(pk):
    try:
        return ExchangeRate.objects.select_related("base", "quote").get(pk=pk)
    except (ExchangeRate.DoesNotExist, ValueError, TypeError):
        raise Http404(_("No such exchange rate.")) from None
