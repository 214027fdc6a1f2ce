"""Writes of the context: context analyses, related initiatives and risks (DESIGN capability 9).

A context analysis is never changed: a new one is recorded, and the older ones stay as its history. It may say
that no related initiative was found (CX-1 accepts that), which cannot be true while initiatives are recorded:
recording one and adding an initiative both lock the partnership's row, so the check and the write hold together.
A risk that materialised says when (the database refuses it without the date; the service says so in words first).
"""

from django.db import transaction
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership

from ..models import ContextAnalysis, RelatedInitiative, Risk, RiskStatus
from .learning import _locked, _not_in_future, _write, member_refusal

INITIATIVE_FIELDS = ("name", "kind", "description", "alignment_action", "last_exchange_on")
RISK_FIELDS = ("title", "description", "likelihood", "impact", "owner", "mitigation", "status", "materialised_on")


def _lock_partnership(partnership):
    return Partnership.objects.select_for_update().get(pk=partnership.pk)


def context_analysis_record(*, partnership, by, summary, analysed_on, no_related_initiatives=False) -> ContextAnalysis:
    """Record a new context analysis (it becomes the current one)."""
    access.require(by, "change", partnership)
    errors = {}
    _not_in_future(errors, "analysed_on", analysed_on, _("The date of an analysis cannot be in the future."))
    with transaction.atomic():
        _lock_partnership(partnership)
        count = RelatedInitiative.objects.filter(partnership=partnership).count()
        if no_related_initiatives and count:
            errors["no_related_initiatives"] = _(
                "%(n)s related initiatives are recorded, so you cannot say none was found. Untick the box, or "
                "delete the initiatives that are no longer related first."
            ) % {"n": count}
        analysis = ContextAnalysis(partnership=partnership, created_by=by)
        fields = {
            "summary": summary,
            "analysed_on": analysed_on,
            "no_related_initiatives": bool(no_related_initiatives),
        }
        return _write(analysis, fields, errors)


def initiative_save(*, partnership, by, initiative=None, **fields) -> RelatedInitiative:
    """Record an initiative related to the partnership's (complementary, overlapping, competing, or a
    meta-platform), with how the partnership aligns with it and when it last exchanged with it, or change one."""
    access.require(by, "change", partnership)
    fields = {name: fields.get(name) for name in INITIATIVE_FIELDS}
    for name in ("description", "alignment_action"):
        fields[name] = fields[name] or ""
    errors = {}
    _not_in_future(
        errors, "last_exchange_on", fields["last_exchange_on"], _("The last exchange cannot be in the future.")
    )
    with transaction.atomic():
        _lock_partnership(partnership)
        if initiative is None:
            initiative = RelatedInitiative(partnership=partnership)
        else:
            initiative = _locked(RelatedInitiative, initiative, partnership)
        others = RelatedInitiative.objects.filter(partnership=partnership).exclude(pk=initiative.pk)
        name = (fields["name"] or "").strip()
        if name and others.filter(name__iexact=name).exists():
            errors["name"] = _("“%(name)s” is already recorded as a related initiative.") % {"name": name}
        return _write(initiative, fields, errors)


def initiative_delete(*, initiative, by) -> None:
    access.require(by, "change", initiative.partnership)
    RelatedInitiative.objects.filter(pk=initiative.pk).delete()


def _risk_refusals(partnership, fields) -> dict:
    errors = {}
    if refusal := member_refusal(partnership, fields["owner"]):
        errors["owner"] = refusal
    status, materialised_on = fields["status"], fields["materialised_on"]
    if status == RiskStatus.MATERIALISED and materialised_on is None:
        errors["materialised_on"] = _("Give the date the risk materialised.")
    elif status == RiskStatus.OPEN and materialised_on is not None:
        errors["materialised_on"] = _(
            "An open risk has not materialised: clear the date, or set the status to materialised."
        )
    else:
        _not_in_future(errors, "materialised_on", materialised_on, _("A risk cannot have materialised in the future."))
    for name in ("likelihood", "impact"):
        value = fields[name]
        if value is not None and not 1 <= value <= 5:
            errors[name] = _("Give a value from 1 (lowest) to 5 (highest).")
    return errors


def risk_save(*, partnership, by, risk=None, **fields) -> Risk:
    """Record a risk (likelihood and impact 1-5, owner, mitigation, status), or change `risk`."""
    access.require(by, "change", partnership)
    fields = {name: fields.get(name) for name in RISK_FIELDS}
    for name in ("description", "mitigation"):
        fields[name] = fields[name] or ""
    fields["status"] = fields["status"] or RiskStatus.OPEN
    errors = _risk_refusals(partnership, fields)
    with transaction.atomic():
        risk = Risk(partnership=partnership) if risk is None else _locked(Risk, risk, partnership)
        return _write(risk, fields, errors)


def risk_delete(*, risk, by) -> None:
    access.require(by, "change", risk.partnership)
    Risk.objects.filter(pk=risk.pk).delete()
