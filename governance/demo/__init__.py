"""Demo roadmaps and MoUs, built on the organisations, members and signing contacts of the stakeholder demo.

Cocoa: roadmap v1 (superseded) and v2 (approved by every member); MoU v1 signed by the founding members in 2024
and superseded, v2 in force, signed by all eight members. Water: roadmap v1 in review (one approval so far), MoU
v1 superseded after review comments and v2 partially signed (two of six), with open comments. Idempotent: a
partnership that has versions is left alone.

Every action is recorded as the person who would have done it: partners with an account approve and sign online
(the activity feed credits them); members without one approved by e-mail and signed on paper, which the
secretariat recorded with the evidence. The parties of every version sent are the members of the day it was sent.

Governance bodies, their seats and the secretariats with their staff come last (`bodies`), then the
steering committee's meetings (`meetings`), to which the decisions taken at them are then linked, with
their minutes (`minutes`) and papers (`meeting_papers`), the installation's exchange rates (`rates`), what
each member brings (`commitments`), then the budgets, budget reviews and transactions (`budget`), and last the
textile partnership's first roadmap draft (`roadmap.textile`).

One module per subject (`roadmap`, `mou`, `bodies`), on the helpers of `common`.

`sample_bank_export_de.csv` is a German bank export (Windows-1252, a header block, semicolons, decimal commas, debit
and credit columns) of cocoa's account in March 2026, for trying the bank import of transactions; the demo does
not import it, so that whoever tries it sees the whole import.
"""

from pathlib import Path

from . import bodies, budget, commitments, decisions, meeting_papers, meetings, minutes, mou, rates, roadmap
from .common import _members, evidence_pdf

SAMPLE_BANK_FILE = Path(__file__).with_name("sample_bank_export_de.csv")

__all__ = ["evidence_pdf", "load"]


def load(ctx):
    # The original order (cocoa roadmap, cocoa MoU, water roadmap, water MoU) keeps the demo's rows and ids as before.
    cocoa_members = _members(ctx, "cocoa")
    roadmap.cocoa(ctx, cocoa_members)
    mou.cocoa(ctx, cocoa_members)
    water_members = _members(ctx, "water")
    roadmap.water(ctx, water_members)
    mou.water(ctx, water_members)
    bodies.load(ctx)
    decisions.load(ctx)
    meetings.load(ctx)
    decisions.link_meetings(ctx)
    minutes.load(ctx)
    meeting_papers.load(ctx)
    rates.load(ctx)
    commitments.load(ctx)
    budget.load(ctx)
    roadmap.textile(ctx)
