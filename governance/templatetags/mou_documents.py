"""The stored PDF copy of an MoU version, for the version page's hash display (a tag, so the page view, which
is being reorganised, does not need to know about stored documents)."""

from django import template

from governance import pdf

register = template.Library()


@register.simple_tag
def mou_stored_copy(version):
    """The stored copy that "Download PDF" serves for `version`, or None (not sent for signature, or not made
    yet)."""
    return pdf.mou_stored_copy(version)
