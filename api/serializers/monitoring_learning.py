"""The Learning tab's records (lessons, capacity gaps, related initiatives, risks) and report versions, with the
flags their pages show."""

from django.urls import reverse
from rest_framework import serializers

from monitoring.models import CapacityGap, Lesson, RelatedInitiative, Report, Risk

from .stakeholders import OrganisationRefSerializer


class LessonSerializer(serializers.ModelSerializer):
    owner = OrganisationRefSerializer(allow_null=True)
    indicator = serializers.PrimaryKeyRelatedField(read_only=True)
    decision = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = Lesson
        fields = ["id", "title", "what_happened", "source", "action", "owner", "learned_on", "indicator", "decision"]
        read_only_fields = fields


class CapacityGapSerializer(serializers.ModelSerializer):
    organisation = OrganisationRefSerializer(allow_null=True)
    decision = serializers.PrimaryKeyRelatedField(read_only=True)
    unaddressed = serializers.BooleanField(help_text="Open, with neither a measure nor a decision.")
    review_due = serializers.BooleanField(help_text="Open, and not reviewed recently.")

    class Meta:
        model = CapacityGap
        fields = [
            "id", "level", "organisation", "description", "measure", "decision", "status", "last_reviewed_on",
            "unaddressed", "review_due",
        ]  # fmt: skip
        read_only_fields = fields


class RelatedInitiativeSerializer(serializers.ModelSerializer):
    needs_alignment = serializers.BooleanField(help_text="Overlapping or competing, without an alignment action.")
    exchange_due = serializers.BooleanField(help_text="A meta-platform without an exchange in the last 12 months.")

    class Meta:
        model = RelatedInitiative
        fields = [
            "id", "name", "kind", "description", "alignment_action", "last_exchange_on", "needs_alignment",
            "exchange_due",
        ]  # fmt: skip
        read_only_fields = fields


class RiskSerializer(serializers.ModelSerializer):
    owner = OrganisationRefSerializer(allow_null=True)
    score = serializers.IntegerField(source="rank", help_text="Likelihood × impact.")

    class Meta:
        model = Risk
        fields = [
            "id", "title", "description", "likelihood", "impact", "score", "owner", "mitigation", "status",
            "materialised_on",
        ]  # fmt: skip
        read_only_fields = fields


class ReportSerializer(serializers.ModelSerializer):
    """A report version: what its page shows, and the addresses of its page and its PDF (sign-in pages)."""

    version = serializers.IntegerField(source="number")
    page_url = serializers.SerializerMethodField()
    download_url = serializers.SerializerMethodField(help_text="The PDF, once made; null before.")

    class Meta:
        model = Report
        fields = [
            "id", "kind", "version", "period_start", "period_end", "language", "trigger", "status", "requested_at",
            "finished_at", "released_at", "published_at", "sha256", "summary", "page_url", "download_url",
        ]  # fmt: skip
        read_only_fields = fields

    def _url(self, name, report):
        url = reverse(name, args=[report.partnership_id, report.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request is not None else url

    def get_page_url(self, report) -> str:
        return self._url("monitoring:report", report)

    def get_download_url(self, report) -> str | None:
        return self._url("monitoring:report_download", report) if report.document_id else None
