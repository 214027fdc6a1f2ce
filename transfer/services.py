from django.contrib.contenttypes.models import ContentType

from msp import access
from msp.models import ActivityEntry, Partnership

from .export import export_to_tempfile


def partnership_export(*, partnership, by):
    """The export ZIP of `partnership` for `by` (the secretariat, or a superuser): (an open temporary file at its
    start, the manifest). Reads only; the download is recorded in the partnership's activity feed (after the
    ZIP is built, so an export does not contain its own entry)."""
    access.require(by, "export", partnership)
    out, manifest = export_to_tempfile(partnership)
    counts = manifest["counts"]
    files = sum(1 for member in manifest["files"] if member.startswith("files/"))
    ActivityEntry.objects.create(
        content_type=ContentType.objects.get_for_model(Partnership),
        object_pk=str(partnership.pk),
        object_id=partnership.pk,
        object_repr=str(partnership)[:200],
        action=ActivityEntry.Action.ACCESS,
        actor=by,
        actor_email=by.email or None,
        partnership=partnership,
        additional_data={"partnership": partnership.pk, "export": {"records": sum(counts.values()), "files": files}},
    )
    return out, manifest
