"""Governance bodies with their seats, and the decision log with its positions. What a reader may not see is left
out by the view's context (`see_positions`, `see_meetings`), decided by msp.access as on the pages."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.decision_rules import Method, Position
from governance.models import Body, Decision, DecisionPosition, DecisionTopic, Seat
from governance.selectors import decisions as selectors
from msp import access

from .stakeholders import OrganisationRefSerializer


class RefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)


class SeatSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = Seat
        fields = ["id", "organisation", "is_voting", "is_chair"]
        read_only_fields = fields


class BodySerializer(serializers.ModelSerializer):
    host_organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    seats = SeatSerializer(many=True, read_only=True)
    seat_count = serializers.IntegerField(read_only=True)
    voting_count = serializers.IntegerField(read_only=True)
    staff_count = serializers.IntegerField(read_only=True, help_text="Current staff (a secretariat).")
    chair_name = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Body
        fields = [
            "id",
            "type",
            "name",
            "is_primary",
            "cadence",
            "majority_threshold",
            "host_organisation",
            "seat_count",
            "voting_count",
            "chair_name",
            "staff_count",
            "seats",
        ]
        read_only_fields = fields


class MeetingRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    start = serializers.DateTimeField(read_only=True)


class DecisionSerializer(serializers.ModelSerializer):
    """A decision of the log. `meeting` and `position_count` are the members' (absent for a donor);
    `roadmap_version`/`mou_version` are version numbers, null when you may not read that version."""

    body = RefSerializer(read_only=True, allow_null=True)
    meeting = MeetingRefSerializer(read_only=True, allow_null=True, required=False)
    position_count = serializers.IntegerField(read_only=True, required=False)
    roadmap_version = serializers.SerializerMethodField()
    mou_version = serializers.SerializerMethodField()

    MEMBERS_ONLY = ("meeting", "position_count")

    class Meta:
        model = Decision
        fields = [
            "id",
            "title",
            "text",
            "body",
            "meeting",
            "method",
            "topic",
            "status",
            "outcome",
            "decided_on",
            "delegated_by",
            "phase_transition",
            "roadmap_version",
            "mou_version",
            "position_count",
            "created_at",
        ]
        read_only_fields = fields

    def _version(self, version) -> int | None:
        if version is None:
            return None
        version.partnership = self.context["partnership"]  # the loaded one: its role is cached for the request
        return version.number if access.can_read_version(self.context["request"].user, version) else None

    def get_roadmap_version(self, decision) -> int | None:
        return self._version(decision.roadmap_version)

    def get_mou_version(self, decision) -> int | None:
        return self._version(decision.mou_version)

    def to_representation(self, decision):
        data = super().to_representation(decision)
        if not self.context.get("see_positions"):
            data.pop("position_count", None)
        if not self.context.get("see_meetings"):
            data.pop("meeting", None)
        return data


class PositionSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = DecisionPosition
        fields = ["organisation", "position", "statement", "recorded_at", "on_behalf"]
        read_only_fields = fields


class PositionRowSerializer(serializers.Serializer):
    """An entitled organisation with its position (null: none yet), or a position of an organisation no longer
    entitled (`counted` false: kept, not counted)."""

    organisation = OrganisationRefSerializer(read_only=True)
    position = serializers.CharField(read_only=True, allow_null=True)
    statement = serializers.CharField(read_only=True, allow_null=True)
    recorded_at = serializers.DateTimeField(read_only=True, allow_null=True)
    on_behalf = serializers.BooleanField(read_only=True, allow_null=True)
    counted = serializers.BooleanField(read_only=True)

    def to_representation(self, row):
        organisation, position, counted = row
        return {
            "organisation": OrganisationRefSerializer(organisation).data,
            "position": position.position if position else None,
            "statement": position.statement if position else None,
            "recorded_at": position.recorded_at.isoformat() if position else None,
            "on_behalf": position.on_behalf if position else None,
            "counted": counted,
        }


class DecisionDetailSerializer(DecisionSerializer):
    """A decision with the positions on it (the members'; absent for a donor)."""

    positions = serializers.SerializerMethodField()

    class Meta(DecisionSerializer.Meta):
        fields = [*DecisionSerializer.Meta.fields, "positions"]
        read_only_fields = fields

    @extend_schema_field(PositionRowSerializer(many=True))
    def get_positions(self, decision):
        if not self.context.get("see_positions"):
            return None
        return [PositionRowSerializer(row).data for row in selectors.positions_table(decision)]

    def to_representation(self, decision):
        data = super().to_representation(decision)
        if not self.context.get("see_positions"):
            data.pop("positions", None)
        return data


# --- what the write endpoints take (documentation: the page's form validates) ----------------------------------


class DecisionInput(serializers.Serializer):
    """A draft decision, as on the page's form. Ids are of this partnership's records."""

    title = serializers.CharField()
    text = serializers.CharField(required=False, allow_blank=True)
    body = serializers.IntegerField(required=False, allow_null=True, help_text="A body's id; none: all members.")
    meeting = serializers.IntegerField(required=False, allow_null=True, help_text="A formal meeting's id.")
    method = serializers.ChoiceField(choices=Method.choices)
    topic = serializers.ChoiceField(choices=DecisionTopic.choices, required=False, allow_blank=True)
    delegated_by = serializers.IntegerField(required=False, allow_null=True)
    phase_transition = serializers.IntegerField(required=False, allow_null=True)
    roadmap_version = serializers.IntegerField(required=False, allow_null=True, help_text="The version's id.")
    mou_version = serializers.IntegerField(required=False, allow_null=True, help_text="The version's id.")


class PositionInput(serializers.Serializer):
    position = serializers.ChoiceField(choices=Position.choices)
    statement = serializers.CharField(required=False, allow_blank=True)
