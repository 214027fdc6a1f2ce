from auditlog.admin import LogEntryAdmin
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from . import services
from .models import (
    ActivityEntry,
    Country,
    Currency,
    Notification,
    NotificationAttachment,
    Partnership,
    PartnershipRole,
    SdgGoal,
    SdgTarget,
)


class ReferenceAdmin(admin.ModelAdmin):
    """Codelists come from IATI in a migration; they are looked at here, not edited."""

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Country)
class CountryAdmin(ReferenceAdmin):
    list_display = ["code", "name", "withdrawn"]
    search_fields = ["code", "name"]
    list_filter = ["withdrawn"]


@admin.register(Currency)
class CurrencyAdmin(ReferenceAdmin):
    list_display = ["code", "name", "withdrawn"]
    search_fields = ["code", "name"]
    list_filter = ["withdrawn"]


@admin.register(SdgGoal)
class SdgGoalAdmin(ReferenceAdmin):
    list_display = ["number", "name"]


@admin.register(SdgTarget)
class SdgTargetAdmin(ReferenceAdmin):
    list_display = ["code", "goal", "description"]
    list_filter = ["goal"]
    search_fields = ["code", "description"]


class PartnershipRoleInline(admin.TabularInline):
    model = PartnershipRole
    extra = 0
    autocomplete_fields = ["user"]
    fk_name = "partnership"
    exclude = ["granted_by"]


class ArchivedFilter(admin.SimpleListFilter):
    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("no", pgettext_lazy("partnerships", "Active")), ("yes", _("Archived"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(archived_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(archived_at__isnull=False)
        return queryset


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    """A partnership is archived and restored here, never deleted: its history (phase moves, approvals,
    signatures, the activity feed) must survive it."""

    list_display = ["name", "phase", "currency", "language", "created_at", "archived_at"]
    list_filter = [ArchivedFilter, "phase", "countries"]
    search_fields = ["name", "problem_statement"]
    filter_horizontal = ["countries", "sdg_goals", "sdg_targets"]
    # The phase moves only through the phase service (history, gate, notifications).
    readonly_fields = [
        "phase",
        "phase_since",
        "revision",
        "created_at",
        "updated_at",
        "created_by",
        "archived_at",
        "archived_by",
    ]
    inlines = [PartnershipRoleInline]
    actions = ["archive", "restore"]

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # Archived: read-only here as everywhere (restore it from the list first).
        return (obj is None or not obj.is_archived) and super().has_change_permission(request, obj)

    def _each(self, request, queryset, service, done):
        count = 0
        for partnership in queryset:
            try:
                service(partnership=partnership, by=request.user)
            except PermissionDenied as exc:
                self.message_user(request, f"{partnership}: {exc}", messages.ERROR)
            else:
                count += 1
        if count:
            self.message_user(request, done % {"n": count}, messages.SUCCESS)

    @admin.action(description=_("Archive the selected partnerships"), permissions=["view"])
    def archive(self, request, queryset):
        self._each(request, queryset, services.partnership_archive, _("%(n)d partnership(s) archived."))

    @admin.action(description=_("Restore the selected partnerships"), permissions=["view"])
    def restore(self, request, queryset):
        self._each(request, queryset, services.partnership_restore, _("%(n)d partnership(s) restored."))


@admin.register(PartnershipRole)
class PartnershipRoleAdmin(admin.ModelAdmin):
    list_display = ["partnership", "user", "role", "granted_at"]
    list_filter = ["role"]
    search_fields = ["partnership__name", "user__username", "user__email"]
    autocomplete_fields = ["user", "partnership"]
    readonly_fields = ["granted_by"]


# auditlog registers its own read-only admin for the swapped model; ours adds the partnership it belongs to.
admin.site.unregister(ActivityEntry)


@admin.register(ActivityEntry)
class ActivityEntryAdmin(LogEntryAdmin):
    list_display = ["created", "partnership", "resource_url", "action", "msg_short", "user_url"]
    list_select_related = ["content_type", "actor", "partnership"]


class AttachmentInline(admin.TabularInline):
    model = NotificationAttachment
    fields = ["filename", "mimetype"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    """The outbox, read-only: what went out, what is waiting, what failed and why. Failed rows can be retried."""

    list_display = ["created_at", "email", "subject", "kind", "status", "attempts", "short_error", "sent_at"]
    list_filter = ["status", "kind", "delivery"]
    search_fields = ["subject", "email"]
    date_hierarchy = "created_at"
    actions = ["retry"]
    inlines = [AttachmentInline]
    readonly_fields = [f.name for f in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description=_("last error"))
    def short_error(self, obj):
        return Truncator(obj.last_error).chars(80)

    def has_retry_permission(self, request):
        # The rows stay read-only; sending again is an operator's act (superusers, or the change permission).
        return request.user.has_perm("msp.change_notification")

    @admin.action(description=_("Send the selected failed e-mails again"), permissions=["retry"])
    def retry(self, request, queryset):
        retried = services.notifications_retry(ids=list(queryset.values_list("pk", flat=True)))
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", len(retried))
            % {"count": len(retried)},
        )
