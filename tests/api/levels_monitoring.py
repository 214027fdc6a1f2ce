"""The API walk's levels of monitoring and phases (tests/api/walk.py), as the pages' (tests/monitoring and
tests/phases access_levels): indicators and reports are everyone's with a role (donors: locked periods, delivered
reports); the actual of a period is the members' to read, and the secretariat's and the responsible partner's to
enter; the Learning tab, the phase history and the checklist runs are the members'."""

ENDPOINTS = {
    "api:indicator_list": "summary",
    "api:indicator_detail": "summary",
    # The walk's period is open: donors read actuals of locked periods on the indicator, not here.
    "api:actual": {"get": "member", "put": "member-write"},
    "api:lesson_list": "member",
    "api:capacity_gap_list": "member",
    "api:initiative_list": "member",
    "api:risk_list": "member",
    "api:report_list": "summary",
    "api:report_detail": "summary",
    "api:phase_transition_list": "member",
    "api:checklist_run_list": "member",
    "api:checklist_run_detail": "member",
    "api:health_check_list": "member",
    "api:health_check_detail": "member",
}

OBJECTS = {
    "api:indicator_detail": {"pk": lambda w: w["indicator"].pk},
    "api:actual": {"period_pk": lambda w: w["period"].pk},
    "api:report_detail": {"pk": lambda w: w["report_released"].pk},
    "api:checklist_run_detail": {"pk": lambda w: w["partnership"].checklist_runs.first().pk},
    "api:health_check_detail": {"pk": lambda w: w["health_check"].pk},
}
