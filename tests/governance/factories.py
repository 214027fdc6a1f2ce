"""Factories and builders for roadmap and MoU tests."""

import factory

from governance import services
from governance.models import Clause, Milestone, MouVersion, ResultNode, RoadmapGoal, RoadmapVersion
from msp.models import Role
from tests.factories import ContactFactory, MembershipFactory, OrganisationFactory, RoleFactory, UserFactory


class RoadmapVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapVersion

    number = factory.Sequence(lambda n: n + 1)
    vision = "Every farm has water all year round."


class RoadmapGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoadmapGoal

    text = factory.Sequence(lambda n: f"Goal {n}")


class ResultNodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResultNode

    level = "impact"
    title = factory.Sequence(lambda n: f"Result {n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    title = factory.Sequence(lambda n: f"Milestone {n}")
    due_on = factory.Faker("date_between", start_date="+30d", end_date="+2y")


class MouVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MouVersion

    number = factory.Sequence(lambda n: n + 1)


class ClauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Clause

    type = "roles_responsibilities"
    title = factory.Sequence(lambda n: f"Clause {n}")
    text = "Each partner does its part."
    position = factory.Sequence(lambda n: n)


def member(partnership, username, *, org_name=None, may_sign=True, job_title="Director"):
    """A member organisation with one partner user who acts for it (and, by default, may sign)."""
    organisation = OrganisationFactory(name=org_name or f"{username.capitalize()} Organisation")
    MembershipFactory(partnership=partnership, organisation=organisation)
    user = UserFactory(username=username)
    RoleFactory(partnership=partnership, user=user, role=Role.PARTNER)
    ContactFactory(
        organisation=organisation, user=user, may_sign=may_sign, name=user.get_full_name(), job_title=job_title
    )
    return user


def roadmap_draft(partnership, by, *, goals=("Water for every farm",), vision="Water all year round."):
    version = services.roadmap_version_create(partnership=partnership, by=by)
    return services.roadmap_version_update(
        version=version, by=by, problem_statement="Drought.", vision=vision, goals=list(goals)
    )


def mou_draft(partnership, by, clauses=("Roles", "Exit")):
    version = services.mou_version_create(partnership=partnership, by=by)
    for title in clauses:
        services.clause_save(version=version, by=by, type="other", title=title, text=f"The text of {title}.")
    return version


def sign(version, user):
    """Sign as `user`, the way the form does: with the fingerprint of the text shown."""
    from stakeholders.models import ContactPerson

    version.refresh_from_db()
    contact = ContactPerson.objects.select_related("organisation").get(user=user)
    return services.mou_sign(
        version=version,
        by=user,
        organisation=contact.organisation,
        name=contact.name,
        position=contact.job_title,
        fingerprint=version.fingerprint,
    )
