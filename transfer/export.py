"""The partnership export: one ZIP with every record of a partnership, what it references, and its files.

Layout (FORMAT_VERSION 1):

    manifest.json                      format, version, exported_at, source installation, export identity,
                                       counts per model, sha256 and size of every other member
    data/<app>.<model>.json            the partnership's own records, one JSON list per model (transfer.graph)
    reference/<app>.<model>.json       what they reference: organisations, contact persons, codelists, users
                                       (users: names, e-mail, roles on this partnership; never a password,
                                       second factor or session)
    files/<app>.<model>/<pk>/<field>/<name>   the files of file fields (signed scans, stored PDFs, papers, photos)

Every record is {"id": "app.model:pk", "fields": {...}}; a foreign key holds the identifier of its target, a
many-to-many a list of them, a file field {"name": its stored name, "path": its member in the ZIP or null when
the file was missing}. The ZIP is written into a temporary file model by model, file by file: nothing holds the
whole export in memory.
"""

import datetime
import decimal
import hashlib
import json
import shutil
import tempfile
import zipfile
from collections import defaultdict
from pathlib import PurePosixPath

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.encoding import is_protected_type

from msp.models import PartnershipRole

from . import graph

FORMAT = "msp-partnership-export"
FORMAT_VERSION = 1
CHUNK = 500


class _Hashing:
    """A writable stream that also keeps the sha256 and size of what went through it."""

    def __init__(self, stream):
        self.stream, self.sha256, self.size = stream, hashlib.sha256(), 0

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        self.sha256.update(data)
        self.size += len(data)
        return self.stream.write(data)


