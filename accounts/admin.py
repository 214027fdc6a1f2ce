"""Second factors in the admin: an administrator can see who has one and remove a lost one (the person then signs
in with their password alone, or is sent to set up a new one when their role requires it). django-otp's own admin
pages are replaced: they show each device's secret (its QR code), which nobody but its owner should see."""

from django.contrib import admin
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import UserSession

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class DeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


admin.site.register(TOTPDevice, DeviceAdmin)
admin.site.register(StaticDevice, DeviceAdmin)


@admin.register(UserSession)
class UserSessionAdmin(admin.ModelAdmin):
    list_display = ["user", "signed_in_at", "last_seen", "ip"]
    list_select_related = ["user"]
    search_fields = ["user__username"]
    fields = ["user", "signed_in_at", "last_seen", "ip", "user_agent"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False  # ending a session is its owner's (Your sessions), which also clears the session store
