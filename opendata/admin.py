"""IATI publications in the admin, read-only: the secretariat publishes and withdraws on the partnership's "Open
data (IATI)" page, and an identifier never changes."""

from django.contrib import admin

from .models import Publication


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["identifier", "partnership", "is_published", "published_at", "withdrawn_at"]
    list_select_related = ["partnership"]
    list_filter = ["is_published"]
    search_fields = ["identifier", "partnership__name"]
    fields = ["partnership", "identifier", "is_published", "first_published_at", "published_at", "published_by"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
