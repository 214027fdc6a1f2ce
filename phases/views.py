from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from msp import access
from msp.models import Phase
from msp.views import PartnershipMixin, partnership_context

from .forms import AdvanceForm, RevertForm
from .gate import run_gate, stored_rows
from .selectors import transitions_for
from .services import phase_transition


def history_context(request, partnership, context, *, advance_form=None, revert_form=None):
    """The phase history page's context, added to `context` (which holds the partnership's): the moves so far
    and, for those who may move the phase, the forms to move it forward (with what the gate says) or back."""
    can_move = access.can(request.user, "move_phase", partnership)
    transitions = list(transitions_for(partnership))
    for transition in transitions:
        transition.gate_rows = stored_rows(transition.gate_snapshot)
    context["transitions"] = transitions
    context["can_move"] = can_move
    if can_move:
        next_phase = partnership.next_phase
        if next_phase and advance_form is None:
            advance_form = AdvanceForm(
                initial={"to_phase": next_phase.value}, partnership=partnership, gate=run_gate(partnership)
            )
        if partnership.backward_targets and revert_form is None:
            revert_form = RevertForm(partnership=partnership)
        context.update(next_phase=next_phase, advance_form=advance_form, revert_form=revert_form)
    return context


def _history_page(request, partnership, *, status=200, **forms):
    """The history page again, after a refused move: with the form as it was sent."""
    context = history_context(request, partnership, partnership_context(request, partnership, active_tab="phases"),
                              **forms)  # fmt: skip
    return render(request, "phases/history.html", context, status=status)


class HistoryView(PartnershipMixin, TemplateView):
    tab = "phases"
    template_name = "phases/history.html"

    def get_context_data(self, **kwargs):
        return history_context(self.request, self.partnership, super().get_context_data(**kwargs))


def _again(form, partnership):
    """The move form after a refusal. The button offers the move that is next now (pressing it again is a deliberate
    choice), with the gate of that move as it is now, what was typed kept and why it was refused."""
    data = form.data.copy()
    data["to_phase"] = partnership.next_phase.value
    again = AdvanceForm(data, partnership=partnership, gate=run_gate(partnership))
    again.is_valid()  # says again which justification or acknowledgement is missing
    for message in form.non_field_errors():
        again.add_error(None, message)
    return again


@login_required
@require_POST
def advance(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "move_phase")
    form = AdvanceForm(request.POST, partnership=partnership, gate=run_gate(partnership))
    if form.is_valid():
        try:
            phase_transition(
                partnership=partnership,
                to=form.cleaned_data["to_phase"],
                by=request.user,
                note=form.cleaned_data["note"],
                justifications=form.answers("justify"),
                acknowledgements=form.answers("acknowledge"),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s is now in phase %(n)d: %(phase)s. Everyone with a role on it is told by e-mail.")
                % {"name": partnership.name, "n": partnership.phase, "phase": Phase(partnership.phase).label},
            )
            return redirect("msp:dashboard", partnership_pk=partnership.pk)
    if not partnership.next_phase:
        # Moved into the last phase meanwhile: there is no form to show the refusal beside.
        for error in form.non_field_errors():
            messages.error(request, error)
        return _history_page(request, partnership, status=400)
    return _history_page(request, partnership, advance_form=_again(form, partnership), status=400)


@login_required
@require_POST
def revert(request, partnership_pk):
    partnership = access.get_partnership(request.user, partnership_pk, "move_phase")
    form = RevertForm(request.POST, partnership=partnership)
    if form.is_valid():
        try:
            phase_transition(
                partnership=partnership,
                to=form.cleaned_data["to_phase"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                note=form.cleaned_data["note"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s is back in phase %(n)d: %(phase)s. Everyone with a role on it is told by e-mail.")
                % {"name": partnership.name, "n": partnership.phase, "phase": Phase(partnership.phase).label},
            )
            return redirect("msp:dashboard", partnership_pk=partnership.pk)
    return _history_page(request, partnership, revert_form=form, status=400)
