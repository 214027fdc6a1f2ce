"""Recording a position: a partner for their own organisation, the secretariat on a member's behalf with
evidence; and the evidence file (never through a media URL)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from msp import access, uploads
from stakeholders.models import Organisation

from .. import services
from ..decision_forms import OnBehalfForm, PositionForm
from ..models import DecisionPosition
from ..selectors import decisions as selectors
from .bodies import ServiceFormView
from .decisions import _url, decision_or_404


class PositionFormView(ServiceFormView):
    """A partner records (or changes) their organisation's position while the decision is open."""

    action = "act_for_organisation"  # the role half; whether this person acts for an organisation: the page says
    section = "decisions"
    template_name = "governance/decisions/form.html"
    form_class = PositionForm

    def get_form_kwargs(self):
        self.decision = decision_or_404(self.request.user, self.partnership, self.kwargs["pk"])
        acting = access.acting_for(self.request.user, self.partnership)
        self.organisation = acting.organisation if acting else None
        kwargs = super().get_form_kwargs()
        mine = self.decision.positions.filter(organisation_id=getattr(self.organisation, "pk", None)).first()
        if mine and self.request.method == "GET":
            kwargs["initial"] = {"position": mine.position, "statement": mine.statement}
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        try:
            access.require(self.request.user, self.action_for_organisation, self.partnership)
        except PermissionDenied as exc:
            context["refusal"] = str(exc)
        return context

    action_for_organisation = "record_position"

    @property
    def title(self):
        if self.organisation is None:
            return _("Position on “%(title)s”") % {"title": self.decision.title}
        return _("Position of %(org)s on “%(title)s”") % {"org": self.organisation, "title": self.decision.title}

    def save(self, form):
        row = services.position_record(
            decision=self.decision, by=self.request.user, organisation=self.organisation, **form.cleaned_data
        )
        text = _("The position of %(org)s is recorded: %(position)s.")
        return text % {"org": row.organisation, "position": row.get_position_display()}, _url(self.decision)

    def cancel_url(self):
        return _url(self.decision)


class OnBehalfFormView(PositionFormView):
    """The secretariat records a member's position given outside the app, with evidence."""

    action = action_for_organisation = "record_for_organisation"
    form_class = OnBehalfForm

    def get_form_kwargs(self):
        self.decision = decision_or_404(self.request.user, self.partnership, self.kwargs["pk"])
        entitled = [org.pk for org in selectors.entitled(self.decision)]
        organisations = Organisation.objects.filter(pk__in=entitled).order_by("name")
        return {**ServiceFormView.get_form_kwargs(self), "organisations": organisations}

    @property
    def title(self):
        return _("Record a member's position on “%(title)s”") % {"title": self.decision.title}

    def save(self, form):
        row = services.position_record_on_behalf(decision=self.decision, by=self.request.user, **form.cleaned_data)
        text = _("The position of %(org)s is recorded on its behalf: %(position)s.")
        return text % {"org": row.organisation, "position": row.get_position_display()}, _url(self.decision)


@login_required
def position_evidence(request, partnership_pk, pk, position_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "view_positions")
    decision = decision_or_404(request.user, partnership, pk)
    row = DecisionPosition.objects.filter(decision=decision, pk=position_pk).first()
    if row is None or not row.evidence:
        raise Http404(_("No such evidence."))
    try:
        handle = row.evidence.open("rb")
    except FileNotFoundError:
        raise Http404(_("The evidence file is missing.")) from None
    name = row.evidence.name.rsplit("/", 1)[-1]  # made by the service, never the uploader's
    response = FileResponse(handle, filename=name, content_type=uploads.content_type(name))
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
