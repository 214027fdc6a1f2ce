from auditlog.admin import LogEntryAdmin
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from . import services
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


class ArchivedFilter(admin.SimpleListFilter):
    title = _("archived")
    parameter_name = "archived"

    def lookups(self, request, model_admin):
        return [("no", _("Active")), ("yes", _("Archived"))]

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

    list_display = ["name", "phase", "currency", "created_at", "archived_at"]
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


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "subject", "sent_at", "attempts"]
    list_filter = ["sent_at"]
    search_fields = ["subject", "recipient__email"]
    readonly_fields = ["created_at", "claimed_at", "sent_at", "attempts", "last_error"]
