"""The actual of one period through the API: the answer (the period and its actual), and the JSON a PUT sends,
turned into the data of the page's own form (monitoring.actual_forms.ActualForm), so that the form and
monitoring.services.actuals.actual_save validate it exactly as on the page.

Numbers: a JSON number, or a string written as JSON writes numbers ("1250.5"), is handed to the form as a Decimal,
so it means the same whatever language the request is answered in; any other string goes to the form as typed,
which reads it as the page does (and refuses "NaN", "12,5" in English...)."""

import re
from decimal import Decimal

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from monitoring.actual_forms import category_field_name

from .monitoring import ActualSerializer

PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
TEXT_FIELDS = ("text", "narrative", "measured_on", "light", "light_note")


class ActualAnswerSerializer(serializers.Serializer):
    indicator = serializers.IntegerField(source="indicator_id")
    period = serializers.IntegerField(source="pk")
    start = serializers.DateField()
    end = serializers.DateField()
    locked = serializers.BooleanField(source="is_locked")
    actual = serializers.SerializerMethodField()

    @extend_schema_field(ActualSerializer(allow_null=True))
    def get_actual(self, period):
        actual = getattr(period, "actual", None)
        return ActualSerializer(actual).data if actual is not None else None


@extend_schema_field(OpenApiTypes.DECIMAL)
class NumberInput(serializers.Field):
    pass


class BreakdownInputSerializer(serializers.Serializer):
    category = serializers.IntegerField(help_text="A category (its id) of one of the indicator's dimensions.")
    value = NumberInput()


class ActualInputSerializer(serializers.Serializer):
    """What a PUT sends: the whole actual (a field left out is empty). Numeric indicators (unit, percentage) take
    `value` and an optional `breakdown` (every category of a dimension, or none of it; for a unit indicator they add
    up to the value); indicators in words take `text`, `light` (green, amber, red) and `light_note`."""

    value = NumberInput(required=False, allow_null=True)
    text = serializers.CharField(required=False, allow_blank=True)
    narrative = serializers.CharField(required=False, allow_blank=True)
    measured_on = serializers.DateField(required=False, help_text="YYYY-MM-DD, not in the future.")
    light = serializers.CharField(required=False, allow_blank=True)
    light_note = serializers.CharField(required=False, allow_blank=True)
    breakdown = BreakdownInputSerializer(many=True, required=False)


def _number(value):
    """A JSON number or plain-number string as a Decimal; anything else as the form would get it typed."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, str) and PLAIN_NUMBER.fullmatch(value.strip()):
        return Decimal(value.strip())
    return value


def _scalar(value):
    return value is None or (isinstance(value, str | int | float | Decimal) and not isinstance(value, bool))


def form_data(body, form) -> tuple[dict, dict]:
    """(the form's data, {field: [messages]}) from the JSON `body` of a PUT, for an unbound `form` of the period
    (whose fields say which categories the indicator is broken down by). Only the shape is checked here: a number
    where a number goes, a category of this indicator once; the form and the service judge the values."""
    if not isinstance(body, dict):
        return {}, {"non_field_errors": [_("Send a JSON object with the fields of the actual.")]}
    data, errors = {}, {}
    for name in ("value", *TEXT_FIELDS):
        if name not in body or body[name] is None:
            continue
        if not _scalar(body[name]):
            errors[name] = [_("Give a single value.")]
        else:
            data[name] = _number(body[name]) if name == "value" else str(body[name])
    rows = body.get("breakdown") or []
    if not isinstance(rows, list):
        rows, errors["breakdown"] = [], [_("Give the breakdown as a list of {“category”, “value”}.")]
    for row in rows:
        category = row.get("category") if isinstance(row, dict) else None
        name = category_field_name(category) if isinstance(category, int) and not isinstance(category, bool) else None
        if name is None or not _scalar(row.get("value")):
            message = _("Give the breakdown as a list of {“category”, “value”}.")
        elif name not in form.fields:
            message = _("A category of the breakdown is not one of this indicator's dimensions.")
        elif name in data:
            message = _("Category %(category)s is given twice.") % {"category": category}
        else:
            data[name] = _number(row.get("value"))
            continue
        errors.setdefault("breakdown", []).append(message)
    return data, errors


def form_errors(form) -> dict:
    """The form's errors by field, a category's under "breakdown" (named by its category)."""
    errors = {}
    for name, messages in form.errors.items():
        if name in form.categories:
            category = form.categories[name]
            errors.setdefault("breakdown", []).extend(
                f"{category.dimension.name} / {category.name}: {m}" for m in messages
            )
        else:
            errors["non_field_errors" if name == "__all__" else name] = list(messages)
    return errors
