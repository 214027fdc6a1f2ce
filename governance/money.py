"""The one place that converts money between currencies, with the installation's exchange rates.

A report loads a `RateBook` once (one query, `RateBook.load()`), then converts as many amounts as it likes
without another query: `book.convert(amount, "XOF", "EUR", on=date)` gives a `Conversion`, which has the amount
(or None) and says which rate it used, or why there is none. The rules, in order:

- the same currency: the amount unchanged;
- the latest rate on or before `on` between the two currencies: recorded in this direction (X→Y, "direct",
  multiply) or the other (Y→X, "inverted", divide); when both directions are recorded, the later one, and on the
  same day the direct one;
- else through one common currency Z that has a rate with each of them (X–Z and Z–Y, each the latest on or before
  `on`, each direct or inverted): the Z whose older rate is the most recent, then USD, EUR, and the rest by code;
- else no amount, and a message ("no rate for XOF on 2026-03-01"): never a wrong number.

Decimal end to end, with 34 significant digits (more than any amount or rate stored has: multiplication is
exact, an inverted rate divides), and nothing is rounded here; rounding to the currency's minor unit is for
display only (msp.money.round_money, the `money` template filter).
"""

import bisect
import datetime as dt
import decimal
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from msp.money import minor_unit, round_money

from .models import ExchangeRate

__all__ = ["Conversion", "Leg", "RateBook", "RateUsed", "minor_unit", "round_money"]

# Division (an inverted rate) is the only inexact step: more digits than any amount or rate stored has.
CONTEXT = decimal.Context(prec=34, rounding=decimal.ROUND_HALF_EVEN)
SHOWN = decimal.Context(prec=6, rounding=decimal.ROUND_HALF_UP)
# Tried first as the common currency when several would do (the usual vehicle currencies).
PREFERRED_VIA = ("USD", "EUR")

HOW = {
    "same": gettext_lazy("same currency"),
    "direct": gettext_lazy("direct"),
    "inverted": gettext_lazy("inverted"),
}


def _code(currency) -> str:
    return str(getattr(currency, "code", currency) or "").upper()


@dataclass(frozen=True)
class Leg:
    """One recorded rate used in a conversion: 1 `base` = `rate` `quote` on `date`, read forwards or inverted."""

    base: str
    quote: str
    rate: Decimal
    date: dt.date
    inverted: bool = False

    @property
    def factor(self) -> Decimal:
        return CONTEXT.divide(Decimal(1), self.rate) if self.inverted else self.rate


@dataclass(frozen=True)
class RateUsed:
    """What a conversion multiplied by (`value`), the date of the rate (the older one, through a common currency),
    how it was found ("same", "direct", "inverted", "through") and the recorded rates behind it."""

    value: Decimal
    date: dt.date | None
    how: str
    via: str = ""
    legs: tuple = ()

    def describe(self, currency, to) -> str:
        """What a figure converted with this rate says about it, in the active language: "1 XOF = 0.001524 EUR,
        rate of 1 Jan 2026 (inverted)"."""
        if self.how == "same":
            return self.how_label
        shown = SHOWN.plus(self.value).normalize()  # six significant digits are enough to recognise a rate
        decimals = max(0, -shown.as_tuple().exponent)
        value = number_format(shown, decimal_pos=decimals, use_l10n=True, force_grouping=True)
        return _("1 %(currency)s = %(value)s %(to)s, rate of %(date)s (%(how)s)") % {
            "currency": _code(currency),
            "value": value,
            "to": _code(to),
            "date": date_format(self.date),
            "how": self.how_label,
        }

    @property
    def how_label(self) -> str:
        if self.how == "through":
            return _("through %(currency)s") % {"currency": self.via}
        return str(HOW[self.how])


@dataclass(frozen=True)
class Conversion:
    amount: Decimal | None
    currency: str  # the currency converted to
    rate: RateUsed | None = None
    missing: str = ""  # why there is no amount ("no rate for XOF on 2026-03-01"), translated

    @property
    def ok(self) -> bool:
        return self.amount is not None

    def rounded(self) -> Decimal | None:
        """The amount rounded to the target currency's minor unit, for display and totals shown."""
        return None if self.amount is None else round_money(self.amount, self.currency)