def encode(value):
    """A field's value as JSON, without loss (microseconds kept; decimals as strings)."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def content_type_key(pk) -> str:
    content_type = ContentType.objects.get_for_id(pk)
    return f"{graph.CONTENT_TYPES}:{content_type.app_label}.{content_type.model}"


class Exporter:
    def __init__(self, partnership, archive: zipfile.ZipFile):
        self.partnership = partnership
        self.zip = archive
        self.members = {}  # ZIP member -> {"sha256", "size"}
        self.counts = {}
        self.exported = defaultdict(set)  # label -> pks of scoped rows written
        self.needed = defaultdict(set)  # label -> pks of rows referenced (scoped or reference)
        self.queued_files = []  # (storage, name, member) of the model being written

    # Writing members.

    def write_records(self, member, records):
        with self.zip.open(member, "w", force_zip64=True) as raw:
            out = _Hashing(raw)
            out.write("[")
            count = 0
            for record in records:
                out.write(("\n" if count == 0 else ",\n") + json.dumps(record, ensure_ascii=False, sort_keys=True))
                count += 1
            out.write("\n]\n")
        self.members[member] = {"sha256": out.sha256.hexdigest(), "size": out.size}
        return count

    def file_entry(self, model, obj, field):
        """The file field's value; the file itself is queued and written once the model's records are (a ZIP
        takes one member at a time)."""
        name = getattr(obj, field.attname).name
        if not name:
            return None
        if not field.storage.exists(name):
            return {"name": name, "path": None}
        member = f"files/{graph.label(model)}/{obj.pk}/{field.name}/{PurePosixPath(name).name}"
        self.queued_files.append((field.storage, name, member))
        return {"name": name, "path": member}

    def write_files(self):
        for storage, name, member in self.queued_files:
            with storage.open(name, "rb") as source, self.zip.open(member, "w", force_zip64=True) as raw:
                out = _Hashing(raw)
                shutil.copyfileobj(source, out, 1024 * 1024)
            self.members[member] = {"sha256": out.sha256.hexdigest(), "size": out.size}
        self.queued_files = []

    # One record.

    def record(self, model, obj, m2m):
        fields = {}
        file_fields = set(graph.file_fields(model))
        generic = graph.GENERIC.get(graph.label(model))
        soft = graph.SOFT_KEYS.get(graph.label(model), {})
        for field in model._meta.concrete_fields:
            if field.primary_key:
                continue
            if field in file_fields:
                fields[field.name] = self.file_entry(model, obj, field)
                continue
            value = getattr(obj, field.attname)
            if field.is_relation:
                if value is None:
                    fields[field.name] = None
                elif graph.label(field.related_model) == graph.CONTENT_TYPES:
                    fields[field.name] = content_type_key(value)
                else:
                    fields[field.name] = graph.key(field.related_model, value)
                    self.needed[graph.label(field.related_model)].add(value)
            elif field.name in soft and value is not None:
                fields[field.name] = graph.key(apps.get_model(soft[field.name]), value)
                self.needed[soft[field.name]].add(value)
            else:
                value = field.value_from_object(obj)
                fields[field.name] = encode(value if is_protected_type(value) else field.value_to_string(obj))
        if generic:
            self.generic_keys(obj, fields, *generic)
        for name, pks in m2m.items():
            fields[name] = sorted(pks.get(obj.pk, []))
        return {"id": graph.key(model, obj.pk), "fields": fields}

    def generic_keys(self, obj, fields, type_field, id_field):
        """The object of a generic relation by its identifier, when it is one of the exported records."""
        type_id, object_id = getattr(obj, f"{type_field}_id"), getattr(obj, id_field)
        target = ContentType.objects.get_for_id(type_id).model_class()
        if target is None or object_id is None:
            return
        target_label = graph.label(target)
        if object_id in self.exported.get(target_label, ()):
            fields[id_field] = graph.key(target, object_id)
            if id_field == "object_id" and str(getattr(obj, "object_pk", "")) == str(object_id):
                fields["object_pk"] = fields[id_field]

    def m2m_values(self, model, pks):
        """{field name: {pk: [identifiers]}} for the rows `pks`, one query per field."""
        values = {}
        for field in graph.many_to_many(model):
            through = field.remote_field.through
            source = field.m2m_field_name()
            target = field.m2m_reverse_field_name()
            pairs = defaultdict(list)
            rows = through.objects.filter(**{f"{source}_id__in": pks}).values_list(f"{source}_id", f"{target}_id")
            for left, right in rows:
                pairs[left].append(graph.key(field.related_model, right))
                self.needed[graph.label(field.related_model)].add(right)
            values[field.name] = pairs
        return values

    def rows(self, model, queryset):
        """The records of `queryset`, in primary-key order, a chunk at a time."""
        last = None
        while True:
            chunk = queryset.order_by("pk")
            if last is not None:
                chunk = chunk.filter(pk__gt=last)
            chunk = list(chunk[:CHUNK])
            if not chunk:
                return
            m2m = self.m2m_values(model, [o.pk for o in chunk])
            for obj in chunk:
                self.exported[graph.label(model)].add(obj.pk)
                yield self.record(model, obj, m2m)
            last = chunk[-1].pk

    # The parts.

    def scoped_queryset(self, name, model, owner):
        manager = model._base_manager
        if owner is None and name == graph.ROOT:
            return manager.filter(pk=self.partnership.pk)
        if name == "msp.storeddocument":
            where = Q(pk__in=self.needed.get(name, set()))
            for subject_label, pks in self.exported.items():
                subject = ContentType.objects.get_for_model(apps.get_model(subject_label))
                where |= Q(subject_type=subject, subject_id__in=pks)
            return manager.filter(where)
        parent = graph.label(model._meta.get_field(owner).related_model)
        return manager.filter(**{f"{owner}__in": self.exported.get(parent, set())})

    def write_scoped(self):
        for name, (model, owner) in graph.scoped_models().items():
            rows = self.rows(model, self.scoped_queryset(name, model, owner))
            self.counts[name] = self.write_records(f"data/{name}.json", rows)
            self.write_files()

    def write_references(self):
        users = self.needed[graph.USERS]
        # A person's link to their organisation decides what they may do for it: keep the links of every user.
        contacts = apps.get_model(graph.CONTACTS)._base_manager.filter(user_id__in=users).values_list("pk", flat=True)
        self.needed[graph.CONTACTS].update(contacts)
        order = [graph.CONTACTS, graph.ORGANISATIONS, "msp.sdgtarget", *graph.CODELISTS]
        for name in dict.fromkeys(order):
            model = apps.get_model(name)
            queryset = model._base_manager.filter(pk__in=self.needed.get(name, set()))
            self.counts[name] = self.write_records(f"reference/{name}.json", self.rows(model, queryset))
        self.counts[graph.USERS] = self.write_records(f"reference/{graph.USERS}.json", self.users())

    def users(self):
        """The people referenced: names, e-mail, roles on this partnership. Nothing that signs anyone in."""
        user_model = apps.get_model(graph.USERS)
        roles = defaultdict(list)
        for user_id, role in PartnershipRole.objects.filter(partnership=self.partnership).values_list("user", "role"):
            roles[user_id].append(role)
        queryset = user_model._base_manager.filter(pk__in=self.needed[graph.USERS]).order_by("pk")
        for user in queryset.iterator(chunk_size=CHUNK):
            yield {
                "id": graph.key(user_model, user.pk),
                "fields": {
                    "username": user.get_username(),
                    "first_name": user.first_name,
                    "last_name": user.last_name,
                    "email": user.email,
                    "is_active": user.is_active,
                    "roles": roles.get(user.pk, []),
                },
            }

    def write_manifest(self):
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "exported_at": timezone.now().isoformat(),
            "source_installation": graph.installation(),
            "identity": graph.identity_of(self.partnership),
            "partnership": {"id": graph.key(self.partnership, self.partnership.pk), "name": self.partnership.name},
            "counts": self.counts,
            "files": self.members,
        }
        self.zip.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True))
        return manifest


def build_export(partnership, out) -> dict:
    """Write the export of `partnership` as a ZIP into the binary file `out`; returns the manifest. Reads only."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        exporter = Exporter(partnership, archive)
        exporter.write_scoped()
        exporter.write_references()
        return exporter.write_manifest()


def export_to_tempfile(partnership):
    """(an open anonymous temporary file holding the ZIP, positioned at its start; the manifest)."""
    out = tempfile.TemporaryFile(prefix="msp-export-")  # noqa: SIM115 (the caller streams it, then closes it)
    try:
        manifest = build_export(partnership, out)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out, manifest
