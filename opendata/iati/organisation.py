"""The IATI organisation file of the installation's reporting organisation (settings IATI_REPORTING_ORG_REF, _NAME
and _TYPE): who publishes the activity files. It names the organisation and nothing more: its budgets are the
partnerships', published with each activity, in each one's own currency."""

from django.conf import settings
from lxml import etree

from .activity import reporting_org
from .codes import language_code
from .elements import XML_LANG, with_narrative


def build():
    organisation = etree.Element("iati-organisation", **{XML_LANG: language_code(settings.LANGUAGE_CODE)})
    etree.SubElement(organisation, "organisation-identifier").text = settings.IATI_REPORTING_ORG_REF
    with_narrative(organisation, "name", settings.IATI_REPORTING_ORG_NAME)
    reporting_org(organisation)
    return organisation
