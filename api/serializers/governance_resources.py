"""Commitments, budget lines and transactions, as the resources pages list them."""

from rest_framework import serializers

from governance.models import BudgetLine, Commitment, CommitmentStatus, CommitmentType, Transaction
from governance.services import commitments

from .stakeholders import OrganisationRefSerializer


class YearSerializer(serializers.Serializer):
    year = serializers.IntegerField(read_only=True)
    amount = serializers.DecimalField(max_digits=18, decimal_places=4, read_only=True)


class CommitmentSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)
    currency = serializers.CharField(source="currency_id", read_only=True, allow_null=True)
    years = YearSerializer(many=True, read_only=True, help_text="The value spread over the years of the period.")

    class Meta:
        model = Commitment
        # What the commitment form edits (the service's EDITABLE), its id and its years: one list of fields.
        fields = ["id", *commitments.EDITABLE, "years"]
        read_only_fields = fields


class BudgetLineSerializer(serializers.ModelSerializer):
    currency = serializers.CharField(source="currency_id", read_only=True)
    is_planned = serializers.BooleanField(
        read_only=True, help_text="What counts as planned: the newest line of its chain of revisions."
    )

    class Meta:
        model = BudgetLine
        fields = [
            "id",
            "year",
            "category",
            "description",
            "amount",
            "currency",
            "budget_type",
            "revises",
            "is_planned",
            "result_node_key",
            "created_at",
        ]
        read_only_fields = fields


class TransactionSerializer(serializers.ModelSerializer):
    currency = serializers.CharField(source="currency_id", read_only=True)
    counterpart = OrganisationRefSerializer(read_only=True, allow_null=True)
    counterpart_label = serializers.CharField(read_only=True)

    class Meta:
        model = Transaction
        fields = [
            "id",
            "type",
            "date",
            "amount",
            "currency",
            "counterpart",
            "counterpart_name",
            "counterpart_label",
            "budget_line",
            "reference",
            "description",
        ]
        read_only_fields = fields


class CommitmentInput(serializers.Serializer):
    """A commitment, as on the page's form. `years` ({"2026": "500.00"}) changes the amounts of the commitment's
    years (they must add up to the value), or `respread` shares the value over the period again."""

    organisation = serializers.IntegerField(help_text="A member organisation's id (active or former).")
    type = serializers.ChoiceField(choices=CommitmentType.choices)
    description = serializers.CharField()
    quantity = serializers.DecimalField(max_digits=18, decimal_places=4, required=False, allow_null=True)
    unit = serializers.CharField(required=False, allow_blank=True)
    status = serializers.ChoiceField(choices=CommitmentStatus.choices)
    value = serializers.DecimalField(max_digits=18, decimal_places=4, required=False, allow_null=True)
    currency = serializers.CharField(required=False, allow_blank=True, help_text="ISO 4217, such as EUR.")
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    committed_on = serializers.DateField(required=False)
    funder_expectations = serializers.CharField(required=False, allow_blank=True)
    no_expectations = serializers.BooleanField(required=False)
    expectations_recorded_on = serializers.DateField(required=False, allow_null=True)
    years = serializers.DictField(child=serializers.DecimalField(max_digits=18, decimal_places=4), required=False)
    respread = serializers.BooleanField(required=False)
