import factory

from accounts.models import User


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    # Fixed, unmistakable names: a random one ("Karl") could turn up in a page
    # where a test asserts that someone else's name does not.
    first_name = factory.Sequence(lambda n: f"Fornavn{n}")
    last_name = "Efternavnsen"
    password = factory.django.Password("correct horse battery staple")

    class Meta:
        model = User
        django_get_or_create = ["email"]


class MunicipalStaffFactory(UserFactory):
    """A member of the staff group of one municipality ("Kommune: Syddjurs")."""

    email = factory.Sequence(lambda n: f"medarbejder{n}@kommune.dk")

    class Meta:
        skip_postgeneration_save = True

    @factory.post_generation
    def municipality(obj, create, extracted, **kwargs):
        if not create:
            return
        from django.contrib.auth.models import Group

        from clusters.municipalities import staff_group_name

        group, _ = Group.objects.get_or_create(
            name=staff_group_name(extracted or "syddjurs")
        )
        obj.groups.add(group)
