from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView
from django_filters.views import FilterView

from .. import selectors, services
from ..filters import ContactFilter, MembershipFilter
from ..forms import MembershipForm
from ..models import Membership
from .common import StakeholdersMixin, add_service_errors


class MemberListView(StakeholdersMixin, FilterView):
    section = "members"
    template_name = "stakeholders/members.html"
    filterset_class = MembershipFilter

    def get_queryset(self):
        return selectors.memberships_for(self.partnership)

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "stakeholder-results":
            return ["stakeholders/partials/member_results.html"]
        return [self.template_name]


class MemberAddView(StakeholdersMixin, FormView):
    action = "change"
    section = "members"
    template_name = "stakeholders/member_form.html"
    form_class = MembershipForm

    def get_initial(self):
        initial = super().get_initial()
        organisation = self.request.GET.get("organisation")
        if organisation and organisation.isdigit():
            initial["organisation"] = organisation
        return initial

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Offer only organisations that are not current members (the service refuses them anyway).
        current = Membership.objects.filter(partnership=self.partnership, left_on__isnull=True).values("organisation")
        form.fields["organisation"].queryset = form.fields["organisation"].queryset.exclude(pk__in=current)
        form.fields["organisation"].widget.narrow(not_member_of=self.partnership.pk)
        return form

    def form_valid(self, form):
        organisation = form.cleaned_data["organisation"]
        try:
            services.membership_add(
                partnership=self.partnership, organisation=organisation, by=self.request.user, **form.service_kwargs()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(org)s is now a member.") % {"org": organisation.name})
        if "add_another" in self.request.POST:
            return redirect("stakeholders:member_add", partnership_pk=self.partnership.pk)
        return redirect("stakeholders:members", partnership_pk=self.partnership.pk)


class MemberEditView(StakeholdersMixin, FormView):
    action = "change"
    section = "members"
    template_name = "stakeholders/member_form.html"
    form_class = MembershipForm

    def get_membership(self):
        if not hasattr(self, "membership"):
            self.membership = get_object_or_404(
                Membership.objects.select_related("organisation"), pk=self.kwargs["pk"], partnership=self.partnership
            )
        return self.membership

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_membership()}

    def get_context_data(self, **kwargs):
        return super().get_context_data(membership=self.get_membership(), **kwargs)

    def form_valid(self, form):
        membership = self.get_membership()
        try:
            services.membership_update(membership=membership, by=self.request.user, **form.service_kwargs())
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        if membership.left_on and not membership.is_active:
            text = _("%(org)s has left the partnership; its membership stays in the history.")
        else:
            text = _("The membership of %(org)s is saved.")
        messages.success(self.request, text % {"org": membership.organisation.name})
        return redirect("stakeholders:members", partnership_pk=self.partnership.pk)


class ContactListView(StakeholdersMixin, FilterView):
    section = "contacts"
    template_name = "stakeholders/contacts.html"
    filterset_class = ContactFilter
    paginate_by = 50

    def get_queryset(self):
        return selectors.contacts_for(self.partnership)

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        kwargs["organisations"] = selectors.involved_organisations(self.partnership).order_by("name")
        return kwargs

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "stakeholder-results":
            return ["stakeholders/partials/contact_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["return_to"] = reverse("stakeholders:contacts", kwargs={"partnership_pk": self.partnership.pk})
        return context
