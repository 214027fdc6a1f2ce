from django.contrib import admin
from django.db import models

from .models import ContactPerson, Invitation, Membership, Organisation, OrganisationType, StakeholderMapEntry


@admin.register(OrganisationType)
class OrganisationTypeAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ContactInline(admin.TabularInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "job_title", "seniority", "email", "phone", "is_active", "may_sign", "user"]
    raw_id_fields = ["user"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "sector", "iati_type", "country"]
    list_filter = ["sector", "iati_type"]
    search_fields = ["name", "short_name", "iati_identifier"]
    inlines = [ContactInline]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "job_title", "seniority", "email", "may_sign", "is_active", "user"]
    list_filter = ["seniority", "may_sign", "is_active"]
    search_fields = ["name", "email", "organisation__name"]
    list_select_related = ["organisation", "user"]
    raw_id_fields = ["user", "organisation"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partnership", "role", "iati_role", "is_core_group", "joined_on", "left_on"]
    list_filter = ["role", "is_core_group"]
    search_fields = ["organisation__name", "partnership__name"]
    list_select_related = ["organisation", "partnership"]
    raw_id_fields = ["organisation", "partnership"]


@admin.register(StakeholderMapEntry)
class StakeholderMapEntryAdmin(admin.ModelAdmin):
    list_display = ["organisation", "partnership", "power", "interest", "influence", "engagement", "is_key"]
    list_filter = ["engagement", "is_key", "is_target_group", "is_champion"]
    search_fields = ["organisation__name", "partnership__name"]
    list_select_related = ["organisation", "partnership"]
    raw_id_fields = ["organisation", "partnership"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read and revoke here; invitations are made on the partnership's Invitations page, which sends the link."""

    list_display = ["contact", "partnership", "role", "email", "created_at", "expires_at", "accepted_at", "revoked_at"]
    list_filter = ["role"]
    search_fields = ["contact__name", "email", "partnership__name"]
    list_select_related = ["contact__organisation", "partnership"]
    raw_id_fields = ["contact", "partnership", "created_by", "accepted_by", "revoked_by"]
    readonly_fields = ["sent_at", "send_count", "accepted_at", "accepted_by", "created_by"]

    def has_add_permission(self, request):
        return False
