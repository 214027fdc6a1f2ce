"""Roadmap and MoU versions: what their pages show a reader (never comments, nor the evidence of an approval or a
signature given outside the app)."""

from rest_framework import serializers

from governance.models import Clause, Milestone, MouParty, MouSignature, MouVersion, ResultNode, RoadmapVersion

from .stakeholders import OrganisationRefSerializer

VERSION_FIELDS = ["number", "status", "is_agreed", "change_note", "created_at", "sent_at"]


class RoadmapVersionSerializer(serializers.ModelSerializer):
    is_agreed = serializers.BooleanField(read_only=True)

    class Meta:
        model = RoadmapVersion
        fields = [*VERSION_FIELDS, "approved_at", "superseded_at"]
        read_only_fields = fields


class ResultNodeSerializer(serializers.ModelSerializer):
    owner = OrganisationRefSerializer(read_only=True, allow_null=True)
    parent = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="The parent node's id.")

    class Meta:
        model = ResultNode
        fields = ["id", "key", "level", "parent", "title", "description", "owner", "position"]
        read_only_fields = fields


class MilestoneSerializer(serializers.ModelSerializer):
    owner = OrganisationRefSerializer(read_only=True, allow_null=True)
    node = serializers.PrimaryKeyRelatedField(read_only=True, allow_null=True, help_text="The result node's id.")

    class Meta:
        model = Milestone
        fields = ["id", "key", "title", "due_on", "owner", "node", "status", "done_on"]
        read_only_fields = fields


class RoadmapVersionDetailSerializer(RoadmapVersionSerializer):
    goals = serializers.SerializerMethodField()
    nodes = ResultNodeSerializer(many=True, read_only=True)
    milestones = MilestoneSerializer(many=True, read_only=True)

    class Meta(RoadmapVersionSerializer.Meta):
        fields = [*RoadmapVersionSerializer.Meta.fields, "problem_statement", "vision", "goals", "nodes", "milestones"]
        read_only_fields = fields

    def get_goals(self, version) -> list[str]:
        return [goal.text for goal in version.goals.all()]


class MouVersionSerializer(serializers.ModelSerializer):
    is_agreed = serializers.BooleanField(read_only=True)
    clause_count = serializers.IntegerField(read_only=True)
    signature_count = serializers.IntegerField(read_only=True)
    signing_party_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = MouVersion
        fields = [
            *VERSION_FIELDS,
            "title",
            "for_signature_at",
            "in_force_at",
            "ended_at",
            "termination_reason",
            "fingerprint",
            "clause_count",
            "signing_party_count",
            "signature_count",
        ]
        read_only_fields = fields


class ClauseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Clause
        fields = ["id", "key", "position", "type", "title", "text"]
        read_only_fields = fields


class PartySerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = MouParty
        fields = ["organisation", "purpose", "added_at"]
        read_only_fields = fields


class SignatureSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(read_only=True)

    class Meta:
        model = MouSignature
        fields = ["organisation", "signer_name", "signer_position", "signed_at", "method"]
        read_only_fields = fields


class MouVersionDetailSerializer(MouVersionSerializer):
    clauses = ClauseSerializer(many=True, read_only=True)
    parties = PartySerializer(many=True, read_only=True)
    signatures = SignatureSerializer(many=True, read_only=True)

    class Meta(MouVersionSerializer.Meta):
        fields = [*MouVersionSerializer.Meta.fields, "clauses", "parties", "signatures"]
        read_only_fields = fields
