"""The API walk's levels for the governance endpoints (see tests/api/walk.py), with the objects of the shared walk
world (tests/governance/access_levels.py build())."""

SECRETARIAT_WRITES = {"put": "secretariat-write", "patch": "secretariat-write"}

ENDPOINTS = {
    # Roadmap and MoU: agreed versions are everyone's (the world's approved roadmap, its MoU in force).
    "api:roadmap_version_list": "summary",
    "api:roadmap_version_detail": "summary",
    "api:mou_version_list": "summary",
    "api:mou_version_detail": "summary",
    # Bodies and the decision log: everyone reads them (a donor adopted decisions only, no positions).
    "api:body_list": "summary",
    "api:body_detail": "summary",
    "api:decision_list": {"get": "summary", "post": "secretariat-write"},
    "api:decision_detail": {"get": "summary", **SECRETARIAT_WRITES},
    "api:decision_position": {"put": "partner-write"},
    # Meetings: the members'.
    "api:meeting_list": {"get": "member", "post": "secretariat-write"},
    "api:meeting_detail": {"get": "member", **SECRETARIAT_WRITES},
    # Commitments: the list is everyone's (a donor's shows their own organisation's: the world's donor acts for
    # none, so theirs is empty); one commitment of another organisation does not exist to a donor (404, as for a
    # version they may not read: the level "unagreed" answers exactly that).
    "api:commitment_list": {"get": "summary", "post": "secretariat-write"},
    "api:commitment_detail": {"get": "unagreed", **SECRETARIAT_WRITES},
    # The budget and the transactions: the members' books.
    "api:budget_line_list": "member",
    "api:transaction_list": "member",
}

OBJECTS = {
    "api:roadmap_version_detail": {"number": lambda w: w["roadmap"].number},
    "api:mou_version_detail": {"number": lambda w: w["mou"].number},
    "api:body_detail": {"pk": lambda w: w["body"].pk},
    "api:decision_detail": {"pk": lambda w: w["decision_adopted"].pk},
    "api:decision_position": {"pk": lambda w: w["decision_open"].pk},
    "api:meeting_detail": {"pk": lambda w: w["meeting"].pk},
    "api:commitment_detail": {"pk": lambda w: w["commitment"].pk},
}
