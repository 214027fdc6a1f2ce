"""What every service of this app starts with: the caller's right, and the partnership row locked."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from msp import access
from msp.models import Partnership


def _require_registry(by):
    if not access.can_manage_registry(by):
        raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))


def _lock(partnership, by, action):
    """Lock the partnership row for the rest of the transaction and check `by` may do `action` on it."""
    locked = Partnership.objects.select_for_update().get(pk=partnership.pk)
    access.require(by, action, locked)
    return locked
