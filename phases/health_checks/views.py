"""The health check's pages: the rounds, a round's results (where the members disagree), a partner's scores for
their own organisation, the secretariat's scores on a member's behalf, opening and closing a round. Each form view
authorises (msp.access, through the mixin), validates (forms) and calls one service; a refusal comes back on the
form with what was typed still in it, status 400."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView

from msp import access
from msp.views import PartnershipMixin

from . import selectors
from .charts import means_chart
from .forms import HealthCheckForm, OrganisationChoiceForm, ScoreForm
from .services import health_check_close, health_check_open, health_check_score


def _round_url(health_check):
    return reverse("phases:health_check", args=[health_check.partnership_id, health_check.pk])


def _form_errors(form, exc):
    """A service's ValidationError on the form: on its field when the form has it, else above the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.error_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc)


class HealthCheckMixin(PartnershipMixin):
    tab = "phases"


class HealthCheckListView(HealthCheckMixin, TemplateView):
    template_name = "phases/health_checks/list.html"

    def get_context_data(self, **kwargs):
        rounds = list(selectors.health_checks_for(self.partnership))
        return super().get_context_data(
            rounds=rounds, can_open=access.can(self.request.user, "change", self.partnership)
        )


class HealthCheckView(HealthCheckMixin, TemplateView):
    """A round's results: per item the mean, the spread, how many gave each score and who scored low (names hidden
    from partners when the round is anonymous; the secretariat always sees them)."""

    template_name = "phases/health_checks/detail.html"

    def get_context_data(self, **kwargs):
        user, health_check = self.request.user, selectors.health_check_or_404(self.partnership, self.kwargs["pk"])
        items = selectors.item_scores(health_check)
        is_staff = access.can(user, "change", self.partnership)
        acting = access.acting_for(user, self.partnership) if not is_staff else None
        return super().get_context_data(
            health_check=health_check,
            items=items,
            disagreements=sorted((e for e in items if e.spread >= 2 or e.low), key=lambda e: -e.spread),
            chart=means_chart(health_check, items),
            members=selectors.members_of(self.partnership),
            scored=len(selectors.scored_organisations(items)),
            show_names=is_staff or not health_check.anonymous,
            own_id=acting.organisation.pk if acting else None,
            is_open=health_check.is_open(),
            can_close=is_staff and health_check.closed_at is None,
            can_score=health_check.is_open() and access.can(user, "score_health_check", self.partnership),
            can_record=health_check.is_open() and access.can(user, "record_for_organisation", self.partnership),
        )


class FormPage(HealthCheckMixin, FormView):
    """A form that calls one service: `save(form)` returns the success message and where to go."""

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


class HealthCheckOpenView(FormPage):
    action = "change"
    template_name = "phases/health_checks/open.html"
    form_class = HealthCheckForm

    def save(self, form):
        row = health_check_open(partnership=self.partnership, by=self.request.user, **form.cleaned_data)
        text = _("The health check “%(title)s” is open: every member organisation can now score its items.")
        return text % {"title": row.title}, _round_url(row)


class ScoreView(FormPage):
    """A partner's scores for their own organisation (all items of the round on one page, prefilled with the earlier
    scores). The page shows why a person cannot score (no organisation, another organisation, the round closed)."""

    action = "act_for_organisation"  # the role half; whether this person acts for an organisation: the page says
    template_name = "phases/health_checks/score.html"
    form_class = ScoreForm

    def get_form_kwargs(self):
        self.health_check = selectors.health_check_or_404(self.partnership, self.kwargs["pk"])
        self.organisation = self.get_organisation()
        kwargs = {**super().get_form_kwargs(), "items": self.health_check.items}
        if self.organisation is not None and self.request.method == "GET":
            kwargs["initial"] = ScoreForm.initial_from(selectors.scores_of(self.health_check, self.organisation.pk))
        return kwargs

    forbidden = None  # why the person may not score for the organisation they sent (a POST), shown with 403

    def get_organisation(self):
        acting = access.acting_for(self.request.user, self.partnership)
        own = target = acting.organisation if acting else None
        wanted = self.request.POST.get("organisation")
        if wanted and (own is None or str(own.pk) != wanted):
            # Scoring for another organisation: refused with the reason (msp.access), never quietly for one's own.
            target = next((m for m in selectors.members_of(self.partnership) if str(m.pk) == wanted), None)
            if target is None:
                raise Http404(_("No such member organisation."))
        if self.request.method == "POST":
            try:
                access.require(self.request.user, "score_health_check", self.partnership, organisation=target)
            except PermissionDenied as exc:
                self.forbidden = str(exc)
        return own

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if self.forbidden:
            return self.render_to_response(self.get_context_data(form=form), status=403)
        return self.form_valid(form) if form.is_valid() else self.form_invalid(form)

    def refusal(self):
        """Why this person cannot score here, or None."""
        if self.forbidden:
            return self.forbidden
        if not self.health_check.is_open():
            return _("This health check is closed: scores can no longer be given or changed.")
        try:
            access.require(self.request.user, self.action_for_organisation, self.partnership)
        except PermissionDenied as exc:
            return str(exc)
        return None

    action_for_organisation = "score_health_check"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "health_check": self.health_check, "organisation": self.organisation,
                "refusal": self.refusal()}  # fmt: skip

    def save(self, form):
        health_check_score(
            health_check=self.health_check, organisation=self.organisation, by=self.request.user, scores=form.scores()
        )
        text = _("The scores of %(org)s are recorded. You can change them until the round closes.")
        return text % {"org": self.organisation}, _round_url(self.health_check)


class OnBehalfView(ScoreView):
    """The secretariat records a member's scores given in a workshop, marked "recorded by the secretariat"."""

    action = "record_for_organisation"
    template_name = "phases/health_checks/on_behalf.html"

    def get_organisation(self):
        wanted = self.request.POST.get("organisation") or self.request.GET.get("organisation")
        self.members = selectors.members_of(self.partnership)
        return next((m for m in self.members if str(m.pk) == wanted), None)

    action_for_organisation = "record_for_organisation"

    def refusal(self):
        if self.health_check.is_open() and self.organisation is None:
            return _("Choose the member organisation whose scores you record, above.")
        return super().refusal()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initial = {"organisation": getattr(self.organisation, "pk", None)}
        return {**context, "chooser": OrganisationChoiceForm(initial=initial, members=self.members)}

    def save(self, form):
        if self.organisation is None:
            raise ValidationError(_("Choose the member organisation whose scores you record."))
        health_check_score(
            health_check=self.health_check, organisation=self.organisation, by=self.request.user, scores=form.scores()
        )
        text = _("The scores of %(org)s are recorded on its behalf.")
        return text % {"org": self.organisation}, _round_url(self.health_check)


@login_required
@require_POST
def close(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    health_check = selectors.health_check_or_404(partnership, pk)
    try:
        judgements = health_check_close(health_check=health_check, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(_round_url(health_check))
    messages.success(
        request,
        ngettext(
            "The health check “%(title)s” is closed. %(n)d item has its result in the checklist from the scores.",
            "The health check “%(title)s” is closed. %(n)d items have their result in the checklist from the scores.",
            len(judgements),
        )
        % {"title": health_check.title, "n": len(judgements)},
    )
    return redirect(_round_url(health_check))
