"""Document links of an activity: only documents anyone may open, since IATI requires a URL for each and the file is
public. That is the partnership's published public reports (their PDF, served without login while published).

Left out on purpose:
- released donor reports: donors and partners download them after signing in; a link the public cannot open
  publishes nothing (IATI has no document-link without a URL);
- the MoU in force: its signed copy carries the signatories' names and signatures, and a person's name is never
  published. (A public text of the MoU without them could be linked later, as category A09.)
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from lxml import etree

from .codes import PUBLIC_REPORT_CATEGORY, language_code
from .elements import date_element, with_narrative


def add_documents(activity, data):
    for report in data.public_reports:
        url = settings.SITE_URL + reverse("reports:public_report_pdf", kwargs={"key": report.public_key})
        link = etree.SubElement(activity, "document-link", url=url, format="application/pdf")
        title = _("Public report %(number)d, %(start)s to %(end)s") % {
            "number": report.number,
            "start": report.period_start.isoformat(),
            "end": report.period_end.isoformat(),
        }
        with_narrative(link, "title", title)
        etree.SubElement(link, "category", code=PUBLIC_REPORT_CATEGORY)
        etree.SubElement(link, "language", code=language_code(report.language))
        date_element(link, "document-date", report.published_at)
