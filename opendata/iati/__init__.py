"""IATI 2.03 files: a partnership as an IATI activity, and the installation's organisation file.

The interface the pages use (opendata.views) and the public files:
- activity_identifier(partnership): the identifier a first publication fixes (reporting organisation's, a hyphen,
  the partnership's own part);
- activity_file(partnership, identifier): the iati-activities document (bytes) with that one activity;
- activities_file(publications): one document with every published partnership's activity;
- organisation_file(): the iati-organisations document of the reporting organisation;
- problems(partnership): what would make its file break an IATI rule, in plain words (empty when none).

FOUNDATION STUB: the builder (opendata.iati.activity, .organisation, .rules, .schema) replaces these bodies.
"""

from django.conf import settings
from django.utils import timezone
from lxml import etree


def activity_identifier(partnership) -> str:
    return f"{settings.IATI_REPORTING_ORG_REF}-P{partnership.pk}"


def _document(root_tag, children) -> bytes:
    root = etree.Element(
        root_tag, version="2.03", **{"generated-datetime": timezone.now().isoformat(timespec="seconds")}
    )
    root.extend(children)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _activity(partnership, identifier):
    activity = etree.Element("iati-activity", **{"default-currency": partnership.currency_id})
    etree.SubElement(activity, "iati-identifier").text = identifier
    title = etree.SubElement(activity, "title")
    etree.SubElement(title, "narrative").text = partnership.name
    return activity


def activity_file(partnership, identifier) -> bytes:
    return _document("iati-activities", [_activity(partnership, identifier)])


def activities_file(publications) -> bytes:
    return _document("iati-activities", [_activity(p.partnership, p.identifier) for p in publications])


def organisation_file() -> bytes:
    organisation = etree.Element("iati-organisation")
    etree.SubElement(organisation, "organisation-identifier").text = settings.IATI_REPORTING_ORG_REF
    return _document("iati-organisations", [organisation])


def problems(partnership) -> list[str]:
    return []
