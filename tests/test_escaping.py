"""No user input is rendered unescaped: names and titles that carry markup come out as the text typed, in pages,
SVG charts (inline and as a file), PDFs (pdftotext shows the literal text) and e-mails (plain text, never HTML)."""

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from django.core import mail
from django.urls import reverse

from governance.pdf import mou_pdf
from msp import services as msp_services
from msp.charts import Bar, HorizontalBarChart
from tests.factories import OrganisationFactory
from tests.governance.factories import mou_draft
from tests.stakeholders.factories import MapEntryFactory

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, IMG)
ESCAPED = {SCRIPT: "&lt;script&gt;alert(1)&lt;/script&gt;", IMG: "&gt;&lt;img src=x onerror=alert(1)&gt;"}
SVG = "{http://www.w3.org/2000/svg}"


def assert_escaped(html, what):
    for payload in PAYLOADS:
        assert payload not in html, f"{what}: {payload!r} rendered as markup"
        assert ESCAPED[payload] in html, f"{what}: {payload!r} not shown as text"
    assert "<img src=x" not in html and "<script>alert" not in html


@pytest.fixture
def hostile(partnership, secretariat):
    """A partnership whose name, organisations and clause titles carry markup."""
    partnership.name = f"Cocoa {SCRIPT} {IMG}"
    partnership.save()
    for payload in PAYLOADS:
        MapEntryFactory(partnership=partnership, organisation=OrganisationFactory(name=f"Org {payload}"))
    return partnership


def test_a_chart_shows_labels_and_title_as_text():
    chart = HorizontalBarChart(
        title=f"Positions {SCRIPT}",
        description=IMG,
        bars=[Bar(SCRIPT, 2), Bar(IMG, 1)],
        label_header="Position",
        value_header="Organisations",
    )
    svg = str(chart.svg())
    assert_escaped(svg, "bar chart")
    texts = "".join(ET.fromstring(svg).itertext())  # valid XML, the payloads as its text
    assert SCRIPT in texts and IMG in texts


@pytest.mark.django_db
def test_pages_show_names_as_text(client, hostile, secretariat):
    client.force_login(secretariat)
    for name, args in [
        ("msp:dashboard", [hostile.pk]),
        ("stakeholders:map", [hostile.pk]),
        ("msp:partnership_list", []),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
        html = response.content.decode()
        assert SCRIPT not in html and IMG not in html, name
        assert ESCAPED[SCRIPT] in html, name


@pytest.mark.django_db
def test_the_stakeholder_chart_file_shows_names_as_text(client, hostile, secretariat):
    client.force_login(secretariat)
    response = client.get(reverse("stakeholders:map_chart", args=[hostile.pk]))
    svg = response.content.decode()
    assert SCRIPT not in svg and IMG not in svg
    names = {g.get("data-organisation") for g in ET.fromstring(svg).iter(f"{SVG}g") if g.get("data-organisation")}
    assert {f"Org {SCRIPT}", f"Org {IMG}"} <= names


@pytest.mark.django_db
@pytest.mark.skipif(not shutil.which("pdftotext"), reason="pdftotext (poppler-utils) is not installed")
def test_a_pdf_shows_names_and_titles_as_the_text_typed(hostile, secretariat, tmp_path):
    version = mou_draft(hostile, secretariat, clauses=(f"Roles {SCRIPT}", f"Exit {IMG}"))
    path = tmp_path / "mou.pdf"
    path.write_bytes(mou_pdf(version))
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert f"Roles {SCRIPT}" in flat and f"Exit {IMG}" in flat


@pytest.mark.django_db
def test_an_email_carries_the_text_typed_and_no_html(hostile, partner, django_capture_on_commit_callbacks, client):
    with django_capture_on_commit_callbacks(execute=True):
        msp_services.notify(
            partnership=hostile,
            recipients=[partner],
            subject=f"Meeting {IMG}",
            body=f"The meeting “{SCRIPT}” is scheduled.",
            link=reverse("msp:dashboard", args=[hostile.pk]),
        )
    [message] = mail.outbox
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    assert IMG in message.subject and SCRIPT in message.body  # plain text: as typed, not &lt;...
    client.force_login(partner)
    assert_escaped(client.get(reverse("inbox:notices")).content.decode(), "notifications page")
