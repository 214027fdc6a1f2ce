"""Exchange rates, shared by the whole installation (no partnership): "1 unit of `base` is `rate` units of
`quote` on `date`". One rate per pair and day (a correction edits it; the activity log keeps the old value); a
currency is never quoted against itself. governance.money is the one place that converts with them.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.codelists import Currency


class ExchangeRate(models.Model):
    base = models.ForeignKey(
        Currency, on_delete=models.PROTECT, related_name="+", verbose_name=_("base currency"), db_index=False
    )
    quote = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+", verbose_name=_("quote currency"))
    rate = models.DecimalField(
        _("rate"),
        max_digits=24,
        decimal_places=10,
        help_text=_("How many units of the quote currency one unit of the base currency buys on that date."),
    )
    date = models.DateField(_("date"))
    source = models.CharField(
        _("source"), max_length=100, blank=True, help_text=_("Where the rate comes from, e.g. ECB or manual.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["-date", "base", "quote"]
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        constraints = [
            # Also the index for "the latest rate of this pair on or before a date".
            models.UniqueConstraint(fields=["base", "quote", "date"], name="exchange_rate_one_per_pair_and_day"),
            models.CheckConstraint(condition=~Q(base=F("quote")), name="exchange_rate_two_currencies"),
            models.CheckConstraint(condition=Q(rate__gt=0), name="exchange_rate_positive"),
        ]

    def __str__(self):
        return f"1 {self.base_id} = {self.rate.normalize():f} {self.quote_id} ({self.date.isoformat()})"
