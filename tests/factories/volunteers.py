import factory
from allauth.account.models import EmailAddress

from volunteers.models import (
    Consent,
    ConsentPurpose,
    Signup,
    VolunteerProfile,
    VolunteerSkill,
)

from .accounts import UserFactory


class ResidentFactory(UserFactory):
    """A resident whose e-mail address is verified, as after allauth's sign-up."""

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.get_or_create(
                user=obj, email=obj.email, defaults={"verified": True, "primary": True}
            )


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(ResidentFactory)
    display_name = factory.Sequence(lambda n: f"Beboer{n}")
    postcode = "8420"

    class Meta:
        model = VolunteerProfile
        skip_postgeneration_save = True

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        """Matching consent, given unless consent=False."""
        if create and extracted is not False:
            Consent.objects.create(
                user=obj.user, purpose=ConsentPurpose.MATCHING, text_version="test"
            )


class VolunteerSkillFactory(factory.django.DjangoModelFactory):
    profile = factory.SubFactory(VolunteerProfileFactory)
    phrase = factory.Sequence(lambda n: f"færdighed {n}")

    class Meta:
        model = VolunteerSkill


class SignupFactory(factory.django.DjangoModelFactory):
    volunteer = factory.SubFactory(VolunteerProfileFactory)

    class Meta:
        model = Signup
