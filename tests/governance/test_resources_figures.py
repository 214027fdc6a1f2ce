"""The resources overview's figures against hand-computed cases (governance.resources): totals per year, by
category and by source, conversions with the right dated rate (direct, inverted, through a common currency), the
largest share and HHI, coverage, withdrawn commitments left out, a missing rate named instead of a wrong number."""

import datetime as dt
from decimal import Decimal

import pytest

from governance import resources, services
from governance.models import ExchangeRate
from msp.codelists import Currency
from msp.models import Role
from tests.factories import MembershipFactory, OrganisationFactory, PartnershipFactory, RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    partnership = PartnershipFactory(currency_id="EUR")
    secretariat = RoleFactory(partnership=partnership, role=Role.SECRETARIAT).user
    return partnership, secretariat


def org(partnership, name):
    organisation = OrganisationFactory(name=name)
    MembershipFactory(partnership=partnership, organisation=organisation)
    return organisation


def commit(world, organisation, value, currency="EUR", year=2026, type="cash", status="committed", **extra):
    partnership, by = world
    fields = {"no_expectations": True} if type == "cash" else {}
    return services.commitment_save(
        partnership=partnership,
        by=by,
        organisation=organisation,
        type=type,
        description=extra.pop("description", f"{type} of {organisation.name}"),
        value=None if value is None else Decimal(value),
        currency=Currency.objects.get(pk=currency) if value is not None else None,
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
        status=status,
        **fields,
        **extra,
    )


def line(world, category, amount, currency="EUR", year=2026):
    partnership, by = world
    return services.budget_line_save(
        partnership=partnership,
        by=by,
        category=category,
        description=f"{category} {year}",
        year=year,
        amount=Decimal(amount),
        currency=currency,
    )


def pay(world, type, amount, date, currency="EUR", **extra):
    partnership, by = world
    return services.transaction_save(
        partnership=partnership, by=by, type=type, date=date, amount=Decimal(amount), currency=currency, **extra
    )


def rate(base, quote, date, value):
    return ExchangeRate.objects.create(base_id=base, quote_id=quote, date=date, rate=Decimal(value))


def test_shares_50_30_20_give_an_hhi_of_0_38_and_no_warning_at_exactly_half(world):
    partnership, _ = world
    for name, value in [("A", 500), ("B", 300), ("C", 200)]:
        commit(world, org(partnership, name), value)
    figures = resources.for_partnership(partnership)
    assert figures.concentration.hhi == Decimal("0.38")
    assert figures.concentration.largest == Decimal("0.5")
    assert figures.concentration.sources == 3
    assert not figures.concentration.warning  # 50 % is not more than the threshold of 50 %
    assert [(s.name, s.share) for s in figures.sources] == [
        ("A", Decimal("0.5")),
        ("B", Decimal("0.3")),
        ("C", Decimal("0.2")),
    ]


def test_one_funder_above_the_threshold_warns(world, settings):
    partnership, _ = world
    commit(world, org(partnership, "Big"), 600)
    commit(world, org(partnership, "Small"), 400)
    assert resources.for_partnership(partnership).concentration.too_concentrated
    settings.FUNDING_CONCENTRATION_THRESHOLD = 0.7
    assert not resources.for_partnership(partnership).concentration.warning


def test_a_single_cash_source_warns_as_too_few(world):
    partnership, _ = world
    commit(world, org(partnership, "Only"), 100)
    commit(world, org(partnership, "Helper"), 50, type="staff_time")  # in kind does not count as a cash source
    concentration = resources.for_partnership(partnership).concentration
    assert concentration.sources == 1 and concentration.too_few and concentration.warning


def test_withdrawn_commitments_count_nowhere(world):
    partnership, _ = world
    a, b = org(partnership, "A"), org(partnership, "B")
    commit(world, a, 100)
    commit(world, b, 100)
    commit(world, b, 10_000, status="withdrawn")
    figures = resources.for_partnership(partnership)
    assert figures.total.committed.amount == Decimal(200)
    assert figures.concentration.largest == Decimal("0.5")


