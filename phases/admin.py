from django.contrib import admin

from .models import PhaseTransition


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
