"""Recording commitments: the value spread over the years pro rata by days (hand-computed), the years that must add
up, and the refusals a user reads (negative, no currency, cash without expectations, not a member)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from governance import services
from governance.models import Commitment, CommitmentYear
from msp.codelists import Currency
from tests.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_the_spread_is_pro_rata_by_days_and_adds_up_exactly():
    # 1 Jul 2026 - 30 Jun 2028: 184 days in 2026, 365 in 2027, 182 in 2028 (a leap year), 731 in all.
    parts = services.spread(Decimal("100000"), dt.date(2026, 7, 1), dt.date(2028, 6, 30))
    assert parts == {
        2026: Decimal("25170.9986"),  # 100000 * 184 / 731 = 25170.99863...
        2027: Decimal("49931.6005"),  # 100000 * 365 / 731 = 49931.60054...
        2028: Decimal("24897.4009"),  # the rest: 100000 * 182 / 731 = 24897.40082..., plus the rounding remainder
    }
    assert sum(parts.values()) == Decimal("100000")


def test_a_period_within_one_year_keeps_the_whole_value():
    assert services.spread(Decimal("10.5"), dt.date(2026, 3, 1), dt.date(2026, 3, 31)) == {2026: Decimal("10.5")}


def test_a_tiny_total_never_leaves_a_negative_year():
    parts = services.spread(Decimal("0.0002"), dt.date(2025, 12, 31), dt.date(2027, 1, 1))
    assert sum(parts.values()) == Decimal("0.0002") and min(parts.values()) >= 0


@pytest.fixture
def funder(partnership):
    organisation = OrganisationFactory(name="Funder Foundation")
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def cash(partnership, by, organisation, **extra):
    fields = dict(
        organisation=organisation,
        type="cash",
        description="Core funding",
        value=Decimal("100000"),
        currency=Currency.objects.get(pk="EUR"),
        starts_on=dt.date(2026, 7, 1),
        ends_on=dt.date(2028, 6, 30),
        funder_expectations="A yearly report.",
    )
    return services.commitment_save(partnership=partnership, by=by, **{**fields, **extra})


def amounts(commitment):
    return dict(CommitmentYear.objects.filter(commitment=commitment).values_list("year", "amount"))


def test_a_new_commitment_is_spread_and_its_years_can_be_changed(partnership, secretariat, funder):
    commitment = cash(partnership, secretariat, funder)
    assert amounts(commitment) == {
        2026: Decimal("25170.9986"),
        2027: Decimal("49931.6005"),
        2028: Decimal("24897.4009"),
    }
    assert commitment.expectations_recorded_on == dt.date.today()
    years = {2026: Decimal("20000"), 2027: Decimal("50000"), 2028: Decimal("30000")}
    services.commitment_save(partnership=partnership, by=secretariat, commitment=commitment, years=years)
    assert amounts(commitment) == years


def test_years_that_do_not_add_up_are_refused_with_both_sums(partnership, secretariat, funder):
    commitment = cash(partnership, secretariat, funder)
    with pytest.raises(ValidationError) as refused:
        services.commitment_save(
            partnership=partnership,
            by=secretariat,
            commitment=commitment,
            years={2026: Decimal("1"), 2027: Decimal("2"), 2028: Decimal("3")},
        )
    assert "add up to 6.00, but the value is 100,000.00" in str(refused.value)
    assert amounts(commitment)[2026] == Decimal("25170.9986")


def test_a_new_period_is_spread_again_only_when_asked(partnership, secretariat, funder):
    commitment = cash(partnership, secretariat, funder)
    typed = amounts(commitment)
    with pytest.raises(ValidationError) as refused:
        services.commitment_save(
            partnership=partnership,
            by=secretariat,
            commitment=commitment,
            starts_on=dt.date(2027, 1, 1),
            ends_on=dt.date(2027, 12, 31),
            years=typed,
        )
    assert "Spread the total over the years again" in str(refused.value)
    services.commitment_save(
        partnership=partnership,
        by=secretariat,
        commitment=commitment,
        starts_on=dt.date(2027, 1, 1),
        ends_on=dt.date(2027, 12, 31),
        years=typed,
        respread=True,
    )
    assert amounts(commitment) == {2027: Decimal("100000")}


@pytest.mark.parametrize(
    "extra, field, message",
    [
        ({"value": Decimal("-5")}, "value", "A value cannot be negative."),
        ({"quantity": Decimal("-1")}, "quantity", "A quantity cannot be negative."),
        ({"value": None}, "value", "A cash commitment needs its value."),
        ({"currency": None}, "currency", "Give the currency of the value."),
        ({"funder_expectations": ""}, "funder_expectations", "write down the funder's expectations, or tick"),
        ({"no_expectations": True}, "no_expectations", "not both"),
        ({"ends_on": dt.date(2026, 1, 1)}, "ends_on", "The period cannot end before it starts."),
    ],
)
def test_bad_input_is_refused_on_its_field(partnership, secretariat, funder, extra, field, message):
    with pytest.raises(ValidationError) as refused:
        cash(partnership, secretariat, funder, **extra)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Commitment.objects.exists()


def test_in_kind_needs_neither_value_nor_expectations(partnership, secretariat, funder):
    commitment = services.commitment_save(
        partnership=partnership,
        by=secretariat,
        organisation=funder,
        type="staff_time",
        description="Trainers",
        quantity=Decimal("120"),
        unit="person-days",
        starts_on=dt.date(2026, 1, 1),
        ends_on=dt.date(2027, 12, 31),
    )
    assert commitment.value is None and amounts(commitment) == {}


def test_only_members_commit_former_ones_too(partnership, secretariat, funder):
    stranger = OrganisationFactory(name="Stranger Ltd")
    with pytest.raises(ValidationError) as refused:
        cash(partnership, secretariat, stranger)
    assert "Stranger Ltd is not a member of this partnership" in refused.value.message_dict["organisation"][0]
    former = OrganisationFactory(name="Former Member")
    MembershipFactory(
        partnership=partnership, organisation=former, joined_on=dt.date(2024, 1, 1), left_on=dt.date(2025, 1, 1)
    )
    assert cash(partnership, secretariat, former).organisation == former


def test_only_the_secretariat_records(partnership, partner, funder):
    with pytest.raises(PermissionDenied):
        cash(partnership, partner, funder)


def test_the_database_refuses_a_negative_value(partnership, secretariat, funder):
    commitment = cash(partnership, secretariat, funder)
    with pytest.raises(IntegrityError), transaction.atomic():
        Commitment.objects.filter(pk=commitment.pk).update(value=Decimal("-1"))
