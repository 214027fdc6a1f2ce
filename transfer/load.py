"""Loading a partnership export (transfer.export) into this installation: `manage.py import_partnership`.

All or nothing: the manifest and every member's sha256 are checked before anything is written; the rows are
written in one transaction; files are written into storage during it and deleted again if it fails. Every
record gets a new primary key here (reserved up front from the table's sequence, so records may refer to each
other in any order, cycles included; the database checks foreign keys at commit). Reference data is matched
with what this installation has: organisations by IATI identifier, else by exact name and country; people by
e-mail (missing ones are created without a usable password: they set one with "forgot password"); contact
persons by their account, else by organisation and e-mail or name; codelists by code.

Rows are inserted raw (no save(), no signals, timestamps as exported): the append-only records' triggers refuse
only UPDATE and DELETE, and the activity feed receives the exported entries, not new "added" ones.
"""

import hashlib
import json
import zipfile
from collections import Counter

from auditlog.context import disable_auditlog
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.db import DatabaseError, connection, transaction
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from msp.models import Partnership

from . import graph
from .export import FORMAT, FORMAT_VERSION
from .models import PartnershipOrigin


class ImportRefused(Exception):
    """The export cannot be loaded; the message says why. Nothing was written."""


def verify(archive: zipfile.ZipFile) -> dict:
    """The manifest, once the format is known and every member is present, listed and has its sha256."""
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise ImportRefused(_("This is not a partnership export: manifest.json is missing or unreadable.")) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused(_("This is not a partnership export (its manifest names another format)."))
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            _("This export has format version %(found)s; this installation reads version %(known)s only.")
            % {"found": manifest.get("format_version"), "known": FORMAT_VERSION}
        )
    listed = manifest.get("files") or {}
    present = set(archive.namelist()) - {"manifest.json"}
    if present != set(listed):
        raise ImportRefused(
            _("The export's contents differ from its manifest (missing or unlisted: %(names)s).")
            % {"names": ", ".join(sorted(present ^ set(listed))[:5])}
        )
    for member, facts in listed.items():
        digest = _sha256(archive, member)
        if digest != facts.get("sha256"):
            raise ImportRefused(_("%(member)s is damaged: its SHA-256 differs from the manifest.") % {"member": member})
    for member in present:
        if member.startswith(("data/", "reference/")):
            name = member.split("/", 1)[1].removesuffix(".json")
            if not _model(name):
                raise ImportRefused(
                    _("The export holds %(model)s, which this installation does not know.") % {"model": name}
                )
    return manifest


def _sha256(archive, member):
    digest = hashlib.sha256()
    with archive.open(member) as handle:
        for block in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def _model(name):
    try:
        return apps.get_model(name)
    except (LookupError, ValueError):
        return None


def check_identity(manifest, *, as_new):
    """Refuse to load the same partnership twice (unless a new copy is asked for)."""
    if as_new:
        return
    identity = str(manifest.get("identity", ""))
    installation, _slash, partnership_key = identity.partition("/")
    existing = PartnershipOrigin.objects.filter(identity=identity).values_list("partnership_id", flat=True).first()
    if existing is None and installation == graph.installation():
        pk = graph.parse_key(partnership_key)[1]
        existing = Partnership.objects.filter(pk=pk).values_list("pk", flat=True).first() if pk.isdigit() else None
    if existing is not None:
        raise ImportRefused(
            _(
                "This partnership is already here (partnership %(pk)s has the same export identity %(identity)s). "
                "Use --as-new to load a separate copy."
            )
            % {"pk": existing, "identity": identity}
        )


def reserve(model, count) -> list[int]:
    """`count` new primary keys for `model`, taken from its sequence (PostgreSQL) or after the highest in use
    (SQLite, whose IMMEDIATE transactions hold the write lock meanwhile)."""
    if count == 0:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, column, count]
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT MAX({quote(column)}) FROM {quote(table)}")
        top = cursor.fetchone()[0] or 0
        if connection.vendor == "sqlite":
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            top = max(top, row[0] if row else 0)
        return list(range(top + 1, top + 1 + count))


