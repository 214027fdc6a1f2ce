"""A checked spreadsheet waiting for its "Import all rows" button.

The file waits in private storage (under PRIVATE_MEDIA_ROOT, which no URL serves), the session holds only the ids
of the files its user checked, and the confirm form names one of them: so two tabs importing at once each import
their own file. A pending import is used once, by the person who uploaded it, for the partnership it was checked
for, within `PendingImport.VALID_FOR`; then it and its file are removed (`services.pending_import_take`), and the
scheduled clean-up (`services.pending_imports_purge`) removes those nobody confirmed.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from msp.models import Partnership

# private_storage: the migrations name it here (stakeholders.pending_imports.private_storage).
from msp.storage import private_storage

from .columns import ImportKind

FOLDER = "imports"


def _upload_to(instance, filename):
    # A random name: the original one is kept in `filename`, never used as a path.
    return f"{FOLDER}/{uuid.uuid4().hex}.upload"


class PendingImportQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(created_at__lt=(now or timezone.now()) - PendingImport.VALID_FOR)

    def usable(self, *, by, partnership, now=None):
        """The ones this user may still import into this partnership."""
        return self.filter(
            uploaded_by=by, partnership=partnership, created_at__gte=(now or timezone.now()) - PendingImport.VALID_FOR
        )


class PendingImport(models.Model):
    VALID_FOR = dt.timedelta(hours=1)

    # A random id: the confirm form carries it, and guessing another user's gets nowhere (and tells nothing).
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=20, choices=ImportKind.choices)
    filename = models.CharField(_("file name"), max_length=255)
    file = models.FileField(storage=private_storage, upload_to=_upload_to, max_length=255)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = PendingImportQuerySet.as_manager()

    class Meta:
        verbose_name = _("pending import")
        verbose_name_plural = _("pending imports")

    def __str__(self):
        return self.filename
