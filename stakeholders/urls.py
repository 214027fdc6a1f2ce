"""A partnership's stakeholder pages, under /partnerships/<partnership_pk>/stakeholders/."""

from django.urls import path

from .views import invitations, members, stakeholder_map, transfer

app_name = "stakeholders"

urlpatterns = [
    path("", members.MemberListView.as_view(), name="members"),
    path("members/add/", members.MemberAddView.as_view(), name="member_add"),
    path("members/<int:pk>/edit/", members.MemberEditView.as_view(), name="member_edit"),
    path("members/export/", transfer.export, {"what": "members"}, name="members_export"),
    path("contacts/", members.ContactListView.as_view(), name="contacts"),
    path("contacts/export/", transfer.export, {"what": "contacts"}, name="contacts_export"),
    path("map/", stakeholder_map.MapView.as_view(), name="map"),
    path("map/chart.svg", stakeholder_map.chart_svg, name="map_chart"),
    path("map/add/", stakeholder_map.MapEntryAddView.as_view(), name="map_add"),
    path("map/<int:pk>/edit/", stakeholder_map.MapEntryEditView.as_view(), name="map_edit"),
    path("map/<int:pk>/remove/", stakeholder_map.map_entry_remove, name="map_remove"),
    path("map/export/", transfer.export, {"what": "map"}, name="map_export"),
    path("invitations/", invitations.InvitationsView.as_view(), name="invitations"),
    path("invitations/<int:pk>/resend/", invitations.invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", invitations.invitation_revoke, name="invitation_revoke"),
    path("import/", transfer.ImportView.as_view(), name="import"),
    path("import/confirm/", transfer.import_confirm, name="import_confirm"),
]
