"""What the services of versions share: the row lock, numbering, and who a sent version asks (its parties)."""

from django.core.exceptions import ValidationError
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from stakeholders.selectors import active_member_organisations

from ..models import MouParty, MouVersion, RoadmapVersion

RS, MS = RoadmapVersion.Status, MouVersion.Status


def _lock(model, version):
    """The version row, locked for the rest of the transaction, with its partnership."""
    return model.objects.select_for_update().select_related("partnership").get(pk=version.pk)


def _next_number(model, partnership):
    return (model.objects.filter(partnership=partnership).aggregate(n=Max("number"))["n"] or 0) + 1


def _fix_parties(locked, purpose, by):
    """Record the active members of today as the parties asked to `purpose` the version just sent."""
    party_model = locked.parties.model
    extra = {"purpose": purpose} if party_model is MouParty else {}
    now = timezone.now()
    party_model.objects.bulk_create(
        [
            party_model(version=locked, organisation=organisation, added_at=now, added_by=by, **extra)
            for organisation in active_member_organisations(locked.partnership)
        ]
    )


def _require_party(locked, organisation, purpose):
    """Refuse an approval or signature for an organisation that is not a party to the version.

    Not a permission (msp.access has decided the person may act for the organisation): which organisations a
    version asks is part of the version's state, fixed when it was sent and changed by the secretariat, so it is
    checked here, under the version's row lock, and said as a ValidationError the secretariat can resolve."""
    extra = {"purpose": purpose} if isinstance(locked, MouVersion) else {}
    if not locked.parties.filter(organisation=organisation, **extra).exists():
        raise ValidationError(
            _(
                "%(org)s is not a party to version %(n)d: it became a member after the version was sent. The "
                "secretariat can add it as a party on the version's page."
            )
            % {"org": organisation, "n": locked.number}
        )
