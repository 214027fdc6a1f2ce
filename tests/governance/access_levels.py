"""Access levels of the roadmap and MoU URLs for the URL walk (tests/test_url_walk.py).

Reading the agreed versions (the approved roadmap, the MoU in force and those they replaced: their pages, the
comparison, the PDF, the signed copy) is open to every role on the partnership: donors read, they do not act.
Versions not agreed (a draft, in review, being signed, or superseded before it was agreed) are the members':
to a donor they do not exist (404, the "unagreed" level; VARIANTS walks the same pages with such versions). The
evidence of approvals and signatures given outside the app is the members' too, also for an agreed version.
Comments are the members' (secretariat and partners); approving and signing are the partners' only
("partner-action"); drafting, sending, resolving and uploading are the secretariat's.
"""

import datetime as dt
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from governance import services
from governance.demo import evidence_pdf
from governance.models import MouApproval, MouComment, MouSignature, MouVersion, RoadmapApproval, RoadmapComment
from msp.codelists import Currency
from stakeholders.models import Organisation
from tests.factories import ContactFactory, OrganisationFactory
from tests.governance.factories import member, mou_draft, roadmap_draft, sign

LEVELS = {
    "governance:roadmap": "summary",
    "governance:roadmap_version": "summary",
    "governance:roadmap_create": "secretariat-action",
    "governance:roadmap_edit": "secretariat",
    "governance:roadmap_discard": "secretariat-action",
    "governance:roadmap_send": "secretariat-action",
    "governance:roadmap_approve": "partner-action",
    "governance:roadmap_comment": "member-action",
    "governance:roadmap_comment_resolve": "secretariat-action",
    "governance:roadmap_node_add": "secretariat",
    "governance:roadmap_node_edit": "secretariat",
    "governance:roadmap_node_delete": "secretariat-action",
    "governance:roadmap_milestone_add": "secretariat",
    "governance:roadmap_milestone_edit": "secretariat",
    "governance:roadmap_milestone_delete": "secretariat-action",
    "governance:roadmap_milestone_progress": "secretariat-action",
    "governance:mou_list": "summary",
    "governance:mou_create": "secretariat-action",
    "governance:mou_compare": "summary",
    "governance:mou_version": "summary",
    "governance:mou_edit": "secretariat",
    "governance:mou_discard": "secretariat-action",
    "governance:mou_clause_add": "secretariat",
    "governance:mou_clause_edit": "secretariat",
    "governance:mou_clause_delete": "secretariat-action",
    "governance:mou_clause_move": "secretariat-action",
    "governance:mou_send_review": "secretariat-action",
    "governance:mou_send_signature": "secretariat-action",
    "governance:mou_terminate": "secretariat-action",
    "governance:mou_approve": "partner-action",
    "governance:mou_sign": "partner-action",
    "governance:mou_comment": "member-action",
    "governance:mou_comment_resolve": "secretariat-action",
    "governance:mou_scan": "summary",
    "governance:mou_scan_upload": "secretariat-action",
    "governance:mou_pdf": "summary",
    "governance:mou_sign_paper": "secretariat-action",
    "governance:approve_on_record": "secretariat-action",
    "governance:party_change": "secretariat-action",
    "governance:evidence": "member",
    # Bodies and seats, the secretariat: everyone with a role reads (donors too: the page leaves the people out);
    # the secretariat changes them.
    "governance:bodies": "summary",
    "governance:body": "summary",
    "governance:body_add": "secretariat",
    "governance:body_edit": "secretariat",
    "governance:body_delete": "secretariat-action",
    "governance:seat_add": "secretariat",
    "governance:seat_edit": "secretariat",
    "governance:seat_remove": "secretariat-action",
    "governance:secretariat": "summary",
    "governance:staff_add": "secretariat",
    "governance:staff_edit": "secretariat",
    "governance:staff_remove": "secretariat-action",
    # Meetings: the members' (secretariat and partners); donors see none of them. The secretariat records them.
    "governance:meetings": "member",
    "governance:meeting": "member",
    "governance:meeting_add": "secretariat",
    "governance:meeting_edit": "secretariat",
    "governance:meeting_invite": "secretariat",
    "governance:meeting_cancel": "secretariat-action",
    # Minutes: the secretariat writes, circulates and marks final; partners who attended comment.
    "governance:minutes_edit": "secretariat",
    "governance:minutes_circulate": "secretariat-action",
    "governance:minutes_finalise": "secretariat-action",
    "governance:minutes_comment": "partner",
    # Meeting papers: the secretariat uploads, shares and removes; members download the shared ones (a paper not
    # yet shared is the secretariat's: to a partner it does not exist, VARIANTS).
    "governance:paper_add": "secretariat",
    "governance:paper_share": "secretariat-action",
    "governance:paper_remove": "secretariat-action",
    "governance:paper_download": "member",
    # The decision log: everyone reads (donors adopted decisions only, without positions); partners record their
    # organisation's position; the secretariat drafts, opens, records on a member's behalf and the outcome.
    "governance:decisions": "summary",
    "governance:decisions_export": "summary",
    "governance:decision_add": "secretariat",
    "governance:decision": "summary",
    "governance:decision_edit": "secretariat",
    "governance:decision_open": "secretariat-action",
    "governance:decision_decide": "secretariat-action",
    "governance:position": "partner",
    "governance:position_on_behalf": "secretariat",
    "governance:position_evidence": "member",
    # Exchange rates belong to the installation: everyone with a role somewhere reads them (the walk's outsider is
    # secretariat elsewhere; someone with no role anywhere gets 404: tests/governance/test_rates_views.py), and
    # secretariat staff of any partnership keep them, like the organisation registry.
    "governance:rates": "signed-in",
    "governance:rate_add": "registry",
    "governance:rate_edit": "registry",
    "governance:rates_import": "registry",
    # The resources overview: everyone with a role (donors: totals and their own organisation's commitments).
    "governance:resources": "summary",
    # Commitments: everyone with a role opens the list (donors see their own organisation's only, or none); the
    # secretariat records and changes them.
    "governance:commitments": "summary",
    "governance:commitments_export": "summary",
    "governance:commitment_add": "secretariat",
    "governance:commitment_edit": "secretariat",
    # The budget and the transactions: the members' books; donors see the totals on the resources overview, not
    # these pages. The secretariat keeps them.
    "governance:budget": "member",
    "governance:budget_export": "member",
    "governance:budget_line_add": "secretariat",
    "governance:budget_line_edit": "secretariat",
    "governance:budget_line_revise": "secretariat",
    "governance:budget_line_delete": "secretariat-action",
    "governance:budget_review_add": "secretariat",
    "governance:transactions": "member",
    "governance:transactions_export": "member",
    "governance:transaction_add": "secretariat",
    "governance:transaction_edit": "secretariat",
    "governance:transaction_delete": "secretariat-action",
    # The bank import: the secretariat's; the file waits for the partnership, whoever of its secretariat uploaded it.
    "governance:transaction_import": "secretariat",
    "governance:transaction_import_map": "secretariat",
    "governance:transaction_import_confirm": "secretariat-action",
}


