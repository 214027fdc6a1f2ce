"""The secretariat's "Open data (IATI)" page of a partnership: a readable summary of exactly what would be published,
read back from the activity file itself (opendata.summary), the problems that stop publication, the file as a
download, and the Publish and Withdraw actions (each one service call, which checks the right again; a refusal
comes back as a message on the page). Only those who may publish ("publish_open_data") see any of it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import TemplateView

from msp import access
from msp.pdf import attachment
from msp.text import file_slug
from msp.views import PartnershipMixin

from .. import selectors, services

XML = "application/xml; charset=utf-8"


def public_url(request, publication):
    """The activity file's public address, absolute: what the secretariat registers with the IATI Registry."""
    return request.build_absolute_uri(reverse("iati:activity", args=[publication.identifier]))


class PreviewView(PartnershipMixin, TemplateView):
    action = "publish_open_data"
    tab = "open_data"
    template_name = "opendata/preview.html"

    def get_context_data(self, **kwargs):
        publication = selectors.publication_of(self.partnership)
        published = publication is not None and publication.is_published
        return super().get_context_data(
            **selectors.preview(self.partnership, publication),
            publication=publication,
            identifier=selectors.identifier_for(self.partnership, publication),
            public_url=public_url(self.request, publication) if published else "",
            **kwargs,
        )


@login_required
@require_GET
def xml(request, partnership_pk):
    """The activity file the preview shows, as a download (what the public address serves once published)."""
    partnership = access.get_partnership(request.user, partnership_pk, "publish_open_data")
    publication = selectors.publication_of(partnership)
    response = HttpResponse(selectors.activity_document(partnership, publication), content_type=XML)
    attachment(response, f"{file_slug(partnership.name)}-iati-activity.xml")
    response["Cache-Control"] = "private, no-cache"
    return response


def _act(request, partnership_pk, act):
    """Run `act(partnership)` (a service call returning the success message) for someone who may publish, and go
    back to the page with the message or the refusal."""
    partnership = access.get_partnership(request.user, partnership_pk, "publish_open_data")
    try:
        messages.success(request, act(partnership))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("opendata:preview", partnership.pk)


@login_required
@require_POST
def publish(request, partnership_pk):
    def act(partnership):
        publication = services.publish(partnership, by=request.user)
        return _("The IATI file is published at %(url)s. Register this address with the IATI Registry.") % {
            "url": public_url(request, publication)
        }

    return _act(request, partnership_pk, act)


@login_required
@require_POST
def withdraw(request, partnership_pk):
    def act(partnership):
        services.withdraw(partnership, by=request.user)
        return _("The IATI file is withdrawn: its public address no longer answers. Its identifier is kept.")

    return _act(request, partnership_pk, act)
