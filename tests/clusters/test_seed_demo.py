"""The demo seed: realistic Danish content, idempotent, and careful with passwords."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.utils import timezone

from wagtail.models import Collection, Page, Revision

import pytest

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    FundingPool,
    MeetingPlacePage,
    NewsPage,
    SteeringGroupMember,
    SurveyFormField,
    SurveyPage,
    Task,
    Village,
)
from clusters.municipalities import MUNICIPALITY_NAMES
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db

HAND_WRITTEN = {
    "mols-i-udvikling": "syddjurs",
    "landet-mellem-fjordene": "randers",
    "landet-paa-midtlyn": "faaborg-midtfyn",
}
EDITORS = {
    "mols-i-udvikling": "redaktoer@molsiudvikling.dk",
    "landet-mellem-fjordene": "redaktoer@landetmellemfjordene.dk",
    "landet-paa-midtlyn": "redaktoer@landetpaamidtlyn.dk",
}


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", "--no-progress", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = [
        Page,
        Revision,
        get_user_model(),
        Group,
        Collection,
        FundingPool,
        Task,
        Village,
        SteeringGroupMember,
        SurveyFormField,
        NewsPage.tags.through,
    ]
    return {model.__name__: model.objects.count() for model in models}


def in_denmark(latitude, longitude) -> bool:
    return 54.8 <= latitude <= 57.6 and 8.2 <= longitude <= 12.6


@pytest.fixture
def demo():
    return seed()


def test_three_hand_written_clusters_with_villages_and_organisation(demo):
    clusters = {c.slug: c for c in ClusterPage.objects.live()}
    assert set(clusters) == set(HAND_WRITTEN)
    assert len({c.phase for c in clusters.values()}) == 3
    for slug, municipality in HAND_WRITTEN.items():
        cluster = clusters[slug]
        assert cluster.municipality == municipality
        villages = list(cluster.villages.all())
        assert 4 <= len(villages) <= 8
        for village in villages:
            assert in_denmark(village.latitude, village.longitude), village
            assert len(village.postcode) == 4 and village.postcode.isdigit()
        assert in_denmark(cluster.latitude, cluster.longitude)
        assert cluster.steering_group.count() >= 3
        assert cluster.contact_email and cluster.municipal_contact
        assert "<h2>" in cluster.vision
        assert {"heading", "paragraph", "fact_box", "call_to_action"} <= {
            block.block_type for block in cluster.description
        }
        assert all(
            block.value.url()
            for block in cluster.description
            if block.block_type == "call_to_action"
        )
    fjorde = clusters["landet-mellem-fjordene"].villages.values_list("name", flat=True)
    assert {"Havndal", "Udbyhøj", "Øster Tørslev"} <= set(fjorde)


def test_action_plans_have_the_planter_facebook_and_budget_tasks(demo):
    for slug in HAND_WRITTEN:
        cluster = ClusterPage.objects.get(slug=slug)
        plans = ActionPlanPage.objects.live().descendant_of(cluster)
        assert plans.exists()
        assert all(plan.funding_pools.exists() for plan in plans)
        tasks = Task.objects.filter(page__in=plans)
        planter = tasks.get(title="Byg plantekasser til torvet")
        assert "tømrer" in planter.skill_phrases and "snedker" in planter.skills
        facebook = tasks.get(title="Driv klyngens Facebook-side")
        assert {"sociale medier", "facebook"} <= set(facebook.skill_phrases)
        budget = tasks.filter(title__startswith="Lav budget for").first()
        assert budget is not None and "regnskab" in budget.skills
        assert tasks.filter(good_first_task=True).exists()
        assert tasks.count() >= 5


def test_meeting_places_have_facilities_and_events_are_upcoming(demo):
    places = MeetingPlacePage.objects.live()
    assert {"forsamlingshus", "hal", "skole", "kirke", "friluft"} <= {
        place.kind for place in places
    }
    for place in places:
        assert place.facilities.exists(), place
        assert place.capacity and place.address and place.booking_contact
        assert in_denmark(place.latitude, place.longitude)
        assert place.village.cluster_id == place.cluster.pk

    events = EventPage.objects.live()
    assert events.count() >= 9
    for event in events:
        assert event.start > timezone.now()
        assert event.end > event.start
        assert event.meeting_place.cluster.pk == event.cluster.pk


def test_news_surveys_and_site_pages(demo):
    today = timezone.localdate()
    news = NewsPage.objects.live()
    assert news.count() >= 9
    assert all(item.date <= today and item.tags.exists() for item in news)
    assert len({item.date.month for item in news}) >= 2

    for survey in SurveyPage.objects.live():
        types = set(survey.form_fields.values_list("field_type", flat=True))
        assert {"singleline", "multiline", "checkboxes", "dropdown"} <= types
        dropdown = survey.form_fields.get(field_type="dropdown")
        assert dropdown.choices.count("\n") >= 4
    assert SurveyPage.objects.live().count() == 3

    home = HomePage.objects.get(depth=2)
    assert home.title == "Landsbyklynger i Danmark" and home.intro
    about = StandardPage.objects.child_of(home).get(slug="om")
    assert about.live and "Privatliv" in str(about.body)


def test_pages_are_published_from_a_revision(demo):
    pages = Page.objects.filter(depth__gte=3)
    assert pages.count() > 50
    assert not pages.filter(live=False).exists()
    assert not pages.filter(live_revision__isnull=True).exists()
    assert not pages.filter(has_unpublished_changes=True).exists()


def test_accounts_and_groups(demo):
    user_model = get_user_model()
    admin = user_model.objects.get(email="admin@klyngeportal.dk")
    assert admin.is_superuser and admin.is_staff

    for slug, email in EDITORS.items():
        group = ClusterPage.objects.get(slug=slug).administration.editors_group
        editor = user_model.objects.get(email=email)
        assert list(editor.groups.all()) == [group]
        assert editor.has_perm("wagtailadmin.access_admin")

    staff = user_model.objects.get(email="kommune@syddjurs.dk")
    assert list(staff.groups.values_list("name", flat=True)) == ["Kommune: Syddjurs"]
    assert staff.has_perm("wagtailadmin.access_admin")
    assert not staff.is_superuser


def test_running_again_duplicates_nothing_and_keeps_passwords():
    seed()
    before = counts()
    hashes = dict(get_user_model().objects.values_list("email", "password"))

    output = seed()

    assert counts() == before
    assert dict(get_user_model().objects.values_list("email", "password")) == hashes
    assert "Nothing to create" in output

    seed("--reset-passwords")
    assert counts() == before
    after = dict(get_user_model().objects.values_list("email", "password"))
    # Demo accounts get new passwords; generated residents cannot log in at all.
    accounts = [email for email, hashed in hashes.items() if not hashed.startswith("!")]
    assert len(accounts) == 8
    assert all(after[email] != hashes[email] for email in accounts)


@pytest.mark.parametrize("allowed", [True, False])
def test_passwords_are_printed_only_where_allowed(settings, allowed):
    settings.SEED_DEMO_PRINT_PASSWORDS = allowed

    output = seed()

    # The demo accounts: administrator, three editors, three municipal staff and
    # one resident; the generated residents have no usable password.
    users = [u for u in get_user_model().objects.all() if u.has_usable_password()]
    assert len(users) == 8
    words = output.split()
    for user in users:
        assert user.email in output
        printed = [word for word in words if user.check_password(word)]
        assert len(printed) == (1 if allowed else 0), user.email
    assert ("changepassword" in output) is not allowed


def test_scale_options_generate_clusters_news_and_tasks():
    seed("--clusters", "6", "--news", "30", "--tasks", "20")
    before = counts()

    clusters = ClusterPage.objects.live()
    assert clusters.count() == 6
    generated = clusters.filter(slug__startswith="klynge-")
    assert sorted(generated.values_list("slug", flat=True)) == [
        "klynge-0004",
        "klynge-0005",
        "klynge-0006",
    ]
    for cluster in generated:
        assert cluster.municipality in MUNICIPALITY_NAMES
        assert 4 <= cluster.villages.count() <= 8
        assert all(in_denmark(v.latitude, v.longitude) for v in cluster.villages.all())
        assert NewsPage.objects.live().descendant_of(cluster).exists()
    assert NewsPage.objects.live().count() >= 30 + 13
    generated_news = NewsPage.objects.filter(latest_revision__isnull=True)
    assert generated_news.count() == 30
    assert all(page.first_published_at for page in generated_news)
    # Indexed in bulk rather than on save: still found by search.
    sample = generated_news.first()
    assert sample in list(NewsPage.objects.live().search(sample.title))

    # Each plan's latest revision holds its tasks, generated ones included.
    for plan in ActionPlanPage.objects.all():
        revision_tasks = plan.latest_revision.content["tasks"]
        assert len(revision_tasks) == plan.tasks.count()

    seed("--clusters", "6", "--news", "30", "--tasks", "20")
    assert counts() == before


def test_fewer_than_three_clusters_still_builds_the_hand_written_ones():
    seed("--clusters", "1")
    assert ClusterPage.objects.count() == 3


@pytest.mark.parametrize(
    "args",
    [
        ["--news", "-1"],
        ["--tasks", "-5"],
        ["--clusters", "-2"],
        ["--clusters", "10000"],
        ["--news", "many"],
    ],
)
def test_bad_arguments_are_refused(args):
    with pytest.raises(CommandError):
        seed(*args)
    assert not ClusterPage.objects.exists()
