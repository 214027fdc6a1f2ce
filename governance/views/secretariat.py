"""The secretariat's page (its host and staff) and its staff forms.

Donors see the host and how many staff it has in which role, never the people (contact persons' personal data,
DESIGN section 2): the page asks msp.access for "view" before it loads them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access
from stakeholders.models import ContactPerson

from .. import services
from ..body_forms import StaffForm
from ..models import FULL_TIME, SecretariatStaff
from ..selectors import bodies as selectors
from .bodies import GovernanceMixin, ServiceFormView


class SecretariatView(GovernanceMixin, TemplateView):
    section = "secretariat"
    template_name = "governance/bodies/secretariat.html"

    def get_context_data(self, **kwargs):
        people = access.can(self.request.user, "view", self.partnership)
        secretariat = selectors.secretariat_for(self.partnership, with_people=people)
        return super().get_context_data(secretariat=secretariat, full_time=FULL_TIME, **kwargs)


def _secretariat_or_404(partnership):
    body = selectors.secretariat_for(partnership, with_people=False).body
    if body is None:
        raise Http404(_("This partnership has no secretariat yet."))
    return body


class StaffFormView(ServiceFormView):
    """Add a staff member (no `pk`) or change one."""

    section = "secretariat"
    form_class = StaffForm

    def get_form_kwargs(self):
        self.body = _secretariat_or_404(self.partnership)
        self.staff = None
        if "pk" in self.kwargs:
            self.staff = SecretariatStaff.objects.filter(body=self.body, pk=self.kwargs["pk"]).first()
            if self.staff is None:
                raise Http404(_("No such staff member."))
        contacts = ContactPerson.objects.filter(organisation=self.body.host_organisation_id).select_related(
            "organisation"
        )
        if self.staff is None:
            contacts = contacts.filter(is_active=True)
        return {**super().get_form_kwargs(), "contacts": contacts, "instance": self.staff}

    @property
    def title(self):
        if self.staff:
            return _("%(person)s in the secretariat") % {"person": self.staff.contact.name}
        return _("Add a staff member to the secretariat")

    def save(self, form):
        staff = services.staff_save(body=self.body, by=self.request.user, staff=self.staff, **form.service_kwargs())
        return _("%(person)s is saved in the secretariat's staff.") % {"person": staff.contact.name}, self.cancel_url()

    def cancel_url(self):
        return reverse("governance:secretariat", args=[self.partnership.pk])


@login_required
@require_POST
def staff_remove(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    body = _secretariat_or_404(partnership)
    staff = SecretariatStaff.objects.filter(body=body, pk=pk).select_related("contact", "body__partnership").first()
    if staff is None:
        raise Http404(_("No such staff member."))
    services.staff_remove(staff=staff, by=request.user)
    messages.success(request, _("%(person)s is no longer on the secretariat's staff.") % {"person": staff.contact.name})
    return redirect("governance:secretariat", partnership_pk=partnership.pk)
