from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from django.views.i18n import set_language
from django_filters.views import FilterView

from msp.text import in_sentence

from . import access, affiliations, profiles, registry, selectors, services
from .filters import ActivityFilter, PartnershipFilter
from .forms import PartnershipForm, RoleGrantForm
from .listing import CountingPaginator, choice_labels, url_for_each
from .models import Partnership, PartnershipRole, Phase, person_name


def partnership_context(request, partnership, **extra):
    """What every page of a partnership shows around its content: header, tabs, the user's role."""
    user = request.user
    return {
        "partnership": partnership,
        "my_role": access.role_on(user, partnership),
        "can_change": access.can(user, "change", partnership),
        "can_archive": access.can(user, "archive", partnership),
        "can_export": access.can(user, "export", partnership),
        "tabs": registry.tabs_for(user, partnership),
        **extra,
    }


class PartnershipMixin(LoginRequiredMixin):
    """Views under /partnerships/<partnership_pk>/: loads `self.partnership` or answers 404 (outsider) or 403
    (role too weak for `action`)."""

    action = "view"
    tab = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.partnership = access.get_partnership(request.user, kwargs["partnership_pk"], self.action)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(partnership_context(self.request, self.partnership, active_tab=self.tab))
        return context


class PartnershipListView(LoginRequiredMixin, FilterView):
    template_name = "msp/partnership_list.html"
    filterset_class = PartnershipFilter
    paginate_by = 20
    paginator_class = CountingPaginator  # the count and the page in one query

    def get_queryset(self):
        user = self.request.user
        my_role = PartnershipRole.objects.filter(partnership=OuterRef("pk"), user=user).order_by().values("role")[:1]
        return (
            access.partnerships_for(user)
            .select_related("currency")
            .prefetch_related("countries", "sdg_goals")
            .annotate(my_role=Subquery(my_role))
        )

    def get_template_names(self):
        if self.request.htmx and self.request.htmx.target == "partnership-results":
            return ["msp/partials/partnership_results.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each row's link and phase label worked out once for the page (a reverse() and a translated choice each).
        url, phases = url_for_each("msp:dashboard"), choice_labels(Phase.choices)
        for partnership in context["page_obj"].object_list:
            partnership.list_url = url(partnership.pk)
            partnership.phase_label = phases.get(partnership.phase, partnership.phase)
        context["can_create"] = access.can_create_partnership(self.request.user)
        context["has_any"] = (
            context["paginator"].count > 0
            # Only archived ones: the filters (and the way to show them) stay.
            or self.filterset.queryset.filter(archived_at__isnull=False).exists()
            or self.filterset.is_bound
            and any(self.request.GET.get(name) for name in self.filterset.filters)
        )
        return context


class PartnershipCreateView(LoginRequiredMixin, FormView):
    template_name = "msp/partnership_form.html"
    form_class = PartnershipForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not access.can_create_partnership(request.user):
            raise PermissionDenied(_("You may not create partnerships."))
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form):
        partnership = services.partnership_create(by=self.request.user, **form.service_kwargs())
        messages.success(
            self.request,
            _("“%s” is created, in phase 1 (Initiation). You are its secretariat.") % partnership.name,
        )
        return redirect(partnership)


class DashboardView(PartnershipMixin, TemplateView):
    action = "view_summary"
    tab = "dashboard"
    template_name = "msp/dashboard.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cards"] = registry.cards_for(self.request, self.partnership)
        return context


class PartnershipUpdateView(PartnershipMixin, FormView):
    action = "change"
    tab = "edit"
    template_name = "msp/partnership_form.html"
    form_class = PartnershipForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.partnership}

    def form_valid(self, form):
        try:
            partnership = services.partnership_update(
                partnership=self.partnership,
                by=self.request.user,
                revision=form.cleaned_data["revision"],
                **form.service_kwargs(),
            )
        except services.StaleEdit as exc:
            current = Partnership.objects.get(pk=self.partnership.pk)
            form.data = form.data.copy()
            form.data["revision"] = current.revision  # saving again, after a look, is a deliberate choice
            form.add_error(None, exc)
            return self.render_to_response(self.get_context_data(form=form, current=current))
        messages.success(self.request, _("Changes to “%s” are saved.") % partnership.name)
        return redirect(partnership)