def _draft_roadmap(w):
    return w["roadmap_draft"].number


def _draft_mou(w):
    return w["mou_draft"].number


def _roadmap_review(w):
    return w["roadmap_review"].number


def _signing_mou(w):
    return w["mou_signing"].number


OBJECTS = {
    "governance:roadmap_version": {"number": lambda w: w["roadmap"].number},  # approved
    "governance:roadmap_edit": {"number": _draft_roadmap},
    "governance:roadmap_discard": {"number": _draft_roadmap},
    "governance:roadmap_send": {"number": _draft_roadmap},
    "governance:roadmap_approve": {"number": _roadmap_review},
    "governance:roadmap_comment": {"number": _roadmap_review},
    "governance:roadmap_comment_resolve": {
        "number": _roadmap_review,
        "pk": lambda w: w["roadmap_comment"].pk,
    },
    "governance:roadmap_node_add": {"number": _draft_roadmap},
    "governance:roadmap_node_edit": {"number": _draft_roadmap, "pk": lambda w: w["node"].pk},
    "governance:roadmap_node_delete": {"number": _draft_roadmap, "pk": lambda w: w["node"].pk},
    "governance:roadmap_milestone_add": {"number": _draft_roadmap},
    "governance:roadmap_milestone_edit": {"number": _draft_roadmap, "pk": lambda w: w["milestone"].pk},
    "governance:roadmap_milestone_delete": {"number": _draft_roadmap, "pk": lambda w: w["milestone"].pk},
    "governance:roadmap_milestone_progress": {"number": _draft_roadmap, "pk": lambda w: w["milestone"].pk},
    "governance:mou_version": {"number": lambda w: w["mou"].number},  # in force
    "governance:mou_edit": {"number": _draft_mou},
    "governance:mou_discard": {"number": _draft_mou},
    "governance:mou_clause_add": {"number": _draft_mou},
    "governance:mou_clause_edit": {"number": _draft_mou, "pk": lambda w: w["clause"].pk},
    "governance:mou_clause_delete": {"number": _draft_mou, "pk": lambda w: w["clause"].pk},
    "governance:mou_clause_move": {"number": _draft_mou, "pk": lambda w: w["clause"].pk},
    "governance:mou_send_review": {"number": _draft_mou},
    "governance:mou_send_signature": {"number": _draft_mou},
    "governance:mou_terminate": {"number": lambda w: w["mou"].number},
    "governance:mou_approve": {"number": lambda w: w["mou_review"].number},
    "governance:mou_sign": {"number": _signing_mou},
    "governance:mou_comment": {"number": _signing_mou},
    "governance:mou_comment_resolve": {"number": _signing_mou, "pk": lambda w: w["mou_comment"].pk},
    "governance:mou_scan": {"number": lambda w: w["mou"].number},
    "governance:mou_scan_upload": {"number": _signing_mou},
    "governance:mou_pdf": {"number": lambda w: w["mou"].number},
    "governance:mou_sign_paper": {"number": _signing_mou},
    "governance:approve_on_record": {"kind": lambda w: "mou", "number": lambda w: w["mou_review"].number},
    "governance:party_change": {
        "kind": lambda w: "mou",
        "number": _signing_mou,
        "action": lambda w: "add",
    },
    "governance:evidence": {"kind": lambda w: "mou-approval", "pk": lambda w: w["paper_approval"].pk},
    "governance:body": {"pk": lambda w: w["body"].pk},
    "governance:body_edit": {"pk": lambda w: w["body"].pk},
    "governance:body_delete": {"pk": lambda w: w["body"].pk},
    "governance:seat_add": {"pk": lambda w: w["body"].pk},
    "governance:seat_edit": {"pk": lambda w: w["body"].pk, "seat_pk": lambda w: w["seat"].pk},
    "governance:seat_remove": {"pk": lambda w: w["body"].pk, "seat_pk": lambda w: w["seat"].pk},
    "governance:staff_edit": {"pk": lambda w: w["staff"].pk},
    "governance:staff_remove": {"pk": lambda w: w["staff"].pk},
    "governance:meeting": {"pk": lambda w: w["meeting"].pk},
    "governance:meeting_edit": {"pk": lambda w: w["meeting"].pk},
    "governance:meeting_invite": {"pk": lambda w: w["meeting"].pk},
    "governance:meeting_cancel": {"pk": lambda w: w["meeting"].pk},
    "governance:minutes_edit": {"pk": lambda w: w["past_meeting"].pk},
    "governance:minutes_circulate": {"pk": lambda w: w["past_meeting"].pk},
    "governance:minutes_finalise": {"pk": lambda w: w["past_meeting"].pk},
    "governance:minutes_comment": {"pk": lambda w: w["past_meeting"].pk},
    "governance:paper_add": {"pk": lambda w: w["meeting"].pk},
    "governance:paper_share": {"pk": lambda w: w["paper_draft"].meeting_id, "paper_pk": lambda w: w["paper_draft"].pk},
    "governance:paper_remove": {
        "pk": lambda w: w["paper_draft"].meeting_id,
        "paper_pk": lambda w: w["paper_draft"].pk,
    },
    "governance:paper_download": {
        "pk": lambda w: w["paper_shared"].meeting_id,
        "paper_pk": lambda w: w["paper_shared"].pk,
    },
    "governance:decision": {"pk": lambda w: w["decision_adopted"].pk},
    "governance:decision_edit": {"pk": lambda w: w["decision_draft"].pk},
    "governance:decision_open": {"pk": lambda w: w["decision_draft"].pk},
    "governance:decision_decide": {"pk": lambda w: w["decision_open"].pk},
    "governance:position": {"pk": lambda w: w["decision_open"].pk},
    "governance:position_on_behalf": {"pk": lambda w: w["decision_open"].pk},
    "governance:position_evidence": {
        "pk": lambda w: w["decision_open"].pk,
        "position_pk": lambda w: w["evidence_position"].pk,
    },
    "governance:rate_edit": {"pk": lambda w: w["rate"].pk},
    "governance:commitment_edit": {"pk": lambda w: w["commitment"].pk},
    "governance:budget_line_edit": {"pk": lambda w: w["budget_line"].pk},
    "governance:budget_line_revise": {"pk": lambda w: w["budget_line"].pk},
    "governance:budget_line_delete": {"pk": lambda w: w["budget_line"].pk},
    "governance:transaction_edit": {"pk": lambda w: w["transaction"].pk},
    "governance:transaction_delete": {"pk": lambda w: w["transaction"].pk},
    "governance:transaction_import_map": {"pk": lambda w: w["bank_file"].pk},
    "governance:transaction_import_confirm": {"pk": lambda w: w["bank_file"].pk},
}


