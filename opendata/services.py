"""Writes of IATI publication: publishing a partnership's activity file and withdrawing it.

Both check "publish_open_data" through msp.access and lock the partnership's row, so two clicks do one thing. The
activity identifier is fixed the first time a partnership is published (opendata.iati.activity_identifier) and
kept from then on, through withdrawals and later publications (IATI: an activity's identifier never changes). The
activity feed records both through auditlog (opendata.apps registers Publication), filed under the partnership.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership

from . import iati
from .models import Publication


def _locked(partnership):
    """Lock the partnership's row, then return its publication record (None before the first publication)."""
    Partnership.objects.select_for_update().filter(pk=partnership.pk).values_list("pk", flat=True).get()
    return Publication.objects.select_for_update().filter(partnership=partnership).first()


def publish(partnership, *, by) -> Publication:
    """Mark `partnership` for publication: its activity file is served at its public address from now on. Refused
    (ValidationError, nothing written) while its file would break an IATI rule (iati.problems): the first message
    says so, the others are the problems. Publishing what is published already changes nothing."""
    access.require(by, "publish_open_data", partnership)
    problems = iati.problems(partnership)
    if problems:
        raise ValidationError(
            [_("The IATI file was not published: it would break the IATI rules below. Fix them first.")]
            + [str(problem) for problem in problems]
        )
    with transaction.atomic():
        publication = _locked(partnership)
        if publication is None:
            publication = Publication(partnership=partnership, identifier=iati.activity_identifier(partnership))
            publication.validate_unique()
        elif publication.is_published:
            return publication
        publication.is_published = True
        publication.published_at, publication.published_by = timezone.now(), by
        publication.withdrawn_at = None
        publication.save()
    return publication


def withdraw(partnership, *, by) -> Publication:
    """Stop publishing `partnership`'s activity file: its public address answers 404 and it leaves the file of all
    activities. The record and its identifier stay, for a later publication."""
    access.require(by, "publish_open_data", partnership)
    with transaction.atomic():
        publication = _locked(partnership)
        if publication is None or not publication.is_published:
            raise ValidationError(
                _("The IATI file of this partnership is not published, so there is nothing to withdraw.")
            )
        publication.is_published = False
        publication.withdrawn_at = timezone.now()
        publication.save()
    return publication
