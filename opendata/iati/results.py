"""The results chain as IATI results: the impacts, outcomes and outputs of the approved roadmap (ResultType 3, 2
and 1; activities are the work, not results), each with the indicators that measure it.

Only what donors may see is published: the approved roadmap (not a draft or a version in review) and, of each
indicator, the locked periods (the secretariat locks a period once its data is checked; an open period may still
change, and msp.access shows donors locked periods only). An IATI result needs at least one indicator: a node
that has none is left out and said so.

Numbers (unit, percentage) go in `value`; words (nominal, ordinal, qualitative) in a comment, as IATI asks for
measures without a numeric value. An actual's narrative goes in its comment; who entered it never does. A broken
down actual is repeated per category with its dimension, as IATI writes disaggregated values.
"""

from django.utils.translation import gettext as _
from lxml import etree

from monitoring.models import NUMERIC_MEASURES, Direction

from .codes import RESULT_TYPE
from .elements import date_element, number, text_of, with_narrative, xml_text
from .loading import actual_of


def add_results(activity, data, left_out):
    for node in data.nodes:
        indicators = data.indicators.get(node.key, [])
        if not indicators:
            left_out.append(
                _("The %(level)s “%(title)s” is left out of the results: IATI wants at least one indicator.")
                % {"level": node.get_level_display().lower(), "title": node.title}
            )
            continue
        result = etree.SubElement(activity, "result", type=RESULT_TYPE[node.level])
        with_narrative(result, "title", node.title)
        with_narrative(result, "description", node.description)
        for indicator in indicators:
            _indicator(result, indicator, data)


def _indicator(result, indicator, data):
    element = etree.SubElement(
        result,
        "indicator",
        measure=indicator.measure,
        ascending="true" if indicator.direction == Direction.ASCENDING else "false",
    )
    with_narrative(element, "title", indicator.name)
    with_narrative(element, "description", indicator.definition)
    numeric = indicator.measure in NUMERIC_MEASURES
    if indicator.baseline_date and (
        (numeric and indicator.baseline_value is not None) or (not numeric and text_of(indicator.baseline_text))
    ):
        baseline = etree.SubElement(
            element,
            "baseline",
            year=str(indicator.baseline_date.year),
            **{"iso-date": indicator.baseline_date.isoformat()},
        )
        _value(baseline, numeric, indicator.baseline_value, indicator.baseline_text)
    for period in data.periods.get(indicator.pk, []):
        _period(element, period, numeric, data)


def _period(indicator_element, period, numeric, data):
    element = etree.SubElement(indicator_element, "period")
    date_element(element, "period-start", period.start)
    date_element(element, "period-end", period.end)
    if (numeric and period.target_value is not None) or (not numeric and text_of(period.target_text)):
        _value(etree.SubElement(element, "target"), numeric, period.target_value, period.target_text)
    actual = actual_of(period)
    if actual is None or (numeric and actual.value is None) or (not numeric and not text_of(actual.text)):
        return
    _value(etree.SubElement(element, "actual"), numeric, actual.value, actual.text, comment=actual.narrative)
    if not numeric:
        return
    for row in data.breakdown.get(actual.pk, []):
        part = etree.SubElement(element, "actual", value=number(row.value))
        etree.SubElement(
            part, "dimension", name=xml_text(row.category.dimension.name), value=xml_text(row.category.name)
        )


def _value(element, numeric, value, text, comment=""):
    """A number in `value`; words (and any narrative) in the comment."""
    if numeric:
        element.set("value", number(value))
    words = "\n\n".join(part for part in (text_of(text) if not numeric else "", text_of(comment)) if part)
    with_narrative(element, "comment", words)