class Loader:
    def __init__(self, archive, manifest, *, as_new=False):
        self.archive, self.manifest, self.as_new = archive, manifest, as_new
        self.ids = {}  # exported identifier -> primary key here
        self.written = []  # (storage, name) of files written, removed again if the transaction fails
        self.created, self.matched = Counter(), Counter()
        self.dropped = 0  # optional references to records the export did not hold
        self.files = 0
        self.tables = set()

    def records(self, member):
        try:
            records = json.loads(self.archive.read(member))
        except KeyError:
            records = []
        name = member.split("/", 1)[1].removesuffix(".json")
        if len(records) != self.manifest.get("counts", {}).get(name, len(records)):
            raise ImportRefused(
                _("%(member)s does not hold as many records as the manifest says.") % {"member": member}
            )
        return records

    # Values.

    def resolve(self, field, value, record):
        if value is None:
            return None
        if value.startswith(f"{graph.CONTENT_TYPES}:"):
            app_label, _dot, model = value.split(":", 1)[1].partition(".")
            try:
                return ContentType.objects.get_by_natural_key(app_label, model).pk
            except ContentType.DoesNotExist:
                raise ImportRefused(_("Unknown kind of record %(name)s.") % {"name": value}) from None
        if value in self.ids:
            return self.ids[value]
        if field.null:
            self.dropped += 1
            return None
        raise ImportRefused(
            _("%(record)s refers to %(target)s, which the export does not hold.") % {"record": record, "target": value}
        )

    def restore_file(self, field, value):
        if not value:
            return ""
        if not value.get("path"):
            return value["name"]  # missing at the source already: the row keeps its name, as there
        with self.archive.open(value["path"]) as handle:
            name = field.storage.save(value["name"], File(handle, name=value["name"]), max_length=field.max_length)
        self.written.append((field.storage, name))
        self.files += 1
        return name

    def build(self, model, record, pk):
        obj = model(pk=pk)
        values = record["fields"]
        generic = graph.GENERIC.get(graph.label(model), ())
        soft = graph.SOFT_KEYS.get(graph.label(model), {})
        for field in model._meta.concrete_fields:
            if field.primary_key or field.name not in values:
                continue
            value = values[field.name]
            if field.is_relation:
                value = self.resolve(field, value, record["id"])
            elif isinstance(field, graph.models.FileField):
                value = self.restore_file(field, value)
            elif field.name in soft and value is not None:
                value = self.resolve(field, value, record["id"])
            elif field.name in generic or field.name == "object_pk":
                value = self.generic(field, value)
            elif self.as_new and field.unique and callable(field.default):
                value = field.default()  # a copy gets its own public key or token, not the original's
            else:
                value = field.to_python(value)
            setattr(obj, field.attname, value)
        return obj

    def generic(self, field, value):
        """The id of a generic relation: an identifier of an exported record is mapped, a plain id kept."""
        if isinstance(value, str) and ":" in value:
            value = self.ids.get(value, graph.parse_key(value)[1])
        return str(value) if field.name == "object_pk" else field.to_python(value)

    def insert(self, model, objs):
        self.tables.add(model._meta.db_table)
        fields = model._meta.local_concrete_fields
        size = connection.ops.bulk_batch_size(fields, objs) or len(objs)
        for start in range(0, len(objs), max(size, 1)):
            model._base_manager._insert(objs[start : start + size], fields=fields, raw=True)

    # The parts, in order.

    def codelists(self):
        for name in ("msp.sdggoal", *graph.CODELISTS):
            model = apps.get_model(name)
            new = []
            for record in self.records(f"reference/{name}.json"):
                pk = model._meta.pk.to_python(graph.parse_key(record["id"])[1])
                self.ids[record["id"]] = pk
                if model._base_manager.filter(pk=pk).exists():
                    self.matched[name] += 1
                elif pk not in {o.pk for o in new}:
                    new.append(self.build(model, record, pk))
            self.insert(model, new)
            self.created[name] += len(new)

    def users(self):
        model = get_user_model()
        for record in self.records(f"reference/{graph.USERS}.json"):
            values = record["fields"]
            email = values.get("email") or ""
            user = model._base_manager.filter(email__iexact=email).order_by("pk").first() if email else None
            if user is None:
                username, n = values["username"], 1
                while model._base_manager.filter(username=username).exists():
                    n += 1
                    username = f"{values['username']}-{n}"
                user = model(username=username, email=email, is_active=values.get("is_active", True))
                user.first_name, user.last_name = values.get("first_name", ""), values.get("last_name", "")
                user.set_unusable_password()
                user.save()
                self.created[graph.USERS] += 1
            else:
                self.matched[graph.USERS] += 1
            self.ids[record["id"]] = user.pk

    def organisations(self):
        model = apps.get_model(graph.ORGANISATIONS)
        new = []
        for record in self.records(f"reference/{graph.ORGANISATIONS}.json"):
            values = record["fields"]
            existing = None
            if values.get("iati_identifier"):
                existing = model._base_manager.filter(iati_identifier=values["iati_identifier"]).first()
            if existing is None:
                country = self.resolve(model._meta.get_field("country"), values.get("country"), record["id"])
                existing = model._base_manager.filter(name=values["name"], country=country).order_by("pk").first()
            if existing is not None:
                self.ids[record["id"]] = existing.pk
                self.matched[graph.ORGANISATIONS] += 1
            else:
                new.append(record)
        self.create(model, new)

    def contacts(self):
        model = apps.get_model(graph.CONTACTS)
        new = []
        for record in self.records(f"reference/{graph.CONTACTS}.json"):
            values = record["fields"]
            organisation = self.ids[values["organisation"]]
            user = self.ids.get(values.get("user"))
            same = model._base_manager.filter(organisation_id=organisation)
            existing = model._base_manager.filter(user_id=user).first() if user else None
            if existing is None and values.get("email"):
                existing = same.filter(email__iexact=values["email"]).first()
            if existing is None:
                existing = same.filter(name=values["name"]).first()
            if existing is not None:
                self.ids[record["id"]] = existing.pk
                self.matched[graph.CONTACTS] += 1
            else:
                new.append(record)
        self.create(model, new)

    def create(self, model, records):
        pks = reserve(model, len(records))
        for record, pk in zip(records, pks, strict=True):
            self.ids[record["id"]] = pk
        self.insert(model, [self.build(model, record, pk) for record, pk in zip(records, pks, strict=True)])
        self.created[graph.label(model)] += len(records)

    def scoped(self):
        loaded = {}
        for name, (model, _owner) in graph.scoped_models().items():
            records = self.records(f"data/{name}.json")
            pks = reserve(model, len(records))
            for record, pk in zip(records, pks, strict=True):
                self.ids[record["id"]] = pk
            loaded[name] = (model, records, pks)
        # Every key is known now: build and insert (foreign keys are checked at commit, so order is free).
        for name, (model, records, pks) in loaded.items():
            objs = [self.build(model, record, pk) for record, pk in zip(records, pks, strict=True)]
            if name == "msp.activityentry":
                for obj in objs:
                    if isinstance(obj.additional_data, dict) and "partnership" in obj.additional_data:
                        obj.additional_data = {**obj.additional_data, "partnership": obj.partnership_id}
            self.insert(model, objs)
            self.created[name] += len(objs)
            self.many_to_many(model, records)

    def many_to_many(self, model, records):
        for field in graph.many_to_many(model):
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows = []
            for record in records:
                for value in record["fields"].get(field.name, []):
                    target_pk = self.resolve(field, value, record["id"])
                    if target_pk is not None:
                        rows.append(through(**{f"{source}_id": self.ids[record["id"]], f"{target}_id": target_pk}))
            through.objects.bulk_create(rows)

    def load(self) -> Partnership:
        if connection.vendor == "postgresql":  # checked at the end (below), whatever an outer transaction set
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        self.codelists()
        self.users()
        self.organisations()
        self.contacts()
        self.scoped()
        # Foreign keys are checked at commit; check now, so that a nested transaction (a test) fails here too.
        connection.check_constraints(table_names=self.tables)
        partnership = Partnership.objects.get(pk=self.ids[self.manifest["partnership"]["id"]])
        if not self.as_new:
            PartnershipOrigin.objects.create(
                partnership=partnership,
                identity=self.manifest["identity"],
                source_installation=self.manifest["source_installation"],
                exported_at=parse_datetime(self.manifest["exported_at"]),
            )
        return partnership

    def discard_files(self):
        for storage, name in self.written:
            storage.delete(name)


def partnership_import(path, *, as_new=False):
    """Load the export at `path`; returns the Loader (its partnership, counts and id map). Raises ImportRefused
    with the reason, having written nothing."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise ImportRefused(_("This is not a readable ZIP file (%(error)s).") % {"error": error}) from None
    with archive:
        manifest = verify(archive)
        check_identity(manifest, as_new=as_new)
        loader = Loader(archive, manifest, as_new=as_new)
        try:
            with transaction.atomic(), disable_auditlog():
                loader.partnership = loader.load()
        except DatabaseError as error:
            loader.discard_files()
            raise ImportRefused(
                _("The export conflicts with records here; nothing was imported (%(error)s).") % {"error": error}
            ) from None
        except BaseException:
            loader.discard_files()
            raise
    return loader
