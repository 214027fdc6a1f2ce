"""The Governance tab: the partnership's bodies and their seats. (The secretariat's page is secretariat.py; Meetings
and Decisions get their own modules and entries in the section's navigation.)

Everyone with a role sees bodies and seats (structure is not sensitive: donors too); the secretariat changes them.
Each form view authorises (msp.access, through the mixin), validates (body_forms) and calls one service; a refusal
comes back on the form, with what was typed still in it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from msp import access
from msp.views import PartnershipMixin

from .. import services
from ..body_forms import BodyForm, SeatForm
from ..models import Body, BodyType, Seat
from ..selectors import bodies as selectors
from .common import _form_errors, _messages_of


def body_or_404(partnership, pk):
    try:
        return Body.objects.select_related("partnership", "host_organisation").get(partnership=partnership, pk=pk)
    except Body.DoesNotExist:
        raise Http404(_("No such body.")) from None


def _page_of(body):
    if body.is_secretariat:
        return reverse("governance:secretariat", args=[body.partnership_id])
    return reverse("governance:body", args=[body.partnership_id, body.pk])


class GovernanceMixin(PartnershipMixin):
    """A page of the Governance tab; `section` picks the entry of its navigation."""

    action = "view_bodies"
    tab = "governance"
    section = "bodies"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            section=self.section,
            can_see_people=access.can(self.request.user, "view", self.partnership),
            can_see_meetings=access.can(self.request.user, "view_meetings", self.partnership),
            **kwargs,
        )


class ServiceFormView(GovernanceMixin, FormView):
    """A secretariat form that calls one service (`save(form)` returns the success message and where to go)."""

    action = "change"
    template_name = "governance/bodies/form.html"
    title = ""

    def form_valid(self, form):
        try:
            text, url = self.save(form)
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, text)
        return redirect(url)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)  # builds the form, which loads the page's objects
        return {**context, "title": self.title, "cancel_url": self.cancel_url()}

    def save(self, form):
        raise NotImplementedError

    def cancel_url(self):
        return reverse("governance:bodies", args=[self.partnership.pk])


class BodyListView(GovernanceMixin, TemplateView):
    template_name = "governance/bodies/list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(bodies=list(selectors.bodies_for(self.partnership)), **kwargs)


class BodyDetailView(GovernanceMixin, TemplateView):
    template_name = "governance/bodies/detail.html"

    def get(self, request, *args, **kwargs):
        self.body = body_or_404(self.partnership, kwargs["pk"])
        if self.body.is_secretariat:  # its page is the secretariat's, with its staff
            return redirect("governance:secretariat", partnership_pk=self.partnership.pk)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        seats = selectors.body_seats(self.body)
        return super().get_context_data(
            body=self.body, seats=seats, voting_count=sum(1 for s in seats if s.is_voting), **kwargs
        )


class BodyFormView(ServiceFormView):
    """Add a body (no `pk`) or edit one."""

    form_class = BodyForm

    def dispatch(self, request, *args, **kwargs):
        self.body = None
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        if "pk" in self.kwargs:
            self.body = body_or_404(self.partnership, self.kwargs["pk"])
        kwargs = super().get_form_kwargs()
        if self.body is not None:
            kwargs["instance"] = self.body
        elif self.request.GET.get("type") in BodyType.values:
            kwargs["initial"] = {"type": self.request.GET["type"]}
        return kwargs

    @property
    def title(self):
        return _("Edit “%(name)s”") % {"name": self.body.name} if self.body else _("Add a governance body")

    def save(self, form):
        body = services.body_save(
            partnership=self.partnership, by=self.request.user, body=self.body, **form.service_kwargs()
        )
        text = _("“%(name)s” is saved.") if self.body else _("“%(name)s” is added.")
        return text % {"name": body.name}, _page_of(body)

    def cancel_url(self):
        return _page_of(self.body) if self.body else super().cancel_url()


class SeatFormView(ServiceFormView):
    """Add a seat to a body (no `seat_pk`) or change one."""

    form_class = SeatForm

    def get_form_kwargs(self):
        self.body = body_or_404(self.partnership, self.kwargs["pk"])
        self.seat = None
        if "seat_pk" in self.kwargs:
            self.seat = Seat.objects.filter(body=self.body, pk=self.kwargs["seat_pk"]).first()
            if self.seat is None:
                raise Http404(_("No such seat."))
        seated = Seat.objects.filter(body=self.body).exclude(pk=self.seat.pk if self.seat else None)
        offered = selectors.member_organisations(self.partnership, self.seat).exclude(
            pk__in=seated.values("organisation")
        )
        return {**super().get_form_kwargs(), "organisations": offered, "seat": self.seat}

    @property
    def title(self):
        if self.seat:
            return _("Seat of %(org)s on %(body)s") % {"org": self.seat.organisation, "body": self.body}
        return _("Add a seat to %(body)s") % {"body": self.body}

    def save(self, form):
        seat = services.seat_save(body=self.body, by=self.request.user, seat=self.seat, **form.service_kwargs())
        return _("The seat of %(org)s is saved.") % {"org": seat.organisation}, _page_of(self.body)

    def cancel_url(self):
        return _page_of(self.body)


@login_required
@require_POST
def body_delete(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    body = body_or_404(partnership, pk)
    try:
        services.body_delete(body=body, by=request.user)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
        return redirect(_page_of(body))
    messages.success(request, _("“%(name)s” is deleted.") % {"name": body.name})
    return redirect("governance:bodies", partnership_pk=partnership.pk)


@login_required
@require_POST
def seat_remove(request, partnership_pk, pk, seat_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    body = body_or_404(partnership, pk)
    seat = Seat.objects.filter(body=body, pk=seat_pk).select_related("organisation", "body__partnership").first()
    if seat is None:
        raise Http404(_("No such seat."))
    services.seat_remove(seat=seat, by=request.user)
    messages.success(request, _("%(org)s no longer has a seat on %(body)s.") % {"org": seat.organisation, "body": body})
    return redirect(_page_of(body))
