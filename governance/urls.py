from django.urls import path, re_path

from . import party_views, views

app_name = "governance"

urlpatterns = [
    # Roadmap
    path("roadmap/", views.roadmap, name="roadmap"),
    path("roadmap/new/", views.roadmap_create, name="roadmap_create"),
    path("roadmap/v<int:number>/", views.roadmap_version, name="roadmap_version"),
    path("roadmap/v<int:number>/edit/", views.roadmap_edit, name="roadmap_edit"),
    path("roadmap/v<int:number>/discard/", views.roadmap_discard, name="roadmap_discard"),
    path("roadmap/v<int:number>/send/", views.roadmap_send, name="roadmap_send"),
    path("roadmap/v<int:number>/approve/", views.roadmap_approve, name="roadmap_approve"),
    path("roadmap/v<int:number>/comment/", views.roadmap_comment, name="roadmap_comment"),
    path(
        "roadmap/v<int:number>/comments/<int:pk>/resolve/",
        views.roadmap_comment_resolve,
        name="roadmap_comment_resolve",
    ),
    path("roadmap/v<int:number>/nodes/add/", views.roadmap_node_add, name="roadmap_node_add"),
    path("roadmap/v<int:number>/nodes/<int:pk>/edit/", views.roadmap_node_edit, name="roadmap_node_edit"),
    path("roadmap/v<int:number>/nodes/<int:pk>/delete/", views.roadmap_node_delete, name="roadmap_node_delete"),
    path("roadmap/v<int:number>/milestones/add/", views.roadmap_milestone_add, name="roadmap_milestone_add"),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/edit/", views.roadmap_milestone_edit, name="roadmap_milestone_edit"
    ),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/delete/",
        views.roadmap_milestone_delete,
        name="roadmap_milestone_delete",
    ),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/progress/",
        views.roadmap_milestone_progress,
        name="roadmap_milestone_progress",
    ),
    # Memorandum of understanding
    path("mou/", views.mou_list, name="mou_list"),
    path("mou/new/", views.mou_create, name="mou_create"),
    path("mou/compare/", views.mou_compare, name="mou_compare"),
    path("mou/v<int:number>/", views.mou_version, name="mou_version"),
    path("mou/v<int:number>/edit/", views.mou_edit, name="mou_edit"),
    path("mou/v<int:number>/discard/", views.mou_discard, name="mou_discard"),
    path("mou/v<int:number>/clauses/add/", views.mou_clause_add, name="mou_clause_add"),
    path("mou/v<int:number>/clauses/<int:pk>/edit/", views.mou_clause_edit, name="mou_clause_edit"),
    path("mou/v<int:number>/clauses/<int:pk>/delete/", views.mou_clause_delete, name="mou_clause_delete"),
    path("mou/v<int:number>/clauses/<int:pk>/move/", views.mou_clause_move, name="mou_clause_move"),
    path("mou/v<int:number>/send-for-review/", views.mou_send_review, name="mou_send_review"),
    path("mou/v<int:number>/send-for-signature/", views.mou_send_signature, name="mou_send_signature"),
    path("mou/v<int:number>/terminate/", views.mou_terminate, name="mou_terminate"),
    path("mou/v<int:number>/approve/", views.mou_approve, name="mou_approve"),
    path("mou/v<int:number>/sign/", views.mou_sign, name="mou_sign"),
    path("mou/v<int:number>/comment/", views.mou_comment, name="mou_comment"),
    path("mou/v<int:number>/comments/<int:pk>/resolve/", views.mou_comment_resolve, name="mou_comment_resolve"),
    path("mou/v<int:number>/signed-copy/", views.mou_scan, name="mou_scan"),
    path("mou/v<int:number>/signed-copy/upload/", views.mou_scan_upload, name="mou_scan_upload"),
    path("mou/v<int:number>/pdf/", views.mou_pdf_download, name="mou_pdf"),
    # Parties, and approvals and signatures given outside the app (the secretariat records them)
    path("mou/v<int:number>/sign-on-paper/", party_views.mou_sign_paper, name="mou_sign_paper"),
    re_path(
        r"^(?P<kind>roadmap|mou)/v(?P<number>[0-9]+)/approve-on-record/$",
        party_views.approve_on_record,
        name="approve_on_record",
    ),
    re_path(
        r"^(?P<kind>roadmap|mou)/v(?P<number>[0-9]+)/parties/(?P<action>add|remove)/$",
        party_views.party_change,
        name="party_change",
    ),
    re_path(
        r"^evidence/(?P<kind>signature|mou-approval|roadmap-approval)/(?P<pk>[0-9]+)/$",
        party_views.evidence,
        name="evidence",
    ),
]
