"""The two reads every partnership page makes before anything else (the partnership, the reader's role on it),
compiled once per process (msp.compiled): the same SQL for every partnership and person."""

from .. import compiled
from ..models import Partnership, PartnershipRole


def role(partnership, user) -> str | None:
    """The person's role on the partnership, or None: one query."""
    if partnership.pk is None or user.pk is None:  # not saved: as the ORM answers it
        roles = PartnershipRole.objects.filter(partnership=partnership, user=user).order_by()
        return roles.values_list("role", flat=True).first()
    found = compiled.rows("msp.access.role", _role_query, partnership.pk, user.pk)
    return found[0][0] if found else None


def partnership(pk) -> Partnership:
    """The partnership with its currency, or Partnership.DoesNotExist (and ValueError or TypeError for what is not
    an id, as the ORM raises them): one query."""
    if type(pk) is not int or not 0 < pk < 2**63:  # not an id from the URL: as the ORM answers it
        return Partnership.objects.select_related("currency").get(pk=pk)
    found = compiled.instances("msp.access.partnership", _partnership_query, pk)
    if not found:
        raise Partnership.DoesNotExist
    return found[0]


def _role_query(partnership_pk, user_pk):
    roles = PartnershipRole.objects.filter(partnership=partnership_pk, user=user_pk)
    return roles.order_by("pk").values_list("role")[:1]


def _partnership_query(pk):
    return Partnership.objects.select_related("currency").filter(pk=pk)[:2]