# The same pages walked again with versions that are not agreed (the object, then the level): the members read
# them; to a donor they do not exist, as a version never made. And the evidence of a signature on the MoU in
# force: the members' even there (the agreement is the PDF and the signed copy, not one party's page).
_SUPERSEDED_IN_REVIEW = {"number": lambda w: w["mou_review"].number}
VARIANTS = {
    "governance:roadmap_version": [
        ("in review", {"number": _roadmap_review}, "unagreed"),
        ("draft", {"number": _draft_roadmap}, "unagreed"),
    ],
    "governance:mou_version": [
        ("superseded in review", _SUPERSEDED_IN_REVIEW, "unagreed"),
        ("partially signed", {"number": _signing_mou}, "unagreed"),
        ("draft", {"number": _draft_mou}, "unagreed"),
    ],
    "governance:mou_pdf": [
        ("superseded in review", _SUPERSEDED_IN_REVIEW, "unagreed"),
        ("partially signed", {"number": _signing_mou}, "unagreed"),
    ],
    "governance:mou_scan": [("partially signed", {"number": _signing_mou}, "unagreed")],
    "governance:paper_download": [
        (
            "paper not shared yet",
            {"pk": lambda w: w["paper_draft"].meeting_id, "paper_pk": lambda w: w["paper_draft"].pk},
            "unshared",
        )
    ],
    "governance:evidence": [
        (
            "paper signature, MoU in force",
            {"kind": lambda w: "signature", "pk": lambda w: w["paper_signature"].pk},
            "member",
        )
    ],
}


