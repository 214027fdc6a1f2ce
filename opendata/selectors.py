"""Reads of IATI publication: the publications the public files serve, and what the secretariat's preview shows.

The public files serve a partnership only while it is published and not archived: archiving makes a partnership
read-only and hides it from everyone's lists, and its activity file goes with it (restoring it brings the file
back, under the same identifier). Withdrawing removes the file at once (404): nothing is cached for long.
"""

from django.http import Http404
from django.utils.translation import gettext as _

from msp.codelists import Country, SdgGoal, SdgTarget
from stakeholders.models import OrganisationType

from . import codes, iati, summary
from .models import Publication


def public_publications():
    """The publications whose activity file is public, in the order they were first published."""
    return (
        Publication.objects.filter(is_published=True, partnership__archived_at__isnull=True)
        .select_related("partnership", "partnership__currency")
        .order_by("first_published_at", "pk")
    )


def public_publication_or_404(identifier):
    # No identifier holds a control character (PostgreSQL refuses a NUL in a query outright) or is that long.
    if not identifier.isprintable() or len(identifier) > Publication._meta.get_field("identifier").max_length:
        raise Http404(_("No such IATI activity is published here."))
    publication = public_publications().filter(identifier=identifier).first()
    if publication is None:
        raise Http404(_("No such IATI activity is published here."))
    return publication


def publication_of(partnership):
    """The partnership's publication record, or None before its first publication."""
    return Publication.objects.filter(partnership=partnership).first()


def identifier_for(partnership, publication=None) -> str:
    """The identifier its file carries: the one fixed at its first publication, else the one publishing would fix."""
    return publication.identifier if publication is not None else iati.activity_identifier(partnership)


def activity_document(partnership, publication=None) -> bytes:
    return iati.activity_file(partnership, identifier_for(partnership, publication))


def preview(partnership, publication=None) -> dict:
    """The preview's context: the activity as its XML says (opendata.summary), with every code named, the
    problems that stop it from being published, and the notes on what is left out by design."""
    activity = summary.read_activity(activity_document(partnership, publication))
    return {
        "activity": activity,
        "names": _names(activity) if activity is not None else {},
        "problems": iati.problems(partnership),
        "notes": iati.notes(partnership),
    }


def _names(activity) -> dict:
    """Readable names of the codes the file holds, looked up once per codelist (a constant number of queries):
    {"countries": {code: name}, "sdgs": {code: name}, "organisation_types": {code: name}} plus the named rows
    the template shows (dates, descriptions, organisations, classifications, results)."""
    country_codes = {code for code, _percentage, _text in activity.countries}
    countries = {c.code: c.display_name for c in Country.objects.filter(code__in=country_codes)}
    sdg_codes = {c.code for c in activity.classifications}
    goals = {str(g.number): g.short_name for g in SdgGoal.objects.filter(number__in=_numbers(sdg_codes))}
    targets = {t.code: t.display_description for t in SdgTarget.objects.filter(code__in=sdg_codes)}
    org_codes = {o.type for o in [*activity.organisations, activity.reporting_org] if o is not None and o.type}
    types = {t.code: t.display_name for t in OrganisationType.objects.filter(code__in=org_codes)}
    return {
        "countries": [
            (code, text or countries.get(code, code), percentage) for code, percentage, text in activity.countries
        ],
        "sdgs": [
            (codes.sdg_vocabulary(c.element, c.vocabulary), c.code, c.text or goals.get(c.code) or targets.get(c.code))
            for c in activity.classifications
            if codes.sdg_vocabulary(c.element, c.vocabulary)
        ],
        "other_classifications": [
            c for c in activity.classifications if not codes.sdg_vocabulary(c.element, c.vocabulary)
        ],
        "organisation_types": types,
        "organisations": [(o, codes.name("role", o.role), types.get(o.type, o.type)) for o in activity.organisations],
        "reporting_org_type": types.get(activity.reporting_org.type, activity.reporting_org.type)
        if activity.reporting_org
        else "",
    }


def _numbers(values):
    return [int(v) for v in values if str(v).isdigit()]
