import factory
from django.contrib.auth import get_user_model

from msp.models import Partnership, PartnershipRole, Role
from phases.models import PhaseTransition


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pw")


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Partnership {n}")
    problem_statement = "Smallholders lose their harvest to drought."
    planned_approach = "Water harvesting with farmer groups."
    currency_id = "EUR"

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)

    @factory.post_generation
    def sdg_goals(self, create, extracted, **kwargs):
        if create and extracted:
            self.sdg_goals.set(extracted)

    @factory.post_generation
    def sdg_targets(self, create, extracted, **kwargs):
        if create and extracted:
            self.sdg_targets.set(extracted)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipRole

    partnership = factory.SubFactory(PartnershipFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.PARTNER


class TransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PhaseTransition

    partnership = factory.SubFactory(PartnershipFactory)
    from_phase = 1
    to_phase = 2


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.Organisation"

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = "civil_society"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.ContactPerson"

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Faker("name")
    email = factory.Sequence(lambda n: f"contact{n}@org.example")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "stakeholders.Membership"

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = "partner"
