"""A person's own pages, across all their partnerships (namespace "inbox", included at the root)."""

from django.urls import path

from .views import activity, my_work, notices

app_name = "inbox"

urlpatterns = [
    path("", my_work.MyWorkView.as_view(), name="my_work"),
    path("my-work/<slug:kind>/", my_work.MyWorkKindView.as_view(), name="my_work_kind"),
    path("notifications/", notices.NoticeListView.as_view(), name="notices"),
    path("notifications/count/", notices.notice_count, name="notice_count"),
    path("notifications/<int:pk>/open/", notices.notice_open, name="notice_open"),
    path("notifications/read-all/", notices.notices_read_all, name="notices_read_all"),
    path("partnerships/<int:partnership_pk>/activity/export/", activity.activity_export, name="activity_export"),
    path("notifications/settings/", notices.NoticeSettingsView.as_view(), name="notice_settings"),
]