def build(world):
    """A roadmap (v1 approved; v2 in review, with a comment and an approval; v3 a draft with a node and a
    milestone) and an MoU (v1 in force, signed online and on paper, with a signed copy; v2 sent for review,
    approved online and by e-mail, then superseded before it was agreed; v3 partially signed, with a comment and
    a signed copy; v4 a draft with a clause): one row of every governance model, so the admin pages are walked
    too, and agreed and unagreed versions of both, for what a donor may read."""
    p, sec = world["partnership"], world["secretariat"]
    signer = member(p, "signer", org_name="Signing Org")
    other = member(p, "other", org_name="Other Org")

    roadmap = roadmap_draft(p, sec)
    world["node"] = services.result_node_save(version=roadmap, by=sec, level="impact", title="Impact", owner=None)
    world["milestone"] = services.milestone_save(
        version=roadmap, by=sec, title="Start", due_on="2030-01-01", owner=None, node=world["node"]
    )
    roadmap = services.roadmap_send_for_review(version=roadmap, by=sec)
    for user in (signer, other):
        services.roadmap_approve(version=roadmap, by=user)
    world["roadmap"] = roadmap
    review = services.roadmap_send_for_review(version=services.roadmap_version_create(partnership=p, by=sec), by=sec)
    world["roadmap_review"] = review
    world["roadmap_comment"] = services.roadmap_comment(version=review, by=signer, body="Looks right.")
    services.roadmap_approve(version=review, by=signer)
    world["roadmap_draft"] = services.roadmap_version_create(partnership=p, by=sec)
    world["node"] = world["roadmap_draft"].nodes.get()
    world["milestone"] = world["roadmap_draft"].milestones.get()

    in_force = services.mou_send_for_signature(version=mou_draft(p, sec, clauses=("Roles",)), by=sec)
    sign(in_force, signer)
    world["paper_signature"] = services.mou_sign_on_paper(
        version=in_force,
        by=sec,
        organisation=Organisation.objects.get(name="Other Org"),
        name="Olu Other",
        position="Director",
        signed_on=dt.date.today(),
        evidence=ContentFile(evidence_pdf("signed page"), name="page.pdf"),
    )
    services.mou_scan_upload(version=in_force, by=sec, file=ContentFile(evidence_pdf("scan"), name="scan.pdf"))
    world["mou"] = in_force
    review = services.mou_send_for_review(version=services.mou_version_create(partnership=p, by=sec), by=sec)
    services.mou_approve(version=review, by=signer)
    world["paper_approval"] = services.approve_on_record(
        version=review,
        by=sec,
        organisation=Organisation.objects.get(name="Other Org"),
        name="Olu Other",
        method="email",
        given_on=dt.date.today(),
        evidence=ContentFile(evidence_pdf("mail"), name="mail.pdf"),
    )
    world["mou_review"] = review
    mou = services.mou_send_for_signature(version=services.mou_version_create(partnership=p, by=sec), by=sec)
    sign(mou, signer)
    world["mou_signing"] = mou
    world["mou_comment"] = services.mou_comment(
        version=mou, by=signer, body="Clause 1 is fine.", clause=mou.clauses.first()
    )
    services.mou_scan_upload(version=mou, by=sec, file=ContentFile(evidence_pdf("scan"), name="scan.pdf"))
    states = {v.pk: v.status for v in MouVersion.objects.filter(partnership=p)}
    assert [states[v.pk] for v in (in_force, review, mou)] == ["in_force", "superseded", "partially_signed"]
    world["mou_draft"] = services.mou_version_create(partnership=p, by=sec)
    world["clause"] = world["mou_draft"].clauses.first()
    _bodies(world, signer)
    _meetings(world, signer)
    _minutes(world, signer)
    _papers(world)
    _decisions(world, signer)
    world["rate"] = services.rate_save(
        by=sec,
        base=Currency.objects.get(pk="EUR"),
        quote=Currency.objects.get(pk="USD"),
        date=dt.date(2026, 1, 1),
        rate=Decimal("1.0845"),
        source="ECB",
    )
    _commitments(world)
    _budget(world)
    assert RoadmapApproval.objects.exists() and MouApproval.objects.exists() and MouSignature.objects.exists()
    assert RoadmapComment.objects.exists() and MouComment.objects.exists()


