"""Roadmap and MoU pages, by subject: the roadmap (roadmap.py) and its results chain and milestones
(roadmap_parts.py); the MoU (mou.py; its page's content in mou_page.py), its clauses and comments
(mou_clauses.py), its approval, signature and files (mou_signing.py); a version's parties (parties.py,
party_context.py). What they share is in common.py.

Page views are class-based on `AgreementPageMixin` (permission-scoped: outsiders 404, weaker roles 403); actions
are small `@require_POST` functions. Views authorise (msp.access), validate (forms) and call one service; refusals
come back as a message on the same page, with what the user typed still in the form."""