class RolesView(PartnershipMixin, FormView):
    action = "manage_roles"
    tab = "roles"
    template_name = "msp/roles.html"
    form_class = RoleGrantForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "partnership": self.partnership}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = self.partnership.roles.select_related("user", "granted_by")
        links = affiliations.get()
        if links is not None:
            roles = roles.annotate(organisation=links.organisation_name(OuterRef("user")))
        context["roles"] = roles
        return context

    def form_valid(self, form):
        user, role = form.cleaned_data["user"], form.cleaned_data["role"]
        contact = form.cleaned_data.get("contact")
        try:
            with transaction.atomic():  # the link and the role together, or neither
                if contact:
                    form.affiliations.link(
                        contact_id=contact, user=user, partnership=self.partnership, by=self.request.user
                    )
                granted = services.role_grant(partnership=self.partnership, user=user, role=role, by=self.request.user)
        except ValidationError as exc:
            for field, errors in getattr(exc, "error_dict", {None: exc.error_list}).items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(user)s is now %(role)s on this partnership.")
            % {
                "user": person_name(user),
                "role": in_sentence(granted.get_role_display()),
            },
        )
        return redirect("msp:roles", partnership_pk=self.partnership.pk)


@login_required
@require_POST
def role_revoke(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "manage_roles")
    partnership_role = get_object_or_404(PartnershipRole.objects.select_related("user"), pk=pk, partnership=partnership)
    try:
        services.role_revoke(partnership_role=partnership_role, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        user = partnership_role.user
        messages.success(
            request,
            _("%(user)s no longer has a role on this partnership.") % {"user": person_name(user)},
        )
    return redirect("msp:roles", partnership_pk=partnership.pk)


@login_required
@require_POST
def partnership_archive(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "archive")
    services.partnership_archive(partnership=partnership, by=request.user)
    messages.success(
        request,
        _("“%s” is archived: hidden from your list and read-only. Nothing was deleted; it can be restored.")
        % partnership.name,
    )
    return redirect(partnership)


@login_required
@require_POST
def partnership_restore(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "archive")
    services.partnership_restore(partnership=partnership, by=request.user)
    messages.success(request, _("“%s” is restored and can be changed again.") % partnership.name)
    return redirect(partnership)


class ActivityView(PartnershipMixin, FilterView):
    """The activity feed, filtered (filters.ActivityFilter); htmx swaps in only the results."""

    action = "view"
    tab = "activity"
    template_name = "msp/activity.html"
    filterset_class = ActivityFilter
    paginate_by = 30
    paginator_class = CountingPaginator  # the count and the page in one query

    def _results_only(self):
        return self.request.htmx and self.request.htmx.target == "activity-results"

    def get_queryset(self):
        # The feed shows neither the snapshot auditlog keeps of each record nor its text copy of the changes.
        return selectors.activity_for(self.partnership).defer("serialized_data", "changes_text")

    def get_filterset(self, filterset_class):
        filterset = super().get_filterset(filterset_class)
        return filterset if self._results_only() else filterset.with_listed_choices()

    def get_filterset_kwargs(self, filterset_class):
        return {**super().get_filterset_kwargs(filterset_class), "partnership": self.partnership}

    def get_template_names(self):
        return ["msp/partials/activity_results.html"] if self._results_only() else [self.template_name]


def too_many_requests(request, exception):
    """django-ratelimit's answer when someone tries too often (sign-in, password reset)."""
    return render(request, "429.html", status=429)


@require_POST
def language_switch(request):
    """The language switcher (user menu; the sign-in page for anonymous users). Django's set_language sets the
    cookie and goes back to `next` (checked with url_has_allowed_host_and_scheme); a signed-in user's choice is
    also remembered on their profile, so it follows them to other devices and into their e-mails."""
    response = set_language(request)
    language = profiles.supported(request.POST.get("language", ""))
    if request.user.is_authenticated and language:
        profiles.user_language_set(user=request.user, language=language, session=request.session)
    return response
