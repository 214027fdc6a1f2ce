from django.contrib import admin

from .models import HealthCheck, HealthCheckScore, PhaseTransition


@admin.register(PhaseTransition)
class PhaseTransitionAdmin(admin.ModelAdmin):
    """Read-only: transitions are written by the phase service and never changed."""

    list_display = ["created_at", "partnership", "from_phase", "to_phase", "by", "reason"]
    list_filter = ["to_phase", "reason"]
    search_fields = ["partnership__name", "note"]
    list_select_related = ["partnership", "by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Health-check rounds and scores are written through their pages (opening, scoring, closing lock the round and
    write checklist judgements), so the admin only shows them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(HealthCheck)
class HealthCheckAdmin(ReadOnlyAdmin):
    list_display = ["title", "partnership", "opens_on", "closes_on", "anonymous", "closed_at"]
    list_filter = ["anonymous"]
    search_fields = ["title", "partnership__name"]
    list_select_related = ["partnership"]


@admin.register(HealthCheckScore)
class HealthCheckScoreAdmin(ReadOnlyAdmin):
    list_display = ["health_check", "item_id", "organisation_name", "score", "on_behalf", "updated_at"]
    list_filter = ["on_behalf", "score"]
    search_fields = ["organisation_name", "health_check__title", "comment"]
    list_select_related = ["health_check"]
