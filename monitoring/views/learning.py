"""The Learning tab: what its pages share (the tab, its section navigation, the secretariat's form calling one
service, deleting a record), and its lessons and capacity gaps. The context with related initiatives and the risks
have their modules (context.py, risks.py).

The members read (action "view_learning": the secretariat and partners; donors 403, outsiders 404); the
secretariat records, changes and deletes ("change"). A refusal comes back on the form, with what was typed, and
answers 400."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import FormView, TemplateView
from django_filters.views import FilterView

from governance.views.common import _form_errors
from msp import access
from msp.views import PartnershipMixin

from ..learning_forms import CapacityGapForm, LessonFilter, LessonForm
from ..models import CapacityGap, Lesson
from ..selectors import learning as selectors
from ..services import learning as services


def record_or_404(model, partnership, pk):
    """The partnership's record of `model`, or 404 (also for another partnership's)."""
    found = model.objects.filter(partnership=partnership, pk=pk).first()
    if found is None:
        raise Http404(_("No such record."))
    found.partnership = partnership  # the loaded one: its role cache answers the services' access question
    return found


class LearningMixin(PartnershipMixin):
    """A page of the Learning tab; `section` picks the entry of its navigation (monitoring/learning_nav.html)."""

    action = "view_learning"
    tab = "learning"
    section = ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class LearningFormView(LearningMixin, FormView):
    """A secretariat form of the Learning tab that records or changes one `model` row (the URL's `pk`, if any)
    through one service (`save(form)` returns the success message). Cancel and success go to the section's page
    (`monitoring:<section>`)."""

    action = "change"
    template_name = "monitoring/learning/form.html"
    model = None

    def get_form_kwargs(self):
        self.object = None
        if "pk" in self.kwargs:
            self.object = record_or_404(self.model, self.partnership, self.kwargs["pk"])
        kwargs = {**super().get_form_kwargs(), "partnership": self.partnership}
        return {**kwargs, "instance": self.object} if self.object else kwargs

    def form_valid(self, form):
        try:
            text = self.save(form)
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, text)
        return redirect(self.cancel_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        return {**context, "title": self.title, "cancel_url": self.cancel_url()}

    def save(self, form):
        raise NotImplementedError

    def cancel_url(self):
        return reverse(f"monitoring:{self.section}", args=[self.partnership.pk])


def delete_record(request, partnership_pk, pk, *, model, service, section, message):
    """Delete the partnership's `model` row `pk` through `service` (secretariat), then back to the section."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    record = record_or_404(model, partnership, pk)
    service(record, request.user)
    messages.success(request, message % {"name": str(record)[:80]})
    return redirect(f"monitoring:{section}", partnership_pk=partnership.pk)


# --- Lessons ---------------------------------------------------------------------------------------------------


class LessonListView(LearningMixin, FilterView):
    """The lessons, newest first, filterable by what they were learned from and by owner."""

    section = "lessons"
    template_name = "monitoring/learning/lessons.html"
    filterset_class = LessonFilter

    def get_filterset(self, filterset_class):
        owners = selectors.lesson_owners(self.partnership)
        return LessonFilter(self.request.GET or None, selectors.lessons_for(self.partnership), owners=owners)


class LessonFormView(LearningFormView):
    section = "lessons"
    form_class = LessonForm
    model = Lesson

    @property
    def title(self):
        return _("Edit the lesson “%(title)s”") % {"title": self.object.title} if self.object else _("Record a lesson")

    def save(self, form):
        kwargs = form.service_kwargs()
        lesson = services.lesson_save(partnership=self.partnership, by=self.request.user, lesson=self.object, **kwargs)
        text = _("The lesson “%(title)s” is saved.") if self.object else _("The lesson “%(title)s” is recorded.")
        return text % {"title": lesson.title}


@login_required
@require_POST
def lesson_delete(request, partnership_pk, pk):
    return delete_record(
        request,
        partnership_pk,
        pk,
        model=Lesson,
        service=lambda lesson, by: services.lesson_delete(lesson=lesson, by=by),
        section="lessons",
        message=_("The lesson “%(name)s” is deleted."),
    )


# --- Capacity gaps ---------------------------------------------------------------------------------------------


class CapacityGapListView(LearningMixin, TemplateView):
    """The capacity gaps, flagged when open with neither measure nor decision, or not reviewed recently (ME-5)."""

    section = "capacity_gaps"
    template_name = "monitoring/learning/capacity_gaps.html"

    def get_context_data(self, **kwargs):
        gaps = selectors.capacity_gaps(self.partnership)
        return super().get_context_data(gaps=gaps, review_months=settings.MONITORING_GAP_REVIEW_MONTHS, **kwargs)


class CapacityGapFormView(LearningFormView):
    section = "capacity_gaps"
    form_class = CapacityGapForm
    model = CapacityGap

    @property
    def title(self):
        return _("Edit the capacity gap") if self.object else _("Record a capacity gap")

    def save(self, form):
        kwargs = form.service_kwargs()
        gap = services.capacity_gap_save(partnership=self.partnership, by=self.request.user, gap=self.object, **kwargs)
        text = (
            _("The capacity gap of %(org)s is saved.") if self.object else _("The capacity gap of %(org)s is recorded.")
        )
        return text % {"org": gap.organisation}


@login_required
@require_POST
def capacity_gap_reviewed(request, partnership_pk, pk):
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    gap = record_or_404(CapacityGap, partnership, pk)
    services.capacity_gap_mark_reviewed(gap=gap, by=request.user)
    messages.success(request, _("The capacity gap of %(org)s is marked reviewed today.") % {"org": gap.organisation})
    return redirect("monitoring:capacity_gaps", partnership_pk=partnership.pk)


@login_required
@require_POST
def capacity_gap_delete(request, partnership_pk, pk):
    return delete_record(
        request,
        partnership_pk,
        pk,
        model=CapacityGap,
        service=lambda gap, by: services.capacity_gap_delete(gap=gap, by=by),
        section="capacity_gaps",
        message=_("The capacity gap “%(name)s” is deleted."),
    )
