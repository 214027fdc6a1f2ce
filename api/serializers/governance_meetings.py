"""Meetings (the members'): the list, and a meeting with its agenda, attendees, the decisions taken at it and the
metadata of the papers you may see (the file itself: `download_url`, the page's download, signed in)."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from governance.models import Meeting, MeetingPaper

from .governance import RefSerializer
from .stakeholders import OrganisationRefSerializer


class MeetingSerializer(serializers.ModelSerializer):
    body = RefSerializer(read_only=True, allow_null=True)
    organisation_count = serializers.IntegerField(read_only=True)
    paper_count = serializers.IntegerField(read_only=True, help_text="The papers you may see.")
    minutes_status = serializers.CharField(read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "body",
            "is_formal",
            "start",
            "end",
            "place",
            "online_link",
            "status",
            "organisation_count",
            "paper_count",
            "minutes_status",
        ]
        read_only_fields = fields


class PersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.SerializerMethodField()

    def get_name(self, user) -> str:
        return user.get_full_name() or user.get_username()


class PaperSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()
    is_shared = serializers.BooleanField(read_only=True)

    class Meta:
        model = MeetingPaper
        fields = ["id", "title", "original_filename", "size", "uploaded_at", "is_shared", "shared_at", "download_url"]
        read_only_fields = fields

    def get_download_url(self, paper) -> str:
        url = reverse("governance:paper_download", args=[self.context["partnership"].pk, paper.meeting_id, paper.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class DecisionRefSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    outcome = serializers.CharField(read_only=True)


class MeetingDetailSerializer(MeetingSerializer):
    organisations = OrganisationRefSerializer(many=True, read_only=True)
    attendees = PersonSerializer(many=True, read_only=True)
    papers = serializers.SerializerMethodField()
    decisions = DecisionRefSerializer(many=True, read_only=True)

    class Meta(MeetingSerializer.Meta):
        fields = [*MeetingSerializer.Meta.fields, "agenda", "organisations", "attendees", "papers", "decisions"]
        read_only_fields = fields

    @extend_schema_field(PaperSerializer(many=True))
    def get_papers(self, meeting):
        return PaperSerializer(meeting.visible_papers, many=True, context=self.context).data


class MeetingInput(serializers.Serializer):
    """A meeting, as on the page's form (times in ISO 8601; `body`: a body's id, none for an informal meeting)."""

    body = serializers.IntegerField(required=False, allow_null=True)
    title = serializers.CharField()
    is_formal = serializers.BooleanField(required=False)
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    place = serializers.CharField(required=False, allow_blank=True)
    online_link = serializers.URLField(required=False, allow_blank=True)
    agenda = serializers.CharField(required=False, allow_blank=True)