def _bodies(world, signer):
    """A steering committee with the signing member's seat (in the chair), and a secretariat hosted by a neutral
    organisation with one coordinator."""
    p, sec = world["partnership"], world["secretariat"]
    world["body"] = services.body_save(
        partnership=p, by=sec, type="steering_committee", name="Steering Committee", majority_threshold="simple"
    )
    world["seat"] = services.seat_save(
        body=world["body"], by=sec, organisation=Organisation.objects.get(name="Signing Org"), is_chair=True
    )
    host = OrganisationFactory(name="Neutral Host")
    office = services.body_save(
        partnership=p,
        by=sec,
        type="secretariat",
        name="Secretariat",
        majority_threshold="simple",
        host_organisation=host,
    )
    world["staff"] = services.staff_save(
        body=office,
        by=sec,
        contact=ContactFactory(organisation=host, name="Cora Coordinator"),
        role="coordinator",
        time_share=100,
        starts_on=dt.date.today(),
    )


def _decisions(world, signer):
    """An adopted decision (donors see it), a draft, and an open one with a position recorded on a member's behalf
    with an evidence file."""
    p, sec = world["partnership"], world["secretariat"]
    adopted = services.decision_save(partnership=p, by=sec, title="Adopt the plan", method="consent")
    services.decision_open(decision=adopted, by=sec)
    services.position_record(decision=adopted, by=signer, organisation=signer.contact.organisation, position="support")
    world["decision_adopted"] = services.decision_decide(decision=adopted, by=sec, outcome="adopted")
    world["decision_draft"] = services.decision_save(partnership=p, by=sec, title="Next step", method="consensus")
    opened = services.decision_save(partnership=p, by=sec, title="Open one", method="consensus")
    world["decision_open"] = services.decision_open(decision=opened, by=sec)
    world["evidence_position"] = services.position_record_on_behalf(
        decision=opened,
        by=sec,
        organisation=Organisation.objects.get(name="Other Org"),
        position="object",
        note="By letter.",
        evidence=ContentFile(evidence_pdf("letter"), name="letter.pdf"),
    )


