"""What each row of the decision log shows, worked out once for the page: the labels of its choices and its links.

A row read three choice labels (a catalogue lookup each) and resolved two URLs: with 50 rows a page, more than the
rest of the page. The labels are translated once per page and the URLs resolved once (the pk put in per row).
"""

from msp.listing import choice_labels, url_for_each

from .models import Decision

FIELDS = ("method", "status", "outcome")


def prepare_rows(decisions, partnership_pk):
    """Set `url`, `meeting_url`, `method_label` and `status_label` (the outcome once decided, else the status) on
    each decision of the page (a list); returns it."""
    methods, statuses, outcomes = (choice_labels(Decision._meta.get_field(f).choices) for f in FIELDS)
    decision_url = url_for_each("governance:decision", partnership_pk)
    meeting_url = url_for_each("governance:meeting", partnership_pk)
    for decision in decisions:
        decision.url = decision_url(decision.pk)
        decision.meeting_url = meeting_url(decision.meeting_id) if decision.meeting_id else ""
        decision.method_label = methods.get(decision.method, decision.method)
        if decision.outcome:
            decision.status_label = outcomes.get(decision.outcome, decision.outcome)
        else:
            decision.status_label = statuses.get(decision.status, decision.status)
    return decisions
