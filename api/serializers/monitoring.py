"""Indicators, their periods and actuals, as the indicator pages show them. The list and the detail serialize
monitoring.selectors.table.IndicatorRow (the indicator, its results-chain node and its visible periods' progress), so
a donor's answer holds exactly the locked periods their page shows."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from monitoring.models import Measure

from .stakeholders import OrganisationRefSerializer


@extend_schema_field(OpenApiTypes.DECIMAL)
class NumberField(serializers.Field):
    """A decimal as a JSON string without trailing zeros ("40", "12.5"), or null."""

    def to_representation(self, value):
        return f"{value.normalize():f}" if value is not None else None


class IndicatorMeasureSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


def code(value, choices) -> dict:
    return {"code": value, "name": str(choices(value).label)} if value else None


class IndicatorCategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()


class IndicatorDimensionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    categories = IndicatorCategorySerializer(many=True, source="categories.all")


class ActualBreakdownSerializer(serializers.Serializer):
    category = serializers.IntegerField(source="category_id")
    category_name = serializers.CharField(source="category.name")
    dimension = serializers.CharField(source="category.dimension.name")
    value = NumberField()


class ActualSerializer(serializers.Serializer):
    value = NumberField()
    text = serializers.CharField()
    narrative = serializers.CharField()
    measured_on = serializers.DateField()
    light = serializers.CharField(help_text="green, amber, red, or empty; set by a person for indicators in words.")
    light_note = serializers.CharField()
    entered_at = serializers.DateTimeField()
    breakdown = ActualBreakdownSerializer(many=True, source="breakdown.all")


class IndicatorPeriodSerializer(serializers.Serializer):
    """A reporting period with its target, its actual (null: none yet) and its progress (monitoring.progress)."""

    id = serializers.IntegerField(source="period.pk")
    start = serializers.DateField(source="period.start")
    end = serializers.DateField(source="period.end")
    target_value = NumberField(source="period.target_value")
    target_text = serializers.CharField(source="period.target_text")
    locked = serializers.BooleanField(source="period.is_locked")
    percent = NumberField(help_text="Progress towards the target, in per cent (numeric indicators).")
    light = serializers.CharField(help_text="green, amber, red, or empty: no data.")
    actual = ActualSerializer(allow_null=True)


class IndicatorBaselineSerializer(serializers.Serializer):
    value = NumberField(source="baseline_value")
    text = serializers.CharField(source="baseline_text")
    date = serializers.DateField(source="baseline_date")


class IndicatorResultSerializer(serializers.Serializer):
    key = serializers.UUIDField()
    level = serializers.CharField()
    title = serializers.CharField()


class IndicatorSummarySerializer(serializers.Serializer):
    """One row of the indicator table."""

    id = serializers.IntegerField(source="indicator.pk")
    name = serializers.CharField(source="indicator.name")
    measure = serializers.SerializerMethodField()
    unit = serializers.CharField(source="indicator.unit_label")
    direction = serializers.CharField(source="indicator.direction")
    aggregation = serializers.CharField(source="indicator.aggregation")
    baseline = IndicatorBaselineSerializer(source="indicator")
    responsible = OrganisationRefSerializer(source="indicator.responsible")
    result_node_key = serializers.UUIDField(source="indicator.result_node_key")
    result = IndicatorResultSerializer(
        source="node", allow_null=True, help_text="The results-chain node, null if it left the chain."
    )
    sdg_targets = serializers.SerializerMethodField()
    status = serializers.CharField(help_text="The light of the latest period with data: green, amber, red or none.")
    overdue_periods = serializers.IntegerField(source="overdue")

    @extend_schema_field(IndicatorMeasureSerializer)
    def get_measure(self, row):
        return code(row.indicator.measure, Measure)

    def get_sdg_targets(self, row) -> list[str]:
        return [target.pk for target in row.indicator.sdg_targets.all()]


class IndicatorDetailSerializer(IndicatorSummarySerializer):
    """An indicator with its definition, its dimensions and every period the reader may see."""

    definition = serializers.CharField(source="indicator.definition")
    means_of_verification = serializers.CharField(source="indicator.means_of_verification")
    dimensions = IndicatorDimensionSerializer(many=True, source="indicator.dimensions.all")
    periods = IndicatorPeriodSerializer(many=True, source="series")
