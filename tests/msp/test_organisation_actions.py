"""Who may approve a roadmap, approve an MoU and sign an MoU, asked of msp.access directly: one test per action,
each with every refusal a person can meet and the message they read."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from msp import access
from msp.models import Partnership
from stakeholders.models import ContactPerson, Membership
from tests.factories import OrganisationFactory
from tests.governance.factories import MouVersionFactory, member


def refusal(user, action, partnership, organisation=None):
    """The message `user` is refused with, or None when `access` lets them act. Asks `can` too, so the yes/no
    and the raising form can never disagree. A fresh partnership object each time: facts are cached on it."""
    fresh = Partnership.objects.get(pk=partnership.pk)
    allowed = access.can(user, action, fresh, organisation=organisation)
    try:
        access.require(user, action, Partnership.objects.get(pk=partnership.pk), organisation=organisation)
    except PermissionDenied as exc:
        assert not allowed
        return str(exc)
    assert allowed
    return None


@pytest.fixture
def kofi(partnership):
    return member(partnership, "kofi", org_name="Ghana Cocoa Board")


@pytest.fixture
def kavokiva(partnership):
    member(partnership, "awa", org_name="Kavokiva")
    return ContactPerson.objects.get(user__username="awa").organisation


def refusals_common_to_every_organisation_action(action, doing, partnership, kofi, kavokiva, users):
    board = ContactPerson.objects.get(user=kofi).organisation

    assert refusal(kofi, action, partnership, organisation=board) is None
    assert access.require(kofi, action, partnership).organisation == board, "no organisation named: their own"

    assert refusal(kofi, action, partnership, organisation=kavokiva) == (
        f"You can only {doing} for your own organisation, Ghana Cocoa Board, not for Kavokiva."
    )

    # The secretariat is neutral, donors read: neither acts for an organisation (nor does a superuser).
    for role in ("secretariat", "donor", "superuser"):
        assert (
            refusal(users[role], action, partnership)
            == f"Your role on this partnership does not allow this ({action})."
        )
    with pytest.raises(Http404):
        access.require(users["outsider"], action, partnership)
    assert not access.can(users["outsider"], action, partnership)

    # A partner whose account is linked to no contact person acts for nobody.
    assert refusal(users["partner"], action, partnership) == (
        f"You are not registered as the contact person of an organisation, so you cannot {doing}."
    )

    ContactPerson.objects.filter(user=kofi).update(is_active=False)
    assert refusal(kofi, action, partnership) == f"Your contact record is marked inactive, so you cannot {doing}."
    ContactPerson.objects.filter(user=kofi).update(is_active=True)

    today = timezone.localdate()
    Membership.objects.filter(organisation=board).update(joined_on=today - timedelta(days=9), left_on=today)
    assert refusal(kofi, action, partnership) == (
        f"Ghana Cocoa Board is not an active member of this partnership, so you cannot {doing}."
    )
    Membership.objects.filter(organisation=board).update(left_on=None)
    assert refusal(kofi, action, partnership) is None


def test_who_may_approve_a_roadmap(partnership, kofi, kavokiva, users):
    refusals_common_to_every_organisation_action(
        "approve_roadmap", "approve this roadmap", partnership, kofi, kavokiva, users
    )
    ContactPerson.objects.filter(user=kofi).update(may_sign=False)
    assert refusal(kofi, "approve_roadmap", partnership) is None, "approving needs no right to sign"


def test_who_may_approve_an_mou(partnership, kofi, kavokiva, users):
    refusals_common_to_every_organisation_action("approve_mou", "approve this MoU", partnership, kofi, kavokiva, users)
    ContactPerson.objects.filter(user=kofi).update(may_sign=False)
    assert refusal(kofi, "approve_mou", partnership) is None, "approving needs no right to sign"


def test_who_may_sign_an_mou(partnership, kofi, kavokiva, users):
    refusals_common_to_every_organisation_action("sign_mou", "sign this MoU", partnership, kofi, kavokiva, users)
    ContactPerson.objects.filter(user=kofi).update(may_sign=False)
    assert refusal(kofi, "sign_mou", partnership) == (
        "You are not registered as allowed to sign for Ghana Cocoa Board. Ask the secretariat to record who may sign."
    )


def test_an_organisation_action_is_asked_about_a_version_as_about_its_partnership(partnership, kofi):
    version = MouVersionFactory(partnership=partnership)
    assert access.can(kofi, "sign_mou", version)
    assert access.require(kofi, "sign_mou", version).organisation.name == "Ghana Cocoa Board"


def test_nobody_able_to_act_is_reported_by_the_same_rule(partnership, kofi, kavokiva):
    lonely = OrganisationFactory(name="Lonely Co-operative")
    Membership.objects.create(partnership=partnership, organisation=lonely, role="partner")
    ContactPerson.objects.filter(user__username="awa").update(may_sign=False)
    organisations = [ContactPerson.objects.get(user=kofi).organisation, kavokiva, lonely]

    unable = {o.name: reason for o, reason in access.unable_to_act(partnership, organisations, "sign_mou")}
    assert unable == {"Kavokiva": "no_signer", "Lonely Co-operative": "no_partner"}
    unable = {o.name: reason for o, reason in access.unable_to_act(partnership, organisations, "approve_mou")}
    assert unable == {"Lonely Co-operative": "no_partner"}

    ContactPerson.objects.filter(user=kofi).update(is_active=False)
    unable = dict(access.unable_to_act(partnership, organisations[:1], "approve_roadmap"))
    assert list(unable.values()) == ["no_partner"], "an inactive contact person acts for nobody"
