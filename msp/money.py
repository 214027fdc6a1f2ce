"""Money for display: how many decimals a currency shows (its minor unit) and rounding to them.

Amounts are Decimal end to end and never rounded where they are stored or converted (governance.money converts);
only what is shown or exported as a final figure is rounded, here, to the currency's minor unit as the Unicode
CLDR (through Babel) gives it: JPY and XOF 0, EUR and USD 2, KWD 3. Half a minor unit rounds away from zero
(ROUND_HALF_UP, what accountants expect: 0.125 EUR is 0.13), not to even.
"""

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import get_currency_precision


def minor_unit(currency_code) -> int:
    """The number of decimals the currency is written with; 2 for an unknown or missing code."""
    code = getattr(currency_code, "code", currency_code)
    if not code:
        return 2
    return get_currency_precision(str(code).upper())


def round_money(amount, currency_code) -> Decimal:
    """`amount` rounded half up to the currency's minor unit (a Decimal; floats are refused by Decimal's str)."""
    amount = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    return amount.quantize(Decimal(1).scaleb(-minor_unit(currency_code)), rounding=ROUND_HALF_UP)
