"""IATI 2.03 files: a partnership as an IATI activity, and the installation's organisation file.

The interface the pages use (opendata.views) and the public files:
- activity_identifier(partnership): the identifier a first publication fixes (reporting organisation's, a hyphen,
  the partnership's own part);
- activity_file(partnership, identifier): the iati-activities document (bytes) with that one activity;
- activities_file(publications): one document with every published partnership's activity;
- organisation_file(): the iati-organisations document of the reporting organisation;
- problems(partnership): what would make its file break an IATI rule, in plain words (empty when none): what the
  builder left out to keep the rules (a future transaction, a result without indicators...), what the rules
  checker finds in the file, and the schema's complaints;
- notes(partnership): what is not published by design (for the preview; not a problem).

The package, by subject: `loading` reads a partnership in a fixed number of queries; `activity` writes the
activity (with `finance` for budgets and transactions, `results` for the results chain, `documents` for document
links); `organisation` the organisation file; `rules` checks the IATI rules on a built file, `schema` validates it
against the 2.03 XSD; `codes` holds the codelists and mappings, `elements` the small writing helpers.
"""

from django.conf import settings
from lxml import etree

from ..models import Publication
from . import activity, organisation, rules, schema
from .elements import document

__all__ = ["activities_file", "activity_file", "activity_identifier", "notes", "organisation_file", "problems"]


def activity_identifier(partnership) -> str:
    return f"{settings.IATI_REPORTING_ORG_REF}-P{partnership.pk}"


def activity_file(partnership, identifier) -> bytes:
    return document("iati-activities", [activity.build(partnership, identifier).element])


def activities_file(publications) -> bytes:
    """Every publication's activity in one document. IATI has no empty activities file (the schema wants at least
    one activity): with no publication, serve nothing (404) rather than this document."""
    return document("iati-activities", [activity.build(p.partnership, p.identifier).element for p in publications])


def organisation_file() -> bytes:
    return document("iati-organisations", [organisation.build()])


def problems(partnership) -> list[str]:
    built = _built(partnership)
    data = document("iati-activities", [built.element])
    return built.left_out + rules.check(etree.fromstring(data)) + schema.validate(data)


def notes(partnership) -> list[str]:
    """What is not published by design (an unapproved results chain, the signed MoU, counterparts that may be
    people), in plain words: for the secretariat's preview; none of it breaks a rule."""
    return _built(partnership).notes


def _built(partnership):
    identifier = Publication.objects.filter(partnership=partnership).values_list("identifier", flat=True).first()
    return activity.build(partnership, identifier or activity_identifier(partnership))
