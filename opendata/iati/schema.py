"""Validation against the IATI 2.03 schemas shipped in opendata/data/iati/schema (parsed once per process).

`validate(document)` takes the bytes of an iati-activities or iati-organisations document and returns the schema's
complaints as lines ("line 12: Element 'budget': ..."), empty when it is valid. Nothing is fetched from the network:
the schemas include and import only files beside them.
"""

import functools

from django.utils.translation import gettext as _
from lxml import etree

from .codes import DATA

SCHEMAS = {
    "iati-activities": "iati-activities-schema.xsd",
    "iati-organisations": "iati-organisations-schema.xsd",
}


@functools.cache
def schema(root_tag: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "schema" / SCHEMAS[root_tag])))


def validate(document: bytes) -> list[str]:
    try:
        root = etree.fromstring(document, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        return [_("The file is not well-formed XML: %(error)s") % {"error": error}]
    if root.tag not in SCHEMAS:
        return [
            _("The file is neither IATI activities nor IATI organisations (its root is <%(tag)s>).") % {"tag": root.tag}
        ]
    try:
        schema(root.tag).assertValid(root)
    except etree.DocumentInvalid as invalid:  # carries its own error log: safe when threads share the schema
        return [_("line %(line)d: %(message)s") % {"line": e.line, "message": e.message} for e in invalid.error_log]
    return []
