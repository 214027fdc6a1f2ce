"""The phase history (transitions) and the checklist runs, as the members' pages show them."""

from rest_framework import serializers

from phases.catalogue import CATALOGUE
from phases.models import ChecklistRun, HealthCheck, PhaseTransition, RunItem

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


class HealthCheckSerializer(serializers.ModelSerializer):
    """A partnering health-check round: the items it asks about, when it is open, how many organisations scored."""

    items = serializers.ListField(child=serializers.CharField(), source="item_ids")
    is_open = serializers.SerializerMethodField()
    scored = serializers.IntegerField(help_text="How many organisations have scored.")

    class Meta:
        model = HealthCheck
        fields = ["id", "title", "opens_on", "closes_on", "items", "anonymous", "closed_at", "is_open", "scored"]
        read_only_fields = fields

    def get_is_open(self, health_check) -> bool:
        return health_check.is_open()


class HealthCheckItemSerializer(serializers.Serializer):
    """The scores given to one item, without who gave them (the page names them only when the round allows)."""

    item = serializers.CharField(source="item.id")
    title = serializers.SerializerMethodField()
    count = serializers.IntegerField()
    mean = serializers.FloatField(allow_null=True)
    lowest = serializers.IntegerField(allow_null=True)
    highest = serializers.IntegerField(allow_null=True)
    result = serializers.CharField(allow_null=True, help_text="The checklist result the mean gives (null: no score).")
    counts = serializers.SerializerMethodField(help_text="How many gave each score, from 1 to 5.")

    def get_title(self, entry) -> str:
        return str(entry.item.title)

    def get_counts(self, entry) -> list[int]:
        return [n for _score, n in entry.counts]


class HealthCheckDetailSerializer(HealthCheckSerializer):
    results = HealthCheckItemSerializer(many=True, source="item_scores")

    class Meta(HealthCheckSerializer.Meta):
        fields = [*HealthCheckSerializer.Meta.fields, "results"]
        read_only_fields = fields