def _meetings(world, signer):
    """A formal meeting of the steering committee next week, with the signing member invited."""
    p, sec = world["partnership"], world["secretariat"]
    start = timezone.now() + dt.timedelta(days=7)
    world["meeting"] = services.meeting_save(
        partnership=p,
        by=sec,
        body=world["body"],
        title="Steering Committee 1",
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Nairobi",
        online_link="",
        agenda="1. Opening",
    )
    services.meeting_invite(
        meeting=world["meeting"],
        by=sec,
        organisations=[Organisation.objects.get(name="Signing Org")],
        users=[signer],
    )


def _minutes(world, signer):
    """Last week's meeting, attended by the signing member's organisation and the partner in person, with its
    minutes circulated and one comment."""
    p, sec = world["partnership"], world["secretariat"]
    start = timezone.now() - dt.timedelta(days=7)
    meeting = services.meeting_save(
        partnership=p,
        by=sec,
        body=world["body"],
        title="Steering Committee 0",
        is_formal=True,
        start=start,
        end=start + dt.timedelta(hours=2),
        place="Nairobi",
        online_link="",
        agenda="1. Opening",
    )
    org = Organisation.objects.get(name="Signing Org")
    services.meeting_invite(meeting=meeting, by=sec, organisations=[org], users=[world["partner"]])
    services.minutes_save(meeting=meeting, by=sec, text="1. Opened.", recorded_on=timezone.localdate())
    services.minutes_circulate(meeting=meeting, by=sec)
    services.minutes_comment(meeting=meeting, by=signer, text="Agreed.")
    world["past_meeting"] = meeting


def _papers(world):
    """Two papers of the meeting: one shared with the members, one still the secretariat's draft."""
    sec, meeting = world["secretariat"], world["meeting"]
    world["paper_shared"] = services.meeting_paper_upload(
        meeting=meeting, by=sec, title="Agenda", file=ContentFile(evidence_pdf("agenda"), name="agenda.pdf"), share=True
    )
    world["paper_draft"] = services.meeting_paper_upload(
        meeting=meeting, by=sec, title="Budget draft", file=ContentFile(evidence_pdf("budget"), name="budget.pdf")
    )


def _commitments(world):
    """A cash commitment of the signing member over two years (so it has amounts per year)."""
    p, sec = world["partnership"], world["secretariat"]
    world["commitment"] = services.commitment_save(
        partnership=p,
        by=sec,
        organisation=Organisation.objects.get(name="Signing Org"),
        type="cash",
        description="Core funding",
        value=Decimal("1000"),
        currency=Currency.objects.get(pk="EUR"),
        starts_on=dt.date(2026, 7, 1),
        ends_on=dt.date(2027, 6, 30),
        no_expectations=True,
    )


def _budget(world):
    """A budget line revised once (the revision is what the walk edits, revises and deletes), a review linked to the
    adopted decision, and an expenditure against the original line."""
    p, sec = world["partnership"], world["secretariat"]
    original = services.budget_line_save(
        partnership=p,
        by=sec,
        category="secretariat",
        description="Coordinator",
        year=2026,
        amount="1000",
        currency="EUR",
    )
    world["budget_line"] = services.budget_line_revise(line=original, by=sec, amount="1200")
    services.budget_review_save(partnership=p, by=sec, date=dt.date.today(), decision=world["decision_adopted"])
    world["transaction"] = services.transaction_save(
        partnership=p,
        by=sec,
        type="4",
        date=dt.date.today(),
        amount="250.00",
        currency="EUR",
        counterpart_name="Office supplies Ltd",
        budget_line=original,
    )
    world["bank_file"] = services.pending_transaction_import_create(
        partnership=p, by=sec, filename="bank.csv", content=b"Date;Amount;Currency\n2026-03-01;-1,00;EUR\n"
    )
