"""The parts of a draft roadmap: results-chain nodes and milestones (add and change as class-based form pages;
remove and record progress as actions)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from msp import access

from .. import services
from ..forms import MilestoneForm, MilestoneProgressForm, ResultNodeForm
from ..models import Milestone, ResultNode, RoadmapVersion
from .common import DraftFormView, _form_errors, _messages_of, _version_or_404


class PartFormView(DraftFormView):
    """Add (no `pk` in the URL) or change a results-chain node or a milestone of a draft."""

    model = RoadmapVersion
    tab = "roadmap"
    version_url = "governance:roadmap_version"
    template_name = "governance/part_form.html"
    obj_model = None  # the part's model
    title = None

    def get_object(self):
        if not hasattr(self, "obj"):
            pk = self.kwargs.get("pk")
            self.obj = get_object_or_404(self.obj_model, pk=pk, version=self.version) if pk else None
        return self.obj

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.get_object(), "version": self.version}

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=self.title, obj=self.get_object(), **kwargs)

    def form_valid(self, form):
        try:
            self.save(version=self.version, by=self.request.user, **form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("Saved: “%(title)s”.") % {"title": form.cleaned_data["title"]})
        return redirect(self.version)

    def save(self, **kwargs):
        """Call the part's service (looked up when called, so it can be replaced in a test)."""
        raise NotImplementedError


class NodeFormView(PartFormView):
    form_class = ResultNodeForm
    obj_model = ResultNode

    def save(self, **kwargs):
        return services.result_node_save(node=self.get_object(), **kwargs)


class NodeAddView(NodeFormView):
    title = gettext_lazy("Add to the results chain")


class NodeEditView(NodeFormView):
    title = gettext_lazy("Change a results-chain node")


class MilestoneFormView(PartFormView):
    form_class = MilestoneForm
    obj_model = Milestone

    def save(self, **kwargs):
        return services.milestone_save(milestone=self.get_object(), **kwargs)


class MilestoneAddView(MilestoneFormView):
    title = gettext_lazy("Add a milestone")


class MilestoneEditView(MilestoneFormView):
    title = gettext_lazy("Change a milestone")


def _roadmap_part_delete(request, partnership_pk, number, pk, model, service, field):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    obj = get_object_or_404(model, pk=pk, version=version)
    try:
        service(by=request.user, **{field: obj})
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Removed: “%(title)s”.") % {"title": obj.title})
    return redirect(version)


@login_required
@require_POST
def roadmap_node_delete(request, partnership_pk, number, pk):
    return _roadmap_part_delete(request, partnership_pk, number, pk, ResultNode, services.result_node_delete, "node")


@login_required
@require_POST
def roadmap_milestone_delete(request, partnership_pk, number, pk):
    return _roadmap_part_delete(request, partnership_pk, number, pk, Milestone, services.milestone_delete, "milestone")


@login_required
@require_POST
def roadmap_milestone_progress(request, partnership_pk, number, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    version = _version_or_404(RoadmapVersion, partnership, number, request.user)
    milestone = get_object_or_404(Milestone, pk=pk, version=version)
    form = MilestoneProgressForm(request.POST)
    if not form.is_valid():
        problems = [_("Choose a status for the milestone.")] if "status" in form.errors else []
        messages.error(request, " ".join([*problems, *form.errors.get("done_on", [])]))
        return redirect(version)
    try:
        services.milestone_progress(milestone=milestone, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, _messages_of(exc))
    else:
        messages.success(request, _("Progress on “%(title)s” is saved.") % {"title": milestone.title})
    return redirect(version)
