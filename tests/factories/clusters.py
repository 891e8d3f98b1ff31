import datetime as dt

from django.utils import timezone

import factory

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    FundingPool,
    MeetingPlacePage,
    NewsIndexPage,
    NewsPage,
    SteeringGroupMember,
    SurveyPage,
    Task,
    Village,
)

from .home import DanishPageFactory, home_page


class ClusterPageFactory(DanishPageFactory):
    """A live cluster under the home page, with one village at Knebel on Mols."""

    title = factory.Sequence(lambda n: f"Klynge {n}")
    municipality = "syddjurs"
    phase = "kortlaegning"
    intro = "Landsbyerne arbejder sammen om fællesskab og natur."
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ClusterPage
        skip_postgeneration_save = True

    @factory.post_generation
    def villages(obj, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            extracted = [("Knebel", "8420", 56.2145, 10.4876)]
        for name, postcode, lat, lng in extracted:
            Village.objects.create(
                cluster=obj, name=name, postcode=postcode, latitude=lat, longitude=lng
            )
        if extracted:
            obj.update_centre()
            ClusterPage.objects.filter(pk=obj.pk).update(
                latitude=obj.latitude, longitude=obj.longitude
            )


class VillageFactory(factory.django.DjangoModelFactory):
    cluster = factory.SubFactory(ClusterPageFactory)
    name = factory.Sequence(lambda n: f"Landsby {n}")
    postcode = "8420"
    latitude = 56.21
    longitude = 10.49

    class Meta:
        model = Village


class SteeringGroupMemberFactory(factory.django.DjangoModelFactory):
    cluster = factory.SubFactory(ClusterPageFactory)
    name = factory.Faker("name", locale="da_DK")
    role = "Formand"
    village = "Knebel"

    class Meta:
        model = SteeringGroupMember


class NewsIndexPageFactory(DanishPageFactory):
    title = "Nyheder"
    slug = "nyheder-fra-klyngen"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(DanishPageFactory):
    title = factory.Sequence(lambda n: f"Nyhed {n}")
    date = factory.LazyFunction(timezone.localdate)
    intro = "Frivillige byggede plantekasser i weekenden."

    class Meta:
        model = NewsPage


class MeetingPlacePageFactory(DanishPageFactory):
    title = factory.Sequence(lambda n: f"Forsamlingshus {n}")
    kind = "forsamlingshus"
    capacity = 120
    address = "Vestervej 1, 8420 Knebel"
    latitude = 56.2151
    longitude = 10.4862

    class Meta:
        model = MeetingPlacePage


class EventPageFactory(DanishPageFactory):
    title = factory.Sequence(lambda n: f"Fællesspisning {n}")
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=3))
    intro = "Vi spiser sammen i forsamlingshuset."

    class Meta:
        model = EventPage


class ActionPlanPageFactory(DanishPageFactory):
    title = factory.Sequence(lambda n: f"Handleplan {n}")
    focus_area = "Natur og friluftsliv"
    goal = "Flere mødes ude i naturen året rundt."

    class Meta:
        model = ActionPlanPage


class TaskFactory(factory.django.DjangoModelFactory):
    page = factory.SubFactory(ActionPlanPageFactory)
    title = factory.Sequence(lambda n: f"Byg plantekasser {n}")
    description = "Vi bygger plantekasser til torvet."
    skills = "tømrer, snedker"
    volunteers_needed = 3

    class Meta:
        model = Task


class SurveyPageFactory(DanishPageFactory):
    title = "Kortlægning af mødesteder"

    class Meta:
        model = SurveyPage


class FundingPoolFactory(factory.django.DjangoModelFactory):
    """A pool every municipality can apply to; give `municipality` (and
    owner_type="kommunal") for a municipality's own."""

    name = factory.Sequence(lambda n: f"Landdistriktspuljen {n}")
    owner = "Landdistrikternes Pulje"
    owner_type = "national"
    amount = 250000

    class Meta:
        model = FundingPool
