"""Downloading the MoU PDF: a file name that survives accents, and a clear answer where PDFs cannot be made."""

import builtins
import sys

import pytest
from django.urls import reverse

from governance import services
from tests.governance.factories import mou_draft


@pytest.fixture
def sent(partnership, secretariat):
    return services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)


def _pdf_url(version):
    return reverse("governance:mou_pdf", args=[version.partnership_id, version.number])


@pytest.fixture
def no_weasyprint(request, monkeypatch):
    """WeasyPrint's import failing as it does on a machine without Pango (OSError) or without the package."""
    monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
    if request.param == "ImportError":
        monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` then raises ImportError
        return
    real_import = builtins.__import__

    def fake_import(name, *args, **kwargs):
        if name == "weasyprint" or name.startswith("weasyprint."):
            raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake_import)


@pytest.mark.parametrize("no_weasyprint", ["OSError", "ImportError"], indirect=True)
def test_without_the_pdf_libraries_the_helper_says_so(no_weasyprint):
    from msp.pdf import PdfUnavailable, render_pdf

    with pytest.raises(PdfUnavailable):
        render_pdf("<p>Hello</p>")


@pytest.mark.parametrize("no_weasyprint", ["OSError", "ImportError"], indirect=True)
def test_without_the_pdf_libraries_the_download_answers_a_clear_page_not_a_500(
    client, sent, secretariat, partner, no_weasyprint
):
    client.force_login(partner)
    response = client.get(_pdf_url(sent))
    assert response.status_code == 503 and response["Content-Type"].startswith("text/html")
    body = response.content.decode()
    assert "The PDF cannot be made on this server" in body
    for instruction in ("apt-get install", "libpango-1.0-0", "dnf install pango", "brew install pango"):
        assert instruction in body
    assert reverse("governance:mou_version", args=[sent.partnership_id, sent.number]) in body  # a way back
    assert "cannot open shared object file" not in body  # the technical detail is for administrators


@pytest.mark.parametrize("no_weasyprint", ["OSError"], indirect=True)
def test_administrators_also_see_what_failed(client, sent, superuser, no_weasyprint):
    client.force_login(superuser)
    body = client.get(_pdf_url(sent)).content.decode()
    assert "cannot open shared object file" in body


def test_the_file_name_survives_accents(client, partnership, secretariat, monkeypatch):
    """Latin-1 in a header makes browsers fall back to "download.pdf"; RFC 6266 filename* keeps the name."""
    partnership.name = "Cacao durable Côte d’Ivoire"
    partnership.save()
    version = services.mou_send_for_review(version=mou_draft(partnership, secretariat), by=secretariat)
    monkeypatch.setattr("governance.pdf.mou_pdf", lambda version: b"%PDF-1.7 test")
    client.force_login(secretariat)
    header = client.get(_pdf_url(version))["Content-Disposition"]
    header.encode("ascii")  # nothing but ASCII goes out in the header
    assert header == "attachment; filename*=utf-8''mou-cacao-durable-c%C3%B4te-d-ivoire-v1.pdf"


def test_an_ascii_file_name_goes_out_plainly(client, sent, secretariat, monkeypatch):
    monkeypatch.setattr("governance.pdf.mou_pdf", lambda version: b"%PDF-1.7 test")
    client.force_login(secretariat)
    assert client.get(_pdf_url(sent))["Content-Disposition"] == 'attachment; filename="mou-cocoa-partnership-v1.pdf"'
