from rest_framework import serializers

from msp.models import Partnership


class PartnershipSerializer(serializers.ModelSerializer):
    phase_name = serializers.CharField(source="get_phase_display", read_only=True)
    currency = serializers.CharField(source="currency_id", read_only=True)
    countries = serializers.SlugRelatedField(many=True, read_only=True, slug_field="code")
    sdg_goals = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    sdg_targets = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    is_archived = serializers.BooleanField(read_only=True)

    class Meta:
        model = Partnership
        fields = [
            "id",
            "name",
            "phase",
            "phase_name",
            "phase_since",
            "language",
            "currency",
            "countries",
            "sdg_goals",
            "sdg_targets",
            "problem_statement",
            "vision",
            "is_archived",
            "updated_at",
        ]
        read_only_fields = fields
