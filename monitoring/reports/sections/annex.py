"""The donor report's annex: the MoU in force at the period's end (version, title, date in force), its signing
parties and signatures (who signed for which organisation, when, and how: in the app, on paper or by e-mail), and
the signatures still awaited on a newer version sent for signature. Three queries (the versions, their signing
parties and their signatures) whatever the number of versions or parties."""

from django.db.models import Prefetch

from governance.models import MouParty, MouSignature, MouVersion
from governance.selectors import outstanding, signature_status

from .. import partnership_reads


def _in_force_at(version, end) -> bool:
    return (
        version.in_force_at is not None
        and version.in_force_at < end
        and (version.ended_at is None or version.ended_at >= end)
    )


def collect(ctx) -> dict:
    end = partnership_reads.period_end(ctx)
    versions = list(
        MouVersion.objects.filter(partnership=ctx.partnership)
        .prefetch_related(
            Prefetch("parties", queryset=MouParty.objects.filter(purpose="sign").select_related("organisation")),
            Prefetch("signatures", queryset=MouSignature.objects.select_related("organisation")),
        )
        .order_by("-number")
    )
    in_force = next((v for v in versions if _in_force_at(v, end)), None)
    awaiting = next((v for v in versions if v.is_signable and (in_force is None or v.number > in_force.number)), None)
    awaiting_rows = signature_status(awaiting) if awaiting is not None else []
    return {
        "versions": versions,
        "in_force": in_force,
        "signatures": signature_status(in_force) if in_force is not None else [],
        "awaiting": awaiting,
        "awaiting_rows": awaiting_rows,
        "pending": outstanding(awaiting_rows),
        "latest": versions[0] if versions else None,
    }
