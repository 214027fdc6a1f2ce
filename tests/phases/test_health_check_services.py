"""The partnering health check's services: opening a round, scoring it for one's own organisation (or on a
member's behalf), closing it into checklist judgements."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from phases.health_checks.selectors import item_scores
from phases.health_checks.services import health_check_close, health_check_score
from phases.models import HealthCheck, HealthCheckScore, Judgement

from .health_check_factories import members, open_round, score


@pytest.fixture
def three(partnership):
    return members(partnership, ["Acme Ltd", "River NGO", "State Agency"])


def test_a_round_opens_today_with_the_items_in_catalogue_order(partnership, secretariat):
    row = open_round(partnership, secretariat, items=["SR-2", "CM-6"])
    assert row.opens_on == timezone.localdate()
    assert row.item_ids == ["CM-6", "SR-2"]
    assert row.is_open()


@pytest.mark.parametrize("items", [[], ["CS-1"], ["XX-9"]])
def test_only_manual_or_assisted_items_can_be_put_to_the_members(partnership, secretariat, items):
    with pytest.raises(ValidationError):
        open_round(partnership, secretariat, items=items)
    assert not HealthCheck.objects.exists()


def test_a_partner_cannot_open_a_round(partnership, partner):
    with pytest.raises(PermissionDenied):
        open_round(partnership, partner)


def test_each_organisation_has_one_score_per_item_and_can_change_it(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    score(row, three[0], CM_6=(2, "Little trust yet"))
    score(row, three[0], CM_6=(4, "Better after the retreat"))
    mine = HealthCheckScore.objects.get(health_check=row, item_id="CM-6")
    assert (mine.score, mine.comment, mine.organisation_name, mine.on_behalf) == (
        4,
        "Better after the retreat",
        "Acme Ltd",
        False,
    )


def test_the_database_refuses_a_second_score_of_the_same_organisation(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    first = score(row, three[0], CM_6=(3, ""))[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        HealthCheckScore.objects.create(
            health_check=row, item_id="CM-6", organisation_id=first.organisation_id, organisation_name="x", score=5
        )


def test_a_partner_cannot_score_for_another_organisation(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    other = three[1].contact.organisation
    with pytest.raises(PermissionDenied, match="only score this health check for your own organisation, Acme Ltd"):
        health_check_score(health_check=row, organisation=other, by=three[0], scores={"CM-6": (5, "")})
    assert not HealthCheckScore.objects.exists()


def test_a_closed_round_takes_no_more_scores(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    health_check_close(health_check=row, by=secretariat)
    with pytest.raises(ValidationError, match="closed"):
        score(row, three[0], CM_6=(5, ""))


def test_a_round_past_its_date_takes_no_more_scores(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    past = timezone.localdate() - dt.timedelta(days=1)
    HealthCheck.objects.filter(pk=row.pk).update(opens_on=past - dt.timedelta(days=14), closes_on=past)
    with pytest.raises(ValidationError, match="closed"):
        score(row, three[0], CM_6=(5, ""))


def test_the_secretariat_records_a_members_scores_marked_as_such(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    organisation = three[2].contact.organisation
    health_check_score(health_check=row, organisation=organisation, by=secretariat, scores={"PM-4": (3, "Workshop")})
    recorded = HealthCheckScore.objects.get()
    assert recorded.on_behalf and recorded.by == secretariat and recorded.organisation_name == "State Agency"


def test_an_item_outside_the_round_or_a_score_outside_1_to_5_is_refused(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    with pytest.raises(ValidationError):
        score(row, three[0], CS_6=(3, ""))
    with pytest.raises(ValidationError):
        score(row, three[0], CM_6=(6, ""))


def test_the_spread_and_who_scored_low(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    for user, value in zip(three, (2, 5, 4), strict=True):
        score(row, user, CM_6=(value, ""))
    entry = item_scores(row)[0]
    assert (entry.lowest, entry.highest, entry.spread, round(entry.mean, 2)) == (2, 5, 3, 3.67)
    assert [s.organisation_name for s in entry.low] == ["Acme Ltd"]
    assert entry.counts == [(1, 0), (2, 1), (3, 0), (4, 1), (5, 1)]


@override_settings(HEALTH_CHECK_PASS_AT=4, HEALTH_CHECK_WARN_AT=3)
def test_closing_writes_one_judgement_per_scored_item_with_the_result_of_the_mean(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    for user, (cm6, pm4) in zip(three, [(4, 3), (5, 2), (4, 3)], strict=True):  # CM-6 mean 4.3, PM-4 2.7
        score(row, user, CM_6=(cm6, ""), PM_4=(pm4, ""))
    score(row, three[0], SR_2=(3, ""))  # 3.0 from 1 member
    judgements = health_check_close(health_check=row, by=secretariat)
    assert {j.item_id: j.result for j in judgements} == {"CM-6": "pass", "PM-4": "fail", "SR-2": "warn"}
    cm6 = Judgement.objects.get(item_id="CM-6")
    assert cm6.note == "Health check Spring check: mean 4.3 from 3 of 3 members, spread 4-5"
    assert cm6.by == secretariat and cm6.partnership == partnership
    assert Judgement.objects.get(item_id="SR-2").note.endswith("mean 3.0 from 1 of 3 members, spread 3-3")
    assert Judgement.objects.get(item_id="PM-4").note.endswith("mean 2.7 from 3 of 3 members, spread 2-3")
    row.refresh_from_db()
    assert row.closed_at is not None and not row.is_open()


def test_closing_twice_writes_the_judgements_once(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    score(row, three[0], CM_6=(4, ""))
    health_check_close(health_check=row, by=secretariat)
    with pytest.raises(ValidationError):
        health_check_close(health_check=HealthCheck.objects.get(pk=row.pk), by=secretariat)
    assert Judgement.objects.count() == 1


def test_a_partner_cannot_close_a_round(partnership, secretariat, three):
    row = open_round(partnership, secretariat)
    with pytest.raises(PermissionDenied):
        health_check_close(health_check=row, by=three[0])


def test_the_next_checklist_evaluation_uses_the_rounds_result(partnership, secretariat, three):
    from phases.checks import Judgement as Verdict
    from phases.checks import evaluate

    row = open_round(partnership, secretariat, items=["CM-6"])
    for user in three:
        score(row, user, CM_6=(2, ""))
    stored = health_check_close(health_check=row, by=secretariat)[0]
    latest = {stored.item_id: Verdict(stored.result, stored.note, stored.at)}
    outcome = next(o for o in evaluate(partnership, judgements=latest) if o.item.id == "CM-6")
    assert outcome.result == "fail"
