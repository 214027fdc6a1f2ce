"""Admin for the roadmap and the MoU. Versions that were sent are read-only here too (the freeze holds on every
path); approvals and signatures are records of what someone did and are never edited."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import (
    Body,
    Clause,
    Milestone,
    MouApproval,
    MouComment,
    MouSignature,
    MouVersion,
    ResultNode,
    RoadmapApproval,
    RoadmapComment,
    RoadmapGoal,
    RoadmapVersion,
    Seat,
    SecretariatStaff,
)


def _frozen(obj):
    return obj is not None and not obj.is_draft


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PartInline(admin.TabularInline):
    """Parts of a version: editable only while the version is a draft."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_delete_permission(request, obj)


class GoalInline(PartInline):
    model = RoadmapGoal
    fields = ["position", "text"]


class NodeInline(PartInline):
    model = ResultNode
    fields = ["level", "parent", "title", "owner", "position"]
    raw_id_fields = ["parent", "owner"]


class MilestoneInline(PartInline):
    model = Milestone
    fields = ["title", "due_on", "owner", "node", "status", "done_on"]
    raw_id_fields = ["owner", "node"]


class ClauseInline(PartInline):
    model = Clause
    fields = ["position", "type", "title", "text"]


class VersionAdmin(admin.ModelAdmin):
    list_select_related = ["partnership"]
    search_fields = ["partnership__name"]
    list_filter = ["status"]
    raw_id_fields = ["partnership", "created_by"]

    def has_add_permission(self, request):
        return False  # versions are started from the partnership's pages (numbering, copying the last one)

    def has_change_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not _frozen(obj) and super().has_delete_permission(request, obj)


@admin.register(RoadmapVersion)
class RoadmapVersionAdmin(VersionAdmin):
    list_display = ["partnership", "number", "status", "created_at", "approved_at"]
    fields = ["partnership", "number", "status", "problem_statement", "vision", "change_note", "created_by"]
    readonly_fields = ["partnership", "number", "status", "created_by"]
    inlines = [GoalInline, NodeInline, MilestoneInline]


@admin.register(MouVersion)
class MouVersionAdmin(VersionAdmin):
    list_display = ["partnership", "number", "title", "status", "created_at", "in_force_at"]
    fields = ["partnership", "number", "status", "title", "change_note", "fingerprint", "scan", "created_by"]
    readonly_fields = ["partnership", "number", "status", "fingerprint", "scan", "created_by"]
    inlines = [ClauseInline]

    @admin.display(description=_("signed copy"))
    def scan(self, obj):
        # The file has no media URL (private storage): link to the view that checks access.
        if not obj.signed_scan:
            return "–"
        url = reverse("governance:mou_scan", kwargs={"partnership_pk": obj.partnership_id, "number": obj.number})
        return format_html('<a href="{}">{}</a>', url, _("Open the signed copy"))


class PartAdmin(ReadOnlyAdmin):
    """A part of a version, listed on its own to be found and looked at. It is changed only together with its
    version (the inlines above), and only while that version is a draft."""


@admin.register(RoadmapGoal)
class RoadmapGoalAdmin(PartAdmin):
    list_display = ["text", "version"]
    list_select_related = ["version__partnership"]
    readonly_fields = ["version"]


@admin.register(ResultNode)
class ResultNodeAdmin(PartAdmin):
    list_display = ["title", "level", "owner", "version"]
    list_filter = ["level"]
    list_select_related = ["owner", "version__partnership"]
    search_fields = ["title"]
    readonly_fields = ["version", "key"]
    raw_id_fields = ["parent", "owner"]


@admin.register(Milestone)
class MilestoneAdmin(PartAdmin):
    list_display = ["title", "due_on", "status", "owner", "version"]
    list_filter = ["status"]
    list_select_related = ["owner", "version__partnership"]
    readonly_fields = ["version", "key"]
    raw_id_fields = ["owner", "node"]


@admin.register(Clause)
class ClauseAdmin(PartAdmin):
    list_display = ["title", "type", "version"]
    list_filter = ["type"]
    list_select_related = ["version__partnership"]
    search_fields = ["title", "text"]
    readonly_fields = ["version", "key"]


class CommentAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "author", "organisation", "body", "resolved_at"]
    list_select_related = ["author", "organisation"]
    search_fields = ["body"]

    def has_delete_permission(self, request, obj=None):
        return True  # moderation: an administrator may remove an abusive comment (the audit trail keeps it)


@admin.register(RoadmapComment)
class RoadmapCommentAdmin(CommentAdmin):
    pass


@admin.register(MouComment)
class MouCommentAdmin(CommentAdmin):
    pass


class OfflineRecordAdmin(ReadOnlyAdmin):
    """Approvals and signatures: the evidence of one given outside the app is linked through the access-checked
    view (private files have no URL)."""

    evidence_kind = ""

    def get_fields(self, request, obj=None):
        return [f.name for f in self.model._meta.fields if f.name not in ("id", "evidence")] + ["evidence_link"]

    @admin.display(description=_("evidence"))
    def evidence_link(self, obj):
        if not obj.evidence:
            return "–"
        url = reverse(
            "governance:evidence",
            kwargs={"partnership_pk": obj.version.partnership_id, "kind": self.evidence_kind, "pk": obj.pk},
        )
        return format_html('<a href="{}">{}</a>', url, _("Open the evidence"))

    def get_readonly_fields(self, request, obj=None):
        return self.get_fields(request, obj)


@admin.register(RoadmapApproval)
class RoadmapApprovalAdmin(OfflineRecordAdmin):
    evidence_kind = "roadmap-approval"
    list_display = ["version", "organisation", "by", "approver_name", "method", "at"]
    list_select_related = ["version__partnership", "organisation", "by"]


@admin.register(MouApproval)
class MouApprovalAdmin(OfflineRecordAdmin):
    evidence_kind = "mou-approval"
    list_display = ["version", "organisation", "by", "approver_name", "method", "at"]
    list_select_related = ["version__partnership", "organisation", "by"]


@admin.register(MouSignature)
class MouSignatureAdmin(OfflineRecordAdmin):
    evidence_kind = "signature"
    list_display = ["version", "organisation", "signer_name", "signer_position", "method", "signed_at", "fingerprint"]
    list_select_related = ["version__partnership", "organisation"]


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class SeatInline(_ReadOnlyInline):
    model = Seat
    fields = ["organisation", "is_voting", "is_chair"]


class StaffInline(_ReadOnlyInline):
    model = SecretariatStaff
    fields = ["contact", "role", "time_share", "starts_on", "ends_on"]


@admin.register(Body)
class BodyAdmin(ReadOnlyAdmin):
    """Bodies are kept by the secretariat on the partnership's pages, where the services check the rules (members
    only, one chair, the host's people); here they are shown, for operators."""

    list_display = ["name", "type", "partnership", "is_primary"]
    list_filter = ["type"]
    search_fields = ["name", "partnership__name"]
    inlines = [SeatInline, StaffInline]
