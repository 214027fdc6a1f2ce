"""The public story page: the secretariat writes what the public report tells (headline story, quote, photo with
consent, 3 to 5 key results, why it matters, how the members work together, what is next, how to get in touch),
and sees the photo as it is stored. Secretariat only ("change"): partners and donors 403, outsiders 404. A refusal
comes back on the form, with what was typed, and answers 400. The photo is served only through this module's
permission-checked view, never from a media URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.generic import FormView

from governance.views.common import _form_errors
from msp import access
from msp.views import PartnershipMixin

from ..models import PublicStory
from ..services import stories as services
from ..story_forms import PublicStoryForm


class PublicStoryView(PartnershipMixin, FormView):
    action = "change"
    tab = "reports"
    template_name = "monitoring/public_story.html"
    form_class = PublicStoryForm

    def get_form_kwargs(self):
        self.story = services.story_of(self.partnership)
        return {**super().get_form_kwargs(), "partnership": self.partnership, "instance": self.story}

    def form_valid(self, form):
        try:
            services.public_story_save(partnership=self.partnership, by=self.request.user, **form.service_kwargs())
        except ValidationError as exc:
            _form_errors(form, exc)
            return self.form_invalid(form)
        messages.success(self.request, _("The public story is saved. The next public report will tell it."))
        return redirect("monitoring:public_story", partnership_pk=self.partnership.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        indicators = len(context["form"].fields["key_results"].queryset)
        return {**context, "story": self.story, "indicator_count": indicators, "enough_indicators": indicators >= 3}


@login_required
def public_story_photo(request, partnership_pk):
    """The story's photo as stored (re-encoded JPEG, no metadata): for the secretariat's preview."""
    partnership = access.get_partnership(request.user, partnership_pk, "change")
    story = PublicStory.objects.filter(partnership=partnership).only("photo").first()
    if story is None or not story.photo:
        raise Http404(_("This partnership's story has no photo."))
    try:
        handle = story.photo.open("rb")
    except FileNotFoundError:
        raise Http404(_("The photo file is missing.")) from None
    response = FileResponse(handle, content_type="image/jpeg", filename="story-photo.jpg")
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
