"""Small helpers that write IATI elements: narratives that are never empty, values with their currency and date,
numbers and dates as IATI writes them, and the document around the activities or organisations."""

import datetime as dt
import re
from decimal import Decimal

from django.utils import timezone
from lxml import etree

from .codes import language_code

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
VERSION = "2.03"


# What XML 1.0 cannot hold (control characters other than tab and line breaks, lone surrogates, U+FFFE/U+FFFF): a
# name pasted with a vertical tab must not stop a file from being made.
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value) -> str:
    """`value` as text XML can carry: characters XML 1.0 forbids are dropped."""
    return NOT_XML.sub("", str(value or ""))


def text_of(value) -> str:
    """`value` as narrative text: stripped, "" for None, without what XML cannot carry."""
    return xml_text(value).strip()


def narrative(parent, text, lang=None):
    """A <narrative> in `parent`; `lang` only where it differs from the activity's. Nothing for empty text."""
    text = text_of(text)
    if not text:
        return None
    element = etree.SubElement(parent, "narrative")
    element.text = text
    if lang:
        element.set(XML_LANG, language_code(lang))
    return element


def with_narrative(parent, tag, text, lang=None, **attributes):
    """Element `tag` holding one narrative; left out (None) when the text is empty, as IATI wants: an element
    without words says nothing, and an empty narrative breaks its rules."""
    if not text_of(text):
        return None
    element = etree.SubElement(parent, tag, **attributes)
    narrative(element, text, lang)
    return element


def codelist_narrative(parent, english, french, lang):
    """The name of a code in the activity's language where IATI gives one (French), else in English, marked so."""
    if language_code(lang) == "fr" and text_of(french):
        return narrative(parent, french)
    return narrative(parent, english, None if language_code(lang) == "en" else "en")


def iso(day) -> str:
    if isinstance(day, dt.datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return day.isoformat()


def number(value) -> str:
    """A Decimal as IATI writes it: plain digits, no exponent, no trailing zeros ("250000", "12.5")."""
    value = value if isinstance(value, Decimal) else Decimal(str(value))
    text = f"{value.normalize():f}"
    return "0" if text in ("-0", "") else text


def date_element(parent, tag, day, **attributes):
    return etree.SubElement(parent, tag, **attributes, **{"iso-date": iso(day)})


def value_element(parent, amount, currency, value_date):
    """<value currency=".." value-date="..">amount</value>: the currency always written, though the activity has a
    default one, so that each value reads on its own."""
    element = etree.SubElement(parent, "value", currency=currency, **{"value-date": iso(value_date)})
    element.text = number(amount)
    return element


def document(root_tag, children) -> bytes:
    root = etree.Element(
        root_tag, version=VERSION, **{"generated-datetime": timezone.now().isoformat(timespec="seconds")}
    )
    root.extend(children)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
