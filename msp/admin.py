from auditlog.admin import LogEntryAdmin
from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

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


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "phase", "currency", "created_at"]
    list_filter = ["phase", "countries"]
    search_fields = ["name", "problem_statement"]
    filter_horizontal = ["countries", "sdg_goals", "sdg_targets"]
    # The phase moves only through the phase service (history, gate, notifications).
    readonly_fields = ["phase", "phase_since", "revision", "created_at", "updated_at", "created_by"]
    inlines = [PartnershipRoleInline]


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
