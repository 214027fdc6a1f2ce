"""Imports of spreadsheets: the checked file waiting in private storage (see `pending_imports`), and the import
itself, all rows or none."""

import hashlib
import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access

from .. import spreadsheets
from ..models import ContactPerson, Membership, Organisation, StakeholderMapEntry
from ..pending_imports import FOLDER, PendingImport, private_storage
from .common import _lock

logger = logging.getLogger(__name__)


def pending_import_create(*, partnership, by, kind, filename, content) -> PendingImport:
    """Keep a checked file in private storage until its "Import all rows" button (see `pending_imports`)."""
    access.require(by, "change", partnership)
    pending = PendingImport(
        partnership=partnership,
        uploaded_by=by,
        kind=kind,
        filename=filename[-255:],
        sha256=hashlib.sha256(content).hexdigest(),
    )
    # The file first: if the row is not written, the clean-up removes the file it finds without one.
    pending.file.save("upload", ContentFile(content), save=False)
    pending.full_clean()
    pending.save()
    return pending


def pending_import_take(*, pk, partnership, by) -> tuple[PendingImport, bytes] | None:
    """The waiting file `pk` and its bytes, removed from storage: used once. None when there is no such file for
    this user and partnership (another user's, another partnership's, expired, already taken, a made-up id) or
    its bytes are not the ones checked; the answer does not tell which."""
    try:
        pending = PendingImport.objects.usable(by=by, partnership=partnership).get(pk=pk)
    except (PendingImport.DoesNotExist, ValidationError):  # ValidationError: not a UUID at all
        return None
    # The claim: of two presses of the button (or two tabs), only one deletes the row.
    if not PendingImport.objects.filter(pk=pending.pk).delete()[0]:
        return None
    content = _read_and_remove(pending.file.storage, pending.file.name)
    if content is None or hashlib.sha256(content).hexdigest() != pending.sha256:
        logger.warning("Pending import %s: its file is missing or changed in storage; not imported.", pending.pk)
        return None
    return pending, content


def _read_and_remove(storage, name) -> bytes | None:
    try:
        with storage.open(name, "rb") as stored:
            content = stored.read()
    except FileNotFoundError:
        return None
    storage.delete(name)
    return content


def pending_imports_purge(*, now=None) -> int:
    """Remove the pending imports nobody confirmed in time, with their files, and files left without a row (its
    partnership or user deleted, or a crash between writing the file and the row). Returns how many rows went."""
    now = now or timezone.now()
    storage = private_storage()
    removed = 0
    for pk, name in PendingImport.objects.expired(now).values_list("pk", "file")[:1000]:
        if PendingImport.objects.filter(pk=pk).delete()[0]:  # not taken meanwhile by a late confirm
            storage.delete(name)
            removed += 1
    known = set(PendingImport.objects.values_list("file", flat=True))
    try:
        _folders, names = storage.listdir(FOLDER)
    except FileNotFoundError:
        return removed
    for filename in names:
        name = f"{FOLDER}/{filename}"
        # Only old ones: a young file may belong to an upload whose row is being written right now.
        if name not in known and storage.get_modified_time(name) < now - PendingImport.VALID_FOR:
            storage.delete(name)
    return removed


class ImportRefused(ValidationError):
    """The file has errors; nothing was written. Carries the preview with every row's errors."""

    def __init__(self, preview):
        super().__init__(_("Nothing was imported: the file has errors."))
        self.preview = preview


def stakeholders_import(*, partnership, by, kind, filename, content) -> spreadsheets.Preview:
    """Import a whole file, or nothing: the file is checked again inside the transaction (the registry may have
    changed since the preview) and written only if every row is valid. Rows already present are skipped."""
    with transaction.atomic():
        locked = _lock(partnership, by, "change")
        if not access.can_manage_registry(by):
            raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))
        preview = spreadsheets.preview(partnership=locked, kind=kind, filename=filename, content=content, by=by)
        if not preview.valid:
            raise ImportRefused(preview)
        existing = Organisation.objects.in_bulk([r.organisation.pk for r in preview.rows if r.organisation])
        organisations = {}
        for row in preview.rows:
            if row.new_organisation is not None:
                org = Organisation(**row.new_organisation)
                org.full_clean()
                org.save()
                organisations[row.org_key] = org
            elif row.organisation is not None:
                organisations[row.org_key] = existing[row.organisation.pk]
            org = organisations[row.org_key]
            if row.skip or row.record is None:
                continue
            if kind == spreadsheets.ImportKind.CONTACTS:
                record = ContactPerson(organisation=org, **row.record)
            elif kind == spreadsheets.ImportKind.MEMBERS:
                record = Membership(partnership=locked, organisation=org, **row.record)
            else:
                fields = dict(row.record)
                if fields["country_id"] is None:
                    fields["country_id"] = org.country_id
                record = StakeholderMapEntry(partnership=locked, organisation=org, **fields)
            try:
                record.full_clean(validate_constraints=False)
            except ValidationError as exc:  # the check above should have caught it; never write half a file
                row.errors.extend(exc.messages)
                raise ImportRefused(preview) from exc
            record.save()
    return preview
