"""The phase history (transitions) and the checklist runs, as the members' pages show them."""

from rest_framework import serializers

from phases.catalogue import CATALOGUE
from phases.models import ChecklistRun, PhaseTransition, RunItem

PHASE_HELP = "The phase: 1 initiation, 2 design, 3 implementation, 4 further development."


class PhaseTransitionSerializer(serializers.ModelSerializer):
    # Numbers, not a second enum of the phases (the partnership's `phase` names them).
    from_phase = serializers.IntegerField(help_text=PHASE_HELP)
    to_phase = serializers.IntegerField(help_text=PHASE_HELP)
    by = serializers.SerializerMethodField(help_text="Who moved the phase (null: the system).")

    class Meta:
        model = PhaseTransition
        fields = ["id", "from_phase", "to_phase", "created_at", "by", "reason", "note", "override_justification"]
        read_only_fields = fields

    def get_by(self, transition) -> str | None:
        person = transition.by
        return (person.get_full_name() or person.get_username()) if person is not None else None


class RunCountsSerializer(serializers.Serializer):
    passed = serializers.IntegerField(source="n_pass")
    warnings = serializers.IntegerField(source="n_warn")
    failed = serializers.IntegerField(source="n_fail")
    to_confirm = serializers.IntegerField(source="n_confirm")
    not_applicable = serializers.IntegerField(source="n_na")


class ChecklistRunSerializer(serializers.ModelSerializer):
    """One evaluation against the catalogue: its phase, health per area and overall (0 to 1, null where no item
    counts), and how many items had each result."""

    phase = serializers.IntegerField(help_text=PHASE_HELP)
    trigger = serializers.CharField(help_text="What started the evaluation: manual, event, nightly or gate.")
    counts = RunCountsSerializer(source="*")

    class Meta:
        model = ChecklistRun
        fields = ["id", "created_at", "phase", "trigger", "health", "overall", "counts"]
        read_only_fields = fields


class RunItemSerializer(serializers.ModelSerializer):
    item = serializers.CharField(source="item_id")
    title = serializers.SerializerMethodField()
    area = serializers.SerializerMethodField()

    class Meta:
        model = RunItem
        fields = ["item", "title", "area", "result", "evidence", "stale"]
        read_only_fields = fields

    def get_title(self, row) -> str:
        item = CATALOGUE.get(row.item_id)
        return str(item.title) if item is not None else row.item_id

    def get_area(self, row) -> str:
        item = CATALOGUE.get(row.item_id)
        return item.area if item is not None else ""


class ChecklistRunDetailSerializer(ChecklistRunSerializer):
    items = RunItemSerializer(many=True, source="items.all")

    class Meta(ChecklistRunSerializer.Meta):
        fields = [*ChecklistRunSerializer.Meta.fields, "items"]
        read_only_fields = fields
