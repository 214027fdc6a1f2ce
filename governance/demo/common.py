"""What the roadmap and MoU demos share: dates, the members of the stakeholder demo as of a day, and parties,
approvals and signatures recorded as the person who would have given them (online, or by e-mail or on paper with
the evidence)."""

import datetime as dt

from auditlog.context import set_actor
from django.core.files.base import ContentFile
from django.utils import timezone

from msp.models import PartnershipRole, Role
from stakeholders.models import ContactPerson, Membership

from ..models import Method, MouParty, MouSignature, RoadmapParty


def _at(day, hour=10):
    return timezone.make_aware(dt.datetime.fromisoformat(f"{day}T{hour:02d}:00"))


def _members(ctx, key):
    """The partnership's member organisations from the stakeholder demo, each with the contact who signs for it.

    The users `kofi`, `awa` and `wanjiru` are signing contacts of their organisations there; the other
    signatories are contact persons without an account (their signatures carry their name and position).
    Ordered so that organisations with a demo user come first.
    """
    partnership = ctx["partnerships"][key]
    members = []
    for membership in Membership.objects.active().filter(partnership=partnership).select_related("organisation"):
        contact = (
            ContactPerson.objects.filter(organisation=membership.organisation, may_sign=True, is_active=True)
            .order_by("pk")
            .first()
        )
        if contact is not None:
            members.append((membership.organisation, contact, membership.joined_on))
    members.sort(key=lambda m: (m[1].user_id is None, m[0].name))
    return members


def _as_of(members, day):
    """(organisation, contact) of the members that had joined by `day`."""
    day = dt.date.fromisoformat(day)
    return [(org, contact) for org, contact, joined in members if joined <= day]


def _move(version, **fields):
    for name, value in fields.items():
        setattr(version, name, value)
    version.save(update_fields=list(fields))


def evidence_pdf(*lines):
    """A one-page PDF with a few lines of text: the stand-in for a scanned page or a printed e-mail."""

    def literal(line):  # a PDF string: Latin-1, with backslashes and parentheses escaped
        line = str(line).replace("–", "-").encode("latin-1", "replace").decode("latin-1")
        return "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"

    text = " ".join(f"{literal(line)} Tj 0 -16 Td" for line in lines)
    stream = f"BT /F1 11 Tf 60 780 Td {text} ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _partner_users(partnership):
    return set(
        PartnershipRole.objects.filter(partnership=partnership, role=Role.PARTNER).values_list("user", flat=True)
    )


def _parties(version, orgs, at, purpose=None):
    """The parties of a version sent at `at`: the members of that day (`orgs`)."""
    if purpose is None:
        RoadmapParty.objects.bulk_create(
            RoadmapParty(version=version, organisation=org, added_at=at) for org, _ in orgs
        )
    else:
        MouParty.objects.bulk_create(
            MouParty(version=version, organisation=org, purpose=purpose, added_at=at) for org, _ in orgs
        )


def _approve(model, version, orgs, day, secretariat, hour=9):
    """Approvals: online by a partner with an account (as that user), otherwise by e-mail, recorded by the
    secretariat with the message as evidence."""
    partners = _partner_users(version.partnership)
    for i, (org, contact) in enumerate(orgs):
        at = _at(day, hour + i % 8)
        if contact.user_id in partners:
            with set_actor(contact.user):
                model.objects.create(version=version, organisation=org, by=contact.user, at=at)
            continue
        approval = model(
            version=version,
            organisation=org,
            by=None,
            approver_name=contact.name,
            at=at,
            method=Method.EMAIL,
            recorded_by=secretariat,
        )
        approval.evidence.save(
            f"p{version.partnership_id}-approval.pdf",
            ContentFile(evidence_pdf(f"From: {contact.name}, {org.name}", f"{version} is approved.", day)),
            save=False,
        )
        with set_actor(secretariat):
            approval.save()


def _sign(version, orgs, day, secretariat, hour=9):
    """Signatures: online by a partner with an account (as that user); the other signatories signed on paper,
    recorded by the secretariat with the scanned page."""
    partners = _partner_users(version.partnership)
    for i, (org, contact) in enumerate(orgs):
        online = contact.user_id in partners
        signature = MouSignature(
            version=version,
            organisation=org,
            signed_by=contact.user if online else None,
            signer_name=contact.name,
            signer_position=contact.job_title,
            signed_at=_at(day, hour + i % 8) if online else _at(day, 12),
            fingerprint=version.fingerprint,
            method=Method.ONLINE if online else Method.PAPER,
            recorded_by=None if online else secretariat,
        )
        if not online:
            signature.evidence.save(
                f"p{version.partnership_id}-mou-v{version.number}-signature.pdf",
                ContentFile(evidence_pdf(f"{version}", f"Signed for {org.name}", contact.name, day)),
                save=False,
            )
        with set_actor(contact.user if online else secretariat):
            signature.save()


def _org_of(members, user):
    return next(org for org, contact, _joined in members if contact.user_id == user.pk)
