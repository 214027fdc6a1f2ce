from django.urls import path, re_path

from .views import (
    bodies,
    commitments,
    decision_positions,
    decisions,
    meeting_papers,
    meetings,
    minutes,
    mou,
    mou_clauses,
    mou_signing,
    parties,
    roadmap,
    roadmap_parts,
    secretariat,
)

app_name = "governance"

urlpatterns = [
    # Roadmap
    path("roadmap/", roadmap.RoadmapView.as_view(), name="roadmap"),
    path("roadmap/new/", roadmap.roadmap_create, name="roadmap_create"),
    path("roadmap/v<int:number>/", roadmap.RoadmapVersionView.as_view(), name="roadmap_version"),
    path("roadmap/v<int:number>/edit/", roadmap.RoadmapEditView.as_view(), name="roadmap_edit"),
    path("roadmap/v<int:number>/discard/", roadmap.roadmap_discard, name="roadmap_discard"),
    path("roadmap/v<int:number>/send/", roadmap.roadmap_send, name="roadmap_send"),
    path("roadmap/v<int:number>/approve/", roadmap.roadmap_approve, name="roadmap_approve"),
    path("roadmap/v<int:number>/comment/", roadmap.roadmap_comment, name="roadmap_comment"),
    path(
        "roadmap/v<int:number>/comments/<int:pk>/resolve/",
        roadmap.roadmap_comment_resolve,
        name="roadmap_comment_resolve",
    ),
    path("roadmap/v<int:number>/nodes/add/", roadmap_parts.NodeAddView.as_view(), name="roadmap_node_add"),
    path("roadmap/v<int:number>/nodes/<int:pk>/edit/", roadmap_parts.NodeEditView.as_view(), name="roadmap_node_edit"),
    path("roadmap/v<int:number>/nodes/<int:pk>/delete/", roadmap_parts.roadmap_node_delete, name="roadmap_node_delete"),
    path(
        "roadmap/v<int:number>/milestones/add/", roadmap_parts.MilestoneAddView.as_view(), name="roadmap_milestone_add"
    ),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/edit/",
        roadmap_parts.MilestoneEditView.as_view(),
        name="roadmap_milestone_edit",
    ),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/delete/",
        roadmap_parts.roadmap_milestone_delete,
        name="roadmap_milestone_delete",
    ),
    path(
        "roadmap/v<int:number>/milestones/<int:pk>/progress/",
        roadmap_parts.roadmap_milestone_progress,
        name="roadmap_milestone_progress",
    ),
    # Memorandum of understanding
    path("mou/", mou.MouListView.as_view(), name="mou_list"),
    path("mou/new/", mou.mou_create, name="mou_create"),
    path("mou/compare/", mou.MouCompareView.as_view(), name="mou_compare"),
    path("mou/v<int:number>/", mou.MouVersionView.as_view(), name="mou_version"),
    path("mou/v<int:number>/edit/", mou.MouEditView.as_view(), name="mou_edit"),
    path("mou/v<int:number>/discard/", mou.mou_discard, name="mou_discard"),
    path("mou/v<int:number>/clauses/add/", mou_clauses.ClauseFormView.as_view(), name="mou_clause_add"),
    path("mou/v<int:number>/clauses/<int:pk>/edit/", mou_clauses.ClauseFormView.as_view(), name="mou_clause_edit"),
    path("mou/v<int:number>/clauses/<int:pk>/delete/", mou_clauses.mou_clause_delete, name="mou_clause_delete"),
    path("mou/v<int:number>/clauses/<int:pk>/move/", mou_clauses.mou_clause_move, name="mou_clause_move"),
    path("mou/v<int:number>/send-for-review/", mou.mou_send_review, name="mou_send_review"),
    path("mou/v<int:number>/send-for-signature/", mou.mou_send_signature, name="mou_send_signature"),
    path("mou/v<int:number>/terminate/", mou.mou_terminate, name="mou_terminate"),
    path("mou/v<int:number>/approve/", mou_signing.mou_approve, name="mou_approve"),
    path("mou/v<int:number>/sign/", mou_signing.mou_sign, name="mou_sign"),
    path("mou/v<int:number>/comment/", mou_clauses.mou_comment, name="mou_comment"),
    path("mou/v<int:number>/comments/<int:pk>/resolve/", mou_clauses.mou_comment_resolve, name="mou_comment_resolve"),
    path("mou/v<int:number>/signed-copy/", mou_signing.mou_scan, name="mou_scan"),
    path("mou/v<int:number>/signed-copy/upload/", mou_signing.mou_scan_upload, name="mou_scan_upload"),
    path("mou/v<int:number>/pdf/", mou_signing.mou_pdf_download, name="mou_pdf"),
    # Parties, and approvals and signatures given outside the app (the secretariat records them)
    path("mou/v<int:number>/sign-on-paper/", parties.mou_sign_paper, name="mou_sign_paper"),
    re_path(
        r"^(?P<kind>roadmap|mou)/v(?P<number>[0-9]+)/approve-on-record/$",
        parties.approve_on_record,
        name="approve_on_record",
    ),
    re_path(
        r"^(?P<kind>roadmap|mou)/v(?P<number>[0-9]+)/parties/(?P<action>add|remove)/$",
        parties.party_change,
        name="party_change",
    ),
    re_path(
        r"^evidence/(?P<kind>signature|mou-approval|roadmap-approval)/(?P<pk>[0-9]+)/$",
        parties.evidence,
        name="evidence",
    ),
    # Governance bodies, their seats, the secretariat and its staff
    path("governance/", bodies.BodyListView.as_view(), name="bodies"),
    path("governance/bodies/new/", bodies.BodyFormView.as_view(), name="body_add"),
    path("governance/bodies/<int:pk>/", bodies.BodyDetailView.as_view(), name="body"),
    path("governance/bodies/<int:pk>/edit/", bodies.BodyFormView.as_view(), name="body_edit"),
    path("governance/bodies/<int:pk>/delete/", bodies.body_delete, name="body_delete"),
    path("governance/bodies/<int:pk>/seats/add/", bodies.SeatFormView.as_view(), name="seat_add"),
    path("governance/bodies/<int:pk>/seats/<int:seat_pk>/edit/", bodies.SeatFormView.as_view(), name="seat_edit"),
    path("governance/bodies/<int:pk>/seats/<int:seat_pk>/remove/", bodies.seat_remove, name="seat_remove"),
    path("governance/secretariat/", secretariat.SecretariatView.as_view(), name="secretariat"),
    path("governance/secretariat/staff/add/", secretariat.StaffFormView.as_view(), name="staff_add"),
    path("governance/secretariat/staff/<int:pk>/edit/", secretariat.StaffFormView.as_view(), name="staff_edit"),
    path("governance/secretariat/staff/<int:pk>/remove/", secretariat.staff_remove, name="staff_remove"),
    # The decision log
    path("governance/decisions/", decisions.DecisionListView.as_view(), name="decisions"),
    path("governance/decisions/export/", decisions.decisions_export, name="decisions_export"),
    path("governance/decisions/new/", decisions.DecisionFormView.as_view(), name="decision_add"),
    path("governance/decisions/<int:pk>/", decisions.DecisionDetailView.as_view(), name="decision"),
    path("governance/decisions/<int:pk>/edit/", decisions.DecisionFormView.as_view(), name="decision_edit"),
    path("governance/decisions/<int:pk>/open/", decisions.decision_open, name="decision_open"),
    path("governance/decisions/<int:pk>/outcome/", decisions.decision_decide, name="decision_decide"),
    path("governance/decisions/<int:pk>/position/", decision_positions.PositionFormView.as_view(), name="position"),
    path(
        "governance/decisions/<int:pk>/position-on-behalf/",
        decision_positions.OnBehalfFormView.as_view(),
        name="position_on_behalf",
    ),
    path(
        "governance/decisions/<int:pk>/positions/<int:position_pk>/evidence/",
        decision_positions.position_evidence,
        name="position_evidence",
    ),
    # Resources: commitments
    path("resources/commitments/", commitments.CommitmentListView.as_view(), name="commitments"),
    path("resources/commitments/export/", commitments.commitments_export, name="commitments_export"),
    path("resources/commitments/new/", commitments.CommitmentFormView.as_view(), name="commitment_add"),
    path("resources/commitments/<int:pk>/edit/", commitments.CommitmentFormView.as_view(), name="commitment_edit"),
    # Meetings
    path("governance/meetings/", meetings.MeetingListView.as_view(), name="meetings"),
    path("governance/meetings/new/", meetings.MeetingFormView.as_view(), name="meeting_add"),
    path("governance/meetings/<int:pk>/", meetings.MeetingDetailView.as_view(), name="meeting"),
    path("governance/meetings/<int:pk>/edit/", meetings.MeetingFormView.as_view(), name="meeting_edit"),
    path("governance/meetings/<int:pk>/invite/", meetings.InviteView.as_view(), name="meeting_invite"),
    path("governance/meetings/<int:pk>/cancel/", meetings.meeting_cancel, name="meeting_cancel"),
    # Minutes of a meeting
    path("governance/meetings/<int:pk>/minutes/", minutes.MinutesFormView.as_view(), name="minutes_edit"),
    path("governance/meetings/<int:pk>/minutes/circulate/", minutes.minutes_circulate, name="minutes_circulate"),
    path("governance/meetings/<int:pk>/minutes/final/", minutes.minutes_finalise, name="minutes_finalise"),
    path("governance/meetings/<int:pk>/minutes/comment/", minutes.MinutesCommentView.as_view(), name="minutes_comment"),
    # Meeting papers
    path("governance/meetings/<int:pk>/papers/add/", meeting_papers.PaperUploadView.as_view(), name="paper_add"),
    path("governance/meetings/<int:pk>/papers/<int:paper_pk>/share/", meeting_papers.paper_share, name="paper_share"),
    path(
        "governance/meetings/<int:pk>/papers/<int:paper_pk>/remove/",
        meeting_papers.paper_remove,
        name="paper_remove",
    ),
    path(
        "governance/meetings/<int:pk>/papers/<int:paper_pk>/download/",
        meeting_papers.paper_download,
        name="paper_download",
    ),
]
