"""Opening, scoring and closing a health-check round. Each write locks the round's row, so a score cannot slip in
while the round is being closed, and closing twice writes the judgements once."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from msp import access
from msp.notices import NoticeKind
from msp.services import notify

from ..catalogue import CATALOGUE, ITEMS, Kind
from ..models import HealthCheck, HealthCheckScore, Judgement
from ..models.health_check import SCORES
from .selectors import item_scores, members_of

SCORABLE = (Kind.MANUAL, Kind.ASSISTED)


def scorable_items():
    """The catalogue items a round can put to the members: those a person judges (manual) or confirms (assisted)."""
    return [item for item in ITEMS if item.kind in SCORABLE]


def health_check_open(*, partnership, by, title, closes_on, item_ids, anonymous=False) -> HealthCheck:
    """Open a round today, putting `item_ids` (manual or assisted catalogue items) to every active member."""
    access.require(by, "change", partnership)
    wanted = set(item_ids)
    if not wanted:
        raise ValidationError({"item_ids": _("Choose at least one item to put to the members.")})
    wrong = sorted(i for i in wanted if i not in CATALOGUE or CATALOGUE[i].kind not in SCORABLE)
    if wrong:
        raise ValidationError({"item_ids": _("These items cannot be scored: %(ids)s.") % {"ids": ", ".join(wrong)}})
    today = timezone.localdate()
    if closes_on < today:
        raise ValidationError({"closes_on": _("The closing date cannot be in the past.")})
    row = HealthCheck(
        partnership=partnership,
        title=title.strip(),
        opens_on=today,
        closes_on=closes_on,
        item_ids=[item.id for item in ITEMS if item.id in wanted],
        anonymous=anonymous,
        created_by=by,
    )
    row.full_clean()
    with transaction.atomic():
        row.save()
        _tell_opened(row)
    return row


def _tell_opened(round_):
    """The partners (who score for their organisation) are asked to score, each in their language."""
    partnership = round_.partnership
    recipients = [role.user for role in access.holders(partnership, "score_health_check").select_related("user")]
    closes = round_.closes_on
    notify(
        partnership=partnership,
        recipients=recipients,
        subject=lambda: _("Health check open: %(title)s") % {"title": round_.title},
        body=lambda: (
            _("The health check “%(title)s” of %(name)s is open until %(date)s. Please score it for your organisation:")
            % {"title": round_.title, "name": partnership.name, "date": formats.date_format(closes)}
        ),
        link=reverse("phases:health_check", args=[partnership.pk, round_.pk]),
        kind=NoticeKind.HEALTH_CHECK,
        key=f"health_check:{round_.pk}",
    )


def health_check_score(*, health_check, organisation, by, scores) -> list[HealthCheckScore]:
    """Record `organisation`'s scores: {item id: (score 1-5, comment)}, replacing its earlier ones. A partner scores
    for the organisation they act for; the secretariat records a member's scores on its behalf (marked as such)."""
    on_behalf = access.can(by, "record_for_organisation", health_check.partnership)
    with transaction.atomic():
        locked = HealthCheck.objects.select_for_update().select_related("partnership").get(pk=health_check.pk)
        if on_behalf:
            if organisation.pk not in {m.pk for m in members_of(locked.partnership)}:
                raise ValidationError(_("%(org)s is not an active member of this partnership.") % {"org": organisation})
        else:
            access.require(by, "score_health_check", locked.partnership, organisation=organisation)
        if not locked.is_open():
            raise ValidationError(_("This health check is closed: scores can no longer be given or changed."))
        if not scores:
            raise ValidationError(_("Score at least one item."))
        for item_id, (score, _comment) in scores.items():
            if item_id not in locked.item_ids:
                raise ValidationError(_("%(id)s is not an item of this health check.") % {"id": item_id})
            if score not in SCORES:
                raise ValidationError(_("A score is a whole number from 1 to 5."))
        now = timezone.now()
        return [
            HealthCheckScore.objects.update_or_create(
                health_check=locked,
                item_id=item_id,
                organisation_id=organisation.pk,
                defaults={
                    "organisation_name": str(organisation),
                    "score": score,
                    "comment": comment.strip(),
                    "by": by,
                    "on_behalf": on_behalf,
                    "updated_at": now,
                },
            )[0]
            for item_id, (score, comment) in scores.items()
        ]


def health_check_close(*, health_check, by) -> list[Judgement]:
    """Close the round (also one whose date has passed) and write one checklist judgement per item that was scored,
    with the result the scores give and a note saying how, so the next checklist run uses it."""
    with transaction.atomic():
        locked = HealthCheck.objects.select_for_update().select_related("partnership").get(pk=health_check.pk)
        access.require(by, "change", locked.partnership)
        if locked.closed_at is not None:
            raise ValidationError(_("This health check is already closed."))
        members = len(members_of(locked.partnership))
        now = timezone.now()
        judgements = [
            Judgement.objects.create(
                partnership=locked.partnership,
                item_id=entry.item.id,
                result=entry.result,
                note=_note(locked, entry, members),
                by=by,
                at=now,
            )
            for entry in item_scores(locked)
            if entry.scores
        ]
        locked.closed_at, locked.closed_by = now, by
        locked.save(update_fields=["closed_at", "closed_by"])
    health_check.closed_at, health_check.closed_by = locked.closed_at, by
    return judgements


def _note(health_check, entry, members):
    return _("Health check %(title)s: mean %(mean)s from %(n)d of %(members)d members, spread %(low)d-%(high)d") % {
        "title": health_check.title,
        "mean": formats.number_format(round(entry.mean, 1), 1),
        "n": entry.count,
        "members": max(members, entry.count),
        "low": entry.lowest,
        "high": entry.highest,
    }
