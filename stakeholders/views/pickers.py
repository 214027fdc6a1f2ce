"""What the search-as-you-type pickers ask while a person types (msp.widgets.SearchSelect, static/js/picker.js):
one page of matching rows as JSON, for those allowed to pick them."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.translation import gettext as _

from msp import access

from .. import selectors
from ..models import Membership, Organisation, StakeholderMapEntry

PAGE_SIZE = 20
MAX_PAGE = 1000  # past that, nobody scrolls: type more of the name


def _page_number(request):
    value = request.GET.get("page", "1")
    return min(int(value), MAX_PAGE) if value.isdigit() and int(value) >= 1 else 1


def _leave_out(request, organisations):
    """`not_member_of` / `not_mapped_in` (a partnership the person changes): leave out its current members or the
    organisations already on its map, as the add-member and map-a-stakeholder forms do."""
    members = request.GET.get("not_member_of")
    if members:
        partnership = access.get_partnership(request.user, members, "change")
        current = Membership.objects.filter(partnership=partnership, left_on__isnull=True).values("organisation")
        organisations = organisations.exclude(pk__in=current)
    mapped = request.GET.get("not_mapped_in")
    if mapped:
        partnership = access.get_partnership(request.user, mapped, "change")
        organisations = organisations.exclude(
            pk__in=StakeholderMapEntry.objects.filter(partnership=partnership).values("organisation")
        )
    return organisations


@login_required
def organisation_choices(request):
    """The registry's organisations matching `q`, PAGE_SIZE at a time (`page`): {"results": [{"value", "text"}],
    "next": the next page's number or null}. The registry is secretariat staff's (msp.access.can_manage_registry),
    as are the forms with this picker. One query per page (plus the permission check), whatever the registry's size."""
    if not access.can_manage_registry(request.user):
        raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))
    organisations = _leave_out(request, Organisation.objects.all())
    text = request.GET.get("q", "")[:100]
    page = _page_number(request)
    start = (page - 1) * PAGE_SIZE
    rows = list(selectors.organisations_matching(organisations, text)[start : start + PAGE_SIZE + 1])
    results = [{"value": o.pk, "text": selectors.organisation_choice_label(o)} for o in rows[:PAGE_SIZE]]
    return JsonResponse({"results": results, "next": page + 1 if len(rows) > PAGE_SIZE else None})
