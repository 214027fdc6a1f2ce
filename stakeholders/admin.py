from django.contrib import admin

from .models import ContactPerson, Membership, Organisation, OrganisationType


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