def test_totals_per_year_by_category_and_source_with_coverage(world):
    partnership, _ = world
    a, b = org(partnership, "A"), org(partnership, "B")
    commit(world, a, 600, year=2026)
    commit(world, b, 300, year=2026, type="goods")  # valued in kind: committed, not cash
    commit(world, b, None, type="staff_time", quantity=Decimal(120), unit="person-days", description="Field staff")
    commit(world, a, 500, year=2027)
    secretariat_line = line(world, "secretariat", 700)
    line(world, "activities", 500)
    services.budget_line_revise(line=secretariat_line, by=world[1], amount=Decimal(800))  # revised counts
    line(world, "activities", 400, year=2027)
    pay(world, "1", 250, dt.date(2026, 2, 1), counterpart=a)
    pay(world, "4", 90, dt.date(2026, 3, 1), budget_line=partnership.budget_lines.get(description="activities 2026"))
    pay(world, "3", 40, dt.date(2026, 3, 2), counterpart_name="Supplier")
    figures = resources.for_partnership(partnership)
    y2026, y2027 = figures.years
    assert (y2026.label, y2026.planned.amount, y2026.committed.amount) == (2026, Decimal(1300), Decimal(900))
    assert (y2026.received.amount, y2026.spent.amount, y2026.disbursed.amount) == (250, 90, 40)
    assert y2026.coverage == Decimal(900) / Decimal(1300) and y2026.gap == Decimal(400)
    assert (y2027.planned.amount, y2027.committed.amount, y2027.gap, y2027.coverage) == (400, 500, 0, Decimal("1.25"))
    assert figures.total.planned.amount == Decimal(1700) and figures.total.committed.amount == Decimal(1400)
    assert figures.total.gap == Decimal(300)
    by_category = {value: (planned.amount, spent.amount) for value, _label, planned, spent in figures.categories}
    assert by_category == {"secretariat": (800, 0), "activities": (900, 90)}
    by_source = {s.name: (s.cash.amount, s.in_kind.amount, s.received.amount) for s in figures.sources}
    assert by_source == {"A": (1100, 0, 250), "B": (0, 300, 0)}
    assert figures.in_kind_valued.amount == Decimal(300)
    assert [c.description for c in figures.in_kind_unvalued] == ["Field staff"]
    assert figures.concentration.sources == 1  # B brings no cash


def test_conversion_uses_the_rate_of_the_amounts_date(world):
    partnership, _ = world
    rate("USD", "EUR", dt.date(2025, 6, 1), "0.5")
    rate("USD", "EUR", dt.date(2026, 1, 1), "0.8")  # a commitment year's 1 January
    rate("USD", "EUR", dt.date(2026, 3, 2), "2")  # after the transaction: not used
    rate("EUR", "XOF", dt.date(2026, 1, 1), "655.957")  # inverted: 1 XOF = 1/655.957 EUR
    rate("GBP", "USD", dt.date(2025, 12, 1), "1.25")  # GBP→USD→EUR
    commit(world, org(partnership, "A"), 1000, currency="USD")
    line(world, "other", "655957", currency="XOF")
    line(world, "other", 100, currency="GBP")
    pay(world, "1", 100, dt.date(2026, 3, 1), currency="USD")
    figures = resources.for_partnership(partnership)
    assert figures.total.committed.amount == Decimal(800)
    assert figures.total.received.amount == Decimal(80)
    assert figures.total.planned.amount == Decimal(1000) + Decimal(100)  # 1000 + 100 × 1.25 × 0.8
    assert any("(inverted)" in r for r in figures.total.planned.rates)
    assert any("through USD" in r for r in figures.total.planned.rates)


def test_a_missing_rate_is_named_instead_of_a_wrong_total(world):
    partnership, _ = world
    line(world, "other", 100)
    pay(world, "4", 1000, dt.date(2026, 3, 1), currency="XOF")
    commit(world, org(partnership, "A"), 100, currency="XOF")
    commit(world, org(partnership, "B"), 100)
    figures = resources.for_partnership(partnership)
    assert figures.total.spent.amount is None
    assert figures.total.spent.missing == ["no rate for XOF on 2026-03-01"]
    assert figures.total.planned.amount == Decimal(100)
    assert figures.concentration.largest is None and figures.concentration.hhi is None
    assert figures.concentration.missing == ["no rate for XOF on 2026-01-01"]
    assert figures.years[0].coverage is None


def test_amounts_are_kept_unrounded_and_rounded_to_the_minor_unit_when_shown(world):
    from msp.templatetags.msp_tags import money

    partnership, _ = world
    rate("EUR", "JPY", dt.date(2026, 1, 1), "160.555")
    partnership.currency_id = "JPY"
    partnership.save()
    line(world, "other", "10.005")
    figures = resources.for_partnership(partnership)
    assert figures.total.planned.amount == Decimal("1606.352775")
    assert money(figures.total.planned.amount, "JPY") == "JPY 1,606"


def test_the_figures_load_in_five_queries(world, django_assert_num_queries):
    partnership, _ = world
    commit(world, org(partnership, "A"), 100)
    line(world, "other", 100)
    pay(world, "1", 100, dt.date(2026, 3, 1))
    with django_assert_num_queries(5):
        resources.for_partnership(partnership)
