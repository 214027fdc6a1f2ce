"""The budget and transaction services: what they record, what counts as planned, and each refusal in words."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404

from governance import services
from governance.models import BudgetLine, BudgetReview, RoadmapVersion, Transaction
from governance.selectors.budget import budget_by_year, nodes_by_key, planned_lines
from tests.factories import OrganisationFactory, PartnershipFactory, RoleFactory
from tests.governance.factories import ResultNodeFactory, RoadmapVersionFactory, roadmap_draft


def _line(partnership, by, **fields):
    values = {
        "category": "secretariat",
        "description": "Coordinator",
        "year": 2026,
        "amount": "1000",
        "currency": "EUR",
    }
    return services.budget_line_save(partnership=partnership, by=by, **{**values, **fields})


def _spend(partnership, by, **fields):
    values = {"type": "4", "date": dt.date(2026, 1, 10), "amount": "100", "currency": "EUR"}
    return services.transaction_save(partnership=partnership, by=by, **{**values, **fields})


def _message(exc, field=None):
    return " ".join(exc.value.message_dict[field]) if field else " ".join(exc.value.messages)


# --- budget lines ------------------------------------------------------------------------------------------------


def test_the_secretariat_adds_a_line_with_a_decimal_amount(partnership, secretariat):
    line = _line(partnership, secretariat, amount="1250.5050")
    line.refresh_from_db()
    assert (line.amount, line.currency_id, line.budget_type, line.created_by) == (
        Decimal("1250.5050"),
        "EUR",
        "1",
        secretariat,
    )


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("-5", "cannot be negative"),
        ("12,50 €", "is not an amount"),
        ("", "is not an amount"),
        ("NaN", "is not an amount"),
    ],
)
def test_a_negative_or_malformed_amount_is_refused(partnership, secretariat, amount, words):
    with pytest.raises(ValidationError) as exc:
        _line(partnership, secretariat, amount=amount)
    assert words in _message(exc, "amount")
    assert not BudgetLine.objects.exists()


def test_an_unknown_currency_is_refused(partnership, secretariat):
    with pytest.raises(ValidationError) as exc:
        _line(partnership, secretariat, currency="XYZ")
    assert "Unknown currency “XYZ”" in _message(exc, "currency")


def test_a_year_out_of_range_is_refused(partnership, secretariat):
    with pytest.raises(ValidationError) as exc:
        _line(partnership, secretariat, year=1850)
    assert "Give a year between 1990 and 2100." in _message(exc, "year")


def test_the_database_refuses_a_negative_amount_on_every_path(partnership, secretariat):
    line = _line(partnership, secretariat)
    with pytest.raises(IntegrityError), transaction.atomic():
        BudgetLine.objects.filter(pk=line.pk).update(amount=Decimal("-1"))


def test_partners_and_donors_cannot_write_outsiders_do_not_learn_of_it(partnership, partner, donor, outsider):
    for user in (partner, donor):
        with pytest.raises(PermissionDenied):
            _line(partnership, user)
    with pytest.raises(Http404):
        _line(partnership, outsider)


def test_a_line_links_to_a_node_by_its_key_which_survives_a_new_roadmap_version(partnership, secretariat):
    v1 = roadmap_draft(partnership, secretariat)
    node = services.result_node_save(version=v1, by=secretariat, level="impact", title="Farmers trained", owner=None)
    line = _line(partnership, secretariat, result_node_key=node.key)
    services.roadmap_send_for_review(version=v1, by=secretariat)
    v2 = services.roadmap_version_create(partnership=partnership, by=secretariat)
    assert nodes_by_key(partnership)[line.result_node_key].version == v2
    assert nodes_by_key(partnership)[line.result_node_key].title == "Farmers trained"


def test_nodes_are_read_in_the_approved_version_s_wording_not_a_newer_draft_s(partnership):
    approved = RoadmapVersionFactory(partnership=partnership, number=1)
    node = ResultNodeFactory(version=approved, title="Farmers trained")
    RoadmapVersion.objects.filter(pk=approved.pk).update(status="approved")  # a version takes nodes as a draft only
    draft = RoadmapVersionFactory(partnership=partnership, number=2)
    ResultNodeFactory(version=draft, key=node.key, title="Farmers and herders trained")
    ResultNodeFactory(version=RoadmapVersionFactory(partnership=PartnershipFactory(), number=3), title="Elsewhere")
    assert {key: n.title for key, n in nodes_by_key(partnership).items()} == {node.key: "Farmers trained"}


def test_a_partnership_without_a_roadmap_has_no_nodes(partnership):
    ResultNodeFactory(version=RoadmapVersionFactory(partnership=PartnershipFactory()))
    assert nodes_by_key(partnership) == {}


def test_a_node_of_another_partnership_is_refused(partnership, secretariat):
    elsewhere = ResultNodeFactory(version=RoadmapVersionFactory(partnership=PartnershipFactory()))
    with pytest.raises(ValidationError) as exc:
        _line(partnership, secretariat, result_node_key=elsewhere.key)
    assert "Choose a node of this partnership's results chain." in _message(exc, "result_node_key")


# --- revisions and what counts as planned ------------------------------------------------------------------------


def test_planned_is_the_newest_revision_of_each_chain_else_the_original(partnership, secretariat):
    coordinator = _line(partnership, secretariat, amount="1000")
    first = services.budget_line_revise(line=coordinator, by=secretariat, amount="1200")
    second = services.budget_line_revise(line=first, by=secretariat, amount="900", description="Coordinator, part time")
    travel = _line(partnership, secretariat, category="management", description="Travel", amount="300")
    assert set(planned_lines(partnership)) == {second, travel}
    assert (second.category, second.year, second.budget_type, second.revises) == ("secretariat", 2026, "2", first)
    [plan] = budget_by_year(partnership)
    assert plan.totals == [("EUR", Decimal("1200"))]
    chain = plan.categories[0].chains[0]
    assert (chain.original, chain.revisions, chain.planned) == (coordinator, [first, second], second)


def test_deleting_the_newest_revision_makes_the_one_before_planned_again(partnership, secretariat):
    original = _line(partnership, secretariat)
    revised = services.budget_line_revise(line=original, by=secretariat, amount="1500")
    services.budget_line_delete(line=revised, by=secretariat)
    assert list(planned_lines(partnership)) == [original]


def test_a_line_is_revised_once_the_next_change_revises_its_revision(partnership, secretariat):
    original = _line(partnership, secretariat)
    services.budget_line_revise(line=original, by=secretariat, amount="1500")
    with pytest.raises(ValidationError) as exc:
        services.budget_line_revise(line=original, by=secretariat, amount="1800")
    assert "already been revised: revise its newest revision" in _message(exc)


def test_a_revised_line_cannot_move_to_another_category_or_year(partnership, secretariat):
    original = _line(partnership, secretariat)
    revised = services.budget_line_revise(line=original, by=secretariat, amount="1500")
    for line in (original, revised):
        with pytest.raises(ValidationError) as exc:
            _line(partnership, secretariat, line=line, year=2027)
        assert "category and year of a line that has revisions stay" in _message(exc)


def test_a_line_with_a_revision_or_with_expenditure_cannot_be_deleted(partnership, secretariat):
    original = _line(partnership, secretariat)
    services.budget_line_revise(line=original, by=secretariat, amount="1500")
    with pytest.raises(ValidationError) as exc:
        services.budget_line_delete(line=original, by=secretariat)
    assert "has a revision: delete the revision first" in _message(exc)
    spent_on = _line(partnership, secretariat, description="Printing")
    _spend(partnership, secretariat, budget_line=spent_on)
    with pytest.raises(ValidationError) as exc:
        services.budget_line_delete(line=spent_on, by=secretariat)
    assert "Expenditure is booked against this line, so it cannot be deleted." in _message(exc)
    assert BudgetLine.objects.count() == 3


# --- reviews -----------------------------------------------------------------------------------------------------


def test_a_review_links_a_decision_of_the_same_partnership_only(partnership, secretariat):
    decision = services.decision_save(partnership=partnership, by=secretariat, title="Budget 2026", method="consensus")
    review = services.budget_review_save(
        partnership=partnership, by=secretariat, date=dt.date(2026, 1, 5), note=" Fine. ", decision=decision
    )
    assert (review.note, review.decision) == ("Fine.", decision)
    other = PartnershipFactory()
    other_sec = RoleFactory(partnership=other, role="secretariat").user
    foreign = services.decision_save(partnership=other, by=other_sec, title="Theirs", method="consensus")
    with pytest.raises(ValidationError) as exc:
        services.budget_review_save(partnership=partnership, by=secretariat, date=dt.date(2026, 1, 5), decision=foreign)
    assert "Choose a decision of this partnership." in _message(exc, "decision")
    assert BudgetReview.objects.count() == 1


# --- transactions ------------------------------------------------------------------------------------------------


def test_incoming_funds_from_an_organisation_are_recorded(partnership, secretariat):
    funder = OrganisationFactory(name="GIZ")
    t = services.transaction_save(
        partnership=partnership,
        by=secretariat,
        type="1",
        date=dt.date(2026, 2, 1),
        amount="50000",
        currency="USD",
        counterpart=funder,
        reference=" T-1 ",
    )
    t.refresh_from_db()
    assert (t.type, t.amount, t.currency_id, t.counterpart_label, t.reference) == (
        "1",
        Decimal("50000"),
        "USD",
        "GIZ",
        "T-1",
    )


def test_a_transaction_dated_in_the_future_is_refused(partnership, secretariat):
    with pytest.raises(ValidationError) as exc:
        _spend(partnership, secretariat, date=dt.date.today() + dt.timedelta(days=1))
    assert "cannot be dated in the future (IATI does not allow it)" in _message(exc, "date")


def test_expenditure_against_a_line_of_another_partnership_is_refused(partnership, secretariat):
    other = PartnershipFactory()
    other_sec = RoleFactory(partnership=other, role="secretariat").user
    foreign = _line(other, other_sec)
    with pytest.raises(ValidationError) as exc:
        _spend(partnership, secretariat, budget_line=foreign)
    assert "This budget line belongs to another partnership" in _message(exc, "budget_line")
    assert not Transaction.objects.filter(partnership=partnership).exists()


def test_incoming_funds_are_not_booked_against_a_line(partnership, secretariat):
    line = _line(partnership, secretariat)
    with pytest.raises(ValidationError) as exc:
        _spend(partnership, secretariat, type="1", budget_line=line)
    assert "Only disbursements and expenditure are booked against a budget line." in _message(exc, "budget_line")


@pytest.mark.parametrize(
    ("field", "value", "words"), [("amount", "-1", "cannot be negative"), ("currency", "", "Unknown currency")]
)
def test_a_transaction_with_a_bad_amount_or_currency_is_refused(partnership, secretariat, field, value, words):
    with pytest.raises(ValidationError) as exc:
        _spend(partnership, secretariat, **{field: value})
    assert words in _message(exc, field)


def test_a_transaction_is_corrected_and_deleted(partnership, secretariat, partner):
    t = _spend(partnership, secretariat)
    services.transaction_save(
        partnership=partnership, by=secretariat, transaction=t, type="3", date=t.date, amount="80", currency="EUR"
    )
    t.refresh_from_db()
    assert (t.type, t.amount) == ("3", Decimal("80"))
    with pytest.raises(PermissionDenied):
        services.transaction_delete(transaction=t, by=partner)
    services.transaction_delete(transaction=t, by=secretariat)
    assert not Transaction.objects.exists()


def test_a_revision_keeps_the_lines_node_unless_told_otherwise(partnership, secretariat):
    version = roadmap_draft(partnership, secretariat)
    node = services.result_node_save(version=version, by=secretariat, level="impact", title="Impact", owner=None)
    original = _line(partnership, secretariat, result_node_key=node.key)
    kept = services.budget_line_revise(line=original, by=secretariat, amount="1100")
    cleared = services.budget_line_revise(line=kept, by=secretariat, amount="1200", result_node_key=None)
    assert (kept.result_node_key, cleared.result_node_key) == (node.key, None)
