from django.contrib import admin

from msp.notices import Notice, NoticePreference


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    list_display = ("subject", "recipient", "partnership", "kind", "day", "read_at")
    list_filter = ("kind", "day")
    search_fields = ("subject", "recipient__username", "key")
    raw_id_fields = ("recipient", "partnership")
    date_hierarchy = "created_at"


@admin.register(NoticePreference)
class NoticePreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "channel")
    list_filter = ("kind", "channel")
    raw_id_fields = ("user",)
