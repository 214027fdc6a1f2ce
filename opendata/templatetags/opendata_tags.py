from django import template

from .. import codes

register = template.Library()


@register.filter
def iati_code(code, codelist):
    """`{{ activity.status|iati_code:"activity_status" }}`: the code's name in the reader's language (opendata.codes),
    or the code itself when it has none."""
    return codes.name(codelist, code)
