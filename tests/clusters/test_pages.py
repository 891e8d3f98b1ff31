"""Every page type renders, is routable, and sits only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from clusters.models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    MeetingPlacePage,
    NewsIndexPage,
    NewsPage,
    SurveyPage,
)
from home.models import HomePage, StandardPage
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "key", ["cluster", "news_index", "news", "place", "event", "plan", "survey"]
)
def test_every_page_type_renders_and_is_routable(site_tree, client, key):
    page = site_tree[key]
    response = client.get(page.url)
    assert response.status_code == 200
    assert page.title in response.content.decode()
    assert response.context["page"].pk == page.pk


def test_home_page_lists_clusters_with_map_data(site_tree, client):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mols i Udvikling" in html
    assert 'id="clusters-map-data"' in html
    assert "Plantekasser på torvet" in html  # latest news across clusters


def test_cluster_page_shows_phase_progress(site_tree, client):
    html = client.get(site_tree["cluster"].url).content.decode()
    # Kortlægning is the second of five phases: one done, one current.
    assert html.count("phase-step--done") == 1
    assert 'aria-current="step"' in html
    assert html.count("phase-step--todo") == 3


def test_cluster_page_lists_its_meeting_places_news_events_and_plans(site_tree, client):
    html = client.get(site_tree["cluster"].url).content.decode()
    for key in ("place", "news", "event", "plan"):
        assert site_tree[key].title in html
    assert "Knebel" in html and "Femmøller" in html


def test_action_plan_page_shows_its_tasks(site_tree, client):
    html = client.get(site_tree["plan"].url).content.decode()
    assert "Byg plantekasser" in html
    # The required skills as chips, in the editor's words.
    assert '<li class="skill-chip">tømrer</li>' in html
    assert '<li class="skill-chip">snedker</li>' in html


def test_survey_submission_is_stored(site_tree, client):
    from wagtail.contrib.forms.models import FormSubmission

    from clusters.models import SurveyFormField

    survey = site_tree["survey"]
    field = SurveyFormField.objects.create(
        page=survey,
        label="Hvilket mødested bruger du?",
        field_type="singleline",
        required=True,
    )
    field.refresh_from_db()
    response = client.get(survey.url)
    assert "Hvilket mødested bruger du?" in response.content.decode()
    response = client.post(survey.url, {field.clean_name: "Forsamlingshuset"})
    assert response.status_code == 200
    submission = FormSubmission.objects.get(page=survey)
    assert submission.get_data()[field.clean_name] == "Forsamlingshuset"


class TestTree(WagtailPageTestCase):
    def test_parent_and_child_rules(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ClusterPage, StandardPage})
        self.assertAllowedParentPageTypes(ClusterPage, {HomePage})
        self.assertAllowedSubpageTypes(
            ClusterPage,
            {
                NewsIndexPage,
                MeetingPlacePage,
                EventPage,
                ActionPlanPage,
                SurveyPage,
                StandardPage,
            },
        )
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        for leaf in (NewsPage, MeetingPlacePage, EventPage, ActionPlanPage, SurveyPage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(HomePage, MeetingPlacePage)
        self.assertCanNotCreateAt(ClusterPage, ClusterPage)

    def test_only_one_home_page_and_one_news_index_per_cluster(self):
        assert HomePage.max_count == 1
        cluster = f.ClusterPageFactory()
        assert NewsIndexPage.can_create_at(cluster)
        f.NewsIndexPageFactory(parent=cluster)
        assert not NewsIndexPage.can_create_at(cluster)

    def test_pages_render_through_wagtail(self):
        cluster = f.ClusterPageFactory()
        self.assertPageIsRenderable(cluster)
        self.assertPageIsRoutable(cluster)
        self.assertPageIsRenderable(f.MeetingPlacePageFactory(parent=cluster))


def test_every_page_type_is_indexed_for_search():
    from wagtail.search.index import SearchField

    for model in (
        HomePage,
        StandardPage,
        ClusterPage,
        NewsIndexPage,
        NewsPage,
        MeetingPlacePage,
        EventPage,
        ActionPlanPage,
        SurveyPage,
    ):
        names = {
            f.field_name
            for f in model.get_search_fields()
            if isinstance(f, SearchField)
        }
        assert "title" in names, model
        assert len(names) > 1, model


def test_slugs_transliterate_danish_letters(cluster):
    page = cluster.add_child(
        instance=EventPage(
            title="Fællesspisning på Ærø", start="2026-12-24T18:00:00+01:00"
        )
    )
    assert page.slug == "faellesspisning-paa-aeroe"


def test_private_pages_stay_out_of_listings(site_tree, client):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=site_tree["news_index"], restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get(site_tree["cluster"].url).content.decode()
    assert "Plantekasser på torvet" not in html
    assert "Knebel Forsamlingshus" in html


def test_news_index_finds_its_items_and_answers_404_for_others(site_tree, client):
    index = site_tree["news_index"]
    assert client.get(f"{index.url}plantekasser/").status_code == 200
    assert client.get(f"{index.url}findes-ikke/").status_code == 404
    # A page of another kind with the same slug elsewhere is not a news item here.
    assert client.get(f"{index.url}knebel-forsamlingshus/").status_code == 404
    site_tree["news"].unpublish()
    assert client.get(f"{index.url}plantekasser/").status_code == 404


def test_breadcrumbs_and_cluster_are_the_same_without_routing(site_tree, client):
    """A page loaded straight from the database (as in a preview) asks for them."""
    from core.templatetags.core_tags import breadcrumb_trail

    news = NewsPage.objects.get(pk=site_tree["news"].pk)
    assert [p.title for p in breadcrumb_trail(news)] == [
        p.title for p in news.get_ancestors().filter(depth__gt=1)
    ]
    assert news.cluster.pk == site_tree["cluster"].pk
    html = client.get(news.url).content.decode()
    assert site_tree["cluster"].title in html