@dataclass
class RateBook:
    """Every rate of the currencies asked for, by pair (base, quote): dates in order and their rates."""

    pairs: dict = field(default_factory=dict)

    @classmethod
    def load(cls, currencies=None, *, until=None) -> "RateBook":
        """One query. `currencies` (codes or Currency rows) limits the book to the rates that involve one of them,
        which still holds both rates of a conversion through a third currency; `until` leaves out later ones."""
        return cls.from_rows(cls.rows(currencies, until=until))

    @staticmethod
    def rows(currencies=None, *, until=None):
        """load()'s query: (base, quote, date, rate) tuples."""
        rates = ExchangeRate.objects.order_by("date")
        if currencies is not None:
            codes = sorted({_code(c) for c in currencies})
            rates = rates.filter(Q(base_id__in=codes) | Q(quote_id__in=codes))
        if until is not None:
            rates = rates.filter(date__lte=until)
        return rates.values_list("base_id", "quote_id", "date", "rate")

    @classmethod
    def from_rows(cls, rows) -> "RateBook":
        """A book from (base, quote, date, rate) tuples (in any order), without the database."""
        book = cls()
        for base, quote, date, rate in sorted(rows, key=lambda r: r[2]):
            dates, values = book.pairs.setdefault((base, quote), ([], []))
            dates.append(date)
            values.append(Decimal(rate))
        return book

    def _latest(self, base, quote, on) -> Leg | None:
        found = self.pairs.get((base, quote))
        if not found:
            return None
        dates, values = found
        i = bisect.bisect_right(dates, on)
        return Leg(base, quote, values[i - 1], dates[i - 1]) if i else None

    def _leg(self, source, target, on) -> Leg | None:
        """The latest recorded rate between the two on or before `on`, either way round (the later; direct on a
        tie), as a leg from `source` to `target`."""
        direct = self._latest(source, target, on)
        inverse = self._latest(target, source, on)
        if inverse is not None and (direct is None or inverse.date > direct.date):
            return Leg(inverse.base, inverse.quote, inverse.rate, inverse.date, inverted=True)
        return direct

    def _through(self, source, target, on) -> tuple | None:
        partners = {q for b, q in self.pairs if b == source} | {b for b, q in self.pairs if q == source}
        candidates = []
        for via in partners - {source, target}:
            first, second = self._leg(source, via, on), self._leg(via, target, on)
            if first and second:
                rank = PREFERRED_VIA.index(via) if via in PREFERRED_VIA else len(PREFERRED_VIA)
                candidates.append((-min(first.date, second.date).toordinal(), rank, via, first, second))
        return min(candidates)[2:] if candidates else None

    def rate(self, currency, to, on: dt.date) -> RateUsed | None:
        """The rate that converts `currency` into `to` on `on`, or None."""
        source, target = _code(currency), _code(to)
        if source == target:
            return RateUsed(Decimal(1), None, "same")
        leg = self._leg(source, target, on)
        if leg is not None:
            return RateUsed(leg.factor, leg.date, "inverted" if leg.inverted else "direct", legs=(leg,))
        through = self._through(source, target, on)
        if through is None:
            return None
        via, first, second = through
        factor = CONTEXT.multiply(first.factor, second.factor)
        return RateUsed(factor, min(first.date, second.date), "through", via=via, legs=(first, second))

    def convert(self, amount, currency, to, on: dt.date) -> Conversion:
        """`amount` of `currency` in `to` with the rate of `on` (see the module's rules)."""
        target = _code(to)
        used = self.rate(currency, target, on)
        if used is None:
            message = _("no rate for %(currency)s on %(date)s") % {"currency": _code(currency), "date": on.isoformat()}
            return Conversion(None, target, None, message)
        amount = amount if isinstance(amount, Decimal) else Decimal(str(amount))
        value = amount
        for leg in used.legs:  # leg by leg: a division by the rate itself, not a multiplication by 1 / rate
            value = CONTEXT.divide(value, leg.rate) if leg.inverted else CONTEXT.multiply(value, leg.rate)
        return Conversion(value, target, used)
