from auditlog.admin import LogEntryAdmin
from django.contrib import admin

from .models import (
    ActivityEntry,
    Country,
    Currency,
    Notification,
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


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "subject", "sent_at", "attempts"]
    list_filter = ["sent_at"]
    search_fields = ["subject", "recipient__email"]
    readonly_fields = ["created_at", "claimed_at", "sent_at", "attempts", "last_error"]
