"""The organisation registry, shared by all partnerships, and the contact persons of its organisations."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from msp import access

from .. import selectors, services
from ..filters import OrganisationFilter
from ..forms import ContactForm, OrganisationForm
from ..models import ContactPerson, Organisation, authority_refusal
from .common import RegistryMixin, add_service_errors, safe_next


def _require_registry(request):
    if not access.can_manage_registry(request.user):
        raise PermissionDenied(_("Only secretariat staff keep the organisation registry."))


class OrganisationListView(RegistryMixin, FilterView):
    template_name = "stakeholders/organisation_list.html"
    filterset_class = OrganisationFilter
    paginate_by = 30
    # Not msp.listing.CountingPaginator: a window count makes the database join every organisation to its country
    # and type before cutting the page (17 ms at 3,000), where a plain count reads the table alone (under 1 ms).

    def get_queryset(self):
        return selectors.organisations_for_registry(self.request.user).order_by("name", "pk")

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "stakeholder-results":
            return ["stakeholders/partials/organisation_results.html"]
        return [self.template_name]


class OrganisationCreateView(RegistryMixin, FormView):
    """Register an organisation. With `?next=` (from "add a member", "map a stakeholder"), the new organisation
    goes back there, chosen."""

    template_name = "stakeholders/organisation_form.html"
    form_class = OrganisationForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "similar_url": reverse("organisations:similar")}

    def get_initial(self):
        return {"name": self.request.GET.get("name", "")}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["next"] = safe_next(self.request, "")
        return context

    def form_valid(self, form):
        try:
            organisation = services.organisation_create(by=self.request.user, **form.cleaned_data_for_model())
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(org)s is in the registry.") % {"org": organisation.name})
        target = safe_next(self.request, "")
        if target:
            joiner = "&" if "?" in target else "?"
            return redirect(f"{target}{joiner}{urlencode({'organisation': organisation.pk})}")
        return redirect("organisations:detail", pk=organisation.pk)


class OrganisationUpdateView(RegistryMixin, FormView):
    template_name = "stakeholders/organisation_form.html"
    form_class = OrganisationForm

    def load(self, pk):
        self.organisation = get_object_or_404(Organisation, pk=pk)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.organisation,
            "similar_url": reverse("organisations:similar") + f"?exclude={self.organisation.pk}",
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def form_valid(self, form):
        try:
            services.organisation_update(
                organisation=self.organisation, by=self.request.user, **form.cleaned_data_for_model()
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Changes to %(org)s are saved.") % {"org": self.organisation.name})
        return redirect("organisations:detail", pk=self.organisation.pk)


@login_required
def similar(request):
    """The look-alikes of a name being typed (htmx), as a short list of links."""
    _require_registry(request)
    exclude = request.GET.get("exclude")
    found = selectors.similar_organisations(
        request.GET.get("name", ""),
        short_name=request.GET.get("short_name", ""),
        exclude_pk=int(exclude) if exclude and exclude.isdigit() else None,
    )
    return render(request, "stakeholders/partials/similar.html", {"similar": found})


class OrganisationDetailView(RegistryMixin, TemplateView):
    template_name = "stakeholders/organisation_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = get_object_or_404(
            Organisation.objects.select_related("country", "iati_type"), pk=self.kwargs["pk"]
        )
        user = self.request.user
        visible = access.partnerships_for(user)
        context.update(
            organisation=organisation,
            contacts=organisation.contacts.select_related("user").order_by("-is_active", "name"),
            memberships=selectors.memberships_of(organisation, user),
            map_entries=organisation.map_entries.filter(partnership__in=visible).select_related("partnership"),
        )
        return context


@login_required
def organisation_delete(request, pk):
    """GET: what removing means (or why it is refused); POST: remove."""
    _require_registry(request)
    organisation = get_object_or_404(Organisation, pk=pk)
    visible, hidden = selectors.where_used(organisation, request.user)
    if request.method == "POST":
        try:
            services.organisation_delete(organisation=organisation, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("organisations:detail", pk=organisation.pk)
        messages.success(request, _("%(org)s is removed from the registry.") % {"org": organisation.name})
        return redirect("organisations:list")
    return render(
        request,
        "stakeholders/organisation_delete.html",
        {
            "organisation": organisation,
            "used_in": visible,
            "hidden": hidden,
            "contact_count": organisation.contacts.count(),
        },
    )


def _authority_lock(user, organisation, fields):
    """Form kwargs that lock the authority fields a user may not change for this organisation."""
    if services.may_change_authority(user, organisation):
        return {}
    return {"locked": fields, "locked_reason": authority_refusal(organisation)}


class ContactCreateView(RegistryMixin, FormView):
    template_name = "stakeholders/contact_form.html"
    form_class = ContactForm

    def load(self, pk):
        self.organisation = get_object_or_404(Organisation, pk=pk)

    def get_form_kwargs(self):
        # A new contact who may sign is a new authority; a new contact as such is not.
        return {**super().get_form_kwargs(), **_authority_lock(self.request.user, self.organisation, ["may_sign"])}

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, next=safe_next(self.request, ""), **kwargs)

    def form_valid(self, form):
        try:
            contact = services.contact_create(organisation=self.organisation, by=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(
            self.request, _("%(name)s is a contact of %(org)s.") % {"name": contact.name, "org": self.organisation.name}
        )
        if "add_another" in self.request.POST:
            return redirect("organisations:contact_create", pk=self.organisation.pk)
        return redirect(safe_next(self.request, reverse("organisations:detail", kwargs={"pk": self.organisation.pk})))


class ContactUpdateView(RegistryMixin, FormView):
    template_name = "stakeholders/contact_form.html"
    form_class = ContactForm

    def load(self, pk):
        self.contact = get_object_or_404(ContactPerson.objects.select_related("organisation"), pk=pk)

    def get_form_kwargs(self):
        lock = _authority_lock(self.request.user, self.contact.organisation, ["email", "is_active", "may_sign"])
        return {**super().get_form_kwargs(), "instance": self.contact, **lock}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            organisation=self.contact.organisation, contact=self.contact, next=safe_next(self.request, ""), **kwargs
        )

    def form_valid(self, form):
        try:
            services.contact_update(contact=self.contact, by=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("%(name)s is saved.") % {"name": self.contact.name})
        default = reverse("organisations:detail", kwargs={"pk": self.contact.organisation_id})
        return redirect(safe_next(self.request, default))
