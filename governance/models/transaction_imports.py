"""The bank import of transactions: the file waiting between its steps (upload, mapping and preview, import) and the
column mapping each partnership's secretariat chose last time.

A waiting file belongs to the partnership, not to one person: anyone of its secretariat may carry on an import a
colleague started. It is kept in the database (a bank export is a few hundred kilobytes at most, 5 MB is the
limit), so there is no file to lose between the steps; the import removes it, and so does the hourly clean-up
after `VALID_FOR`.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership


class TransactionImportMapping(models.Model):
    """Which column of a bank file holds what, remembered per partnership: `choices` holds the settings (number
    format, date order, fixed currency, outgoing type) and, by field, the normalised name of the header chosen
    (governance.transaction_import.header_key), so a file with the same headers is mapped the same way."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="transaction_import_mapping")
    choices = models.JSONField(_("choices"), default=dict)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("transaction import mapping")
        verbose_name_plural = _("transaction import mappings")

    def __str__(self):
        return str(self.partnership)


class PendingTransactionImport(models.Model):
    VALID_FOR = dt.timedelta(hours=2)

    # A random id in the URL: guessing another partnership's gets nowhere.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("pending transaction import")
        verbose_name_plural = _("pending transaction imports")

    def __str__(self):
        return self.filename

    @classmethod
    def usable(cls, partnership, now=None):
        return cls.objects.filter(partnership=partnership, created_at__gte=(now or timezone.now()) - cls.VALID_FOR)

    @classmethod
    def purge(cls, now=None) -> int:
        """Remove the files nobody imported in time (the hourly clean-up). Returns how many went."""
        return cls.objects.filter(created_at__lt=(now or timezone.now()) - cls.VALID_FOR).delete()[0]
