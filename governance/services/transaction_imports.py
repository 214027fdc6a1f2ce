"""Writes of the bank import: keep an uploaded file until it is imported, import it, and clear the files nobody
imported.

The import reads the file again inside the transaction, with the partnership's row locked, so two presses of the
button (or two colleagues importing the same file) import it once: the second finds every row already there.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import transaction as db
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership
from stakeholders.files import FileProblem

from .. import transaction_import
from ..models import PendingTransactionImport, Transaction, TransactionImportMapping


class ImportRefused(Exception):
    """Nothing was imported: the preview (as it is now) has problems or rows with errors."""

    def __init__(self, preview):
        super().__init__(_("Nothing was imported."))
        self.preview = preview


def pending_transaction_import_create(*, partnership, by, filename, content) -> PendingTransactionImport:
    """Keep an uploaded bank file for its mapping and preview; a file that cannot be read is refused."""
    access.require(by, "change", partnership)
    try:
        transaction_import.read_table(filename, content)
    except FileProblem as exc:
        raise ValidationError({"file": str(exc)}) from exc
    return PendingTransactionImport.objects.create(
        partnership=partnership, uploaded_by=by, filename=filename[-255:], content=content
    )


def remembered_mapping(partnership) -> dict:
    mapping = TransactionImportMapping.objects.filter(partnership=partnership).first()
    return mapping.choices if mapping else {}


def transactions_import(*, partnership, by, pending, mapping, skip_errors=False) -> dict:
    """Import the rows of `pending` read with `mapping`: one import batch, all rows or none (`skip_errors`: the rows
    without errors). Rows already imported are skipped. Remembers the mapping for the partnership's next file and
    removes the pending file. Returns the batch id and the counts of rows created and skipped."""
    access.require(by, "change", partnership)
    with db.atomic():
        Partnership.objects.select_for_update().filter(pk=partnership.pk).first()
        preview = transaction_import.preview(
            partnership=partnership, filename=pending.filename, content=bytes(pending.content), mapping=mapping
        )
        if preview.problems or (preview.error_rows and not skip_errors):
            raise ImportRefused(preview)
        batch = uuid.uuid4()
        Transaction.objects.bulk_create(
            Transaction(
                partnership=partnership,
                type=row.type,
                date=row.date,
                amount=row.amount,
                currency_id=row.currency,
                counterpart=row.counterpart,
                counterpart_name=row.counterpart_name,
                reference=row.reference,
                description=row.description,
                import_batch=batch,
                fingerprint=row.fingerprint,
                created_by=by,
            )
            for row in preview.new_rows
        )
        TransactionImportMapping.objects.update_or_create(
            partnership=partnership,
            defaults={"choices": mapping.remembered(preview.table.headers), "updated_at": timezone.now()},
        )
        PendingTransactionImport.objects.filter(pk=pending.pk).delete()
    return {
        "batch": batch,
        "created": len(preview.new_rows),
        "duplicates": len(preview.duplicate_rows),
        "errors": len(preview.error_rows),
    }
