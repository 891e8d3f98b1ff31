"""Cached sections of the home and cluster pages change as soon as editors publish."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def _publish_title(page, title):
    page.title = title
    page.save_revision().publish()


def test_home_page_shows_a_new_renamed_or_withdrawn_cluster_at_once(client):
    first = f.ClusterPageFactory(title="Mols i Udvikling")
    assert "Mols i Udvikling" in client.get("/").content.decode()  # now cached

    second = f.ClusterPageFactory(title="Landet på Midtlyn")
    assert "Landet på Midtlyn" in client.get("/").content.decode()

    _publish_title(first, "Mols i Fællesskab")
    html = client.get("/").content.decode()
    assert "Mols i Fællesskab" in html
    assert "Mols i Udvikling" not in html

    second.unpublish()
    assert "Landet på Midtlyn" not in client.get("/").content.decode()


def test_home_page_leaves_out_a_cluster_once_it_is_restricted(client):
    from wagtail.models import PageViewRestriction

    cluster = f.ClusterPageFactory(title="Klyngen bag kodeord")
    assert "Klyngen bag kodeord" in client.get("/").content.decode()
    PageViewRestriction.objects.create(
        page=cluster, restriction_type=PageViewRestriction.PASSWORD, password="hemmelig"
    )
    assert "Klyngen bag kodeord" not in client.get("/").content.decode()


def test_cluster_page_shows_new_news_of_its_own_and_of_its_neighbours(client):
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    neighbour = f.ClusterPageFactory(
        title="Helgenæs", villages=[("Vistoft", "8420", 56.20, 10.52)]
    )
    own_index = f.NewsIndexPageFactory(parent=cluster)
    neighbour_index = f.NewsIndexPageFactory(parent=neighbour)
    assert "Ny bålhytte" not in client.get(cluster.url).content.decode()  # cached

    f.NewsPageFactory(parent=own_index, title="Ny bålhytte ved stranden")
    assert "Ny bålhytte ved stranden" in client.get(cluster.url).content.decode()

    f.NewsPageFactory(parent=neighbour_index, title="Fællesspisning i Vistoft")
    assert "Fællesspisning i Vistoft" in client.get(cluster.url).content.decode()


def test_cluster_page_drops_an_unpublished_meeting_place_and_shows_a_renamed_one(
    client,
):
    cluster = f.ClusterPageFactory()
    hall = f.MeetingPlacePageFactory(parent=cluster, title="Knebel Hallen")
    house = f.MeetingPlacePageFactory(parent=cluster, title="Knebel Forsamlingshus")
    html = client.get(cluster.url).content.decode()
    assert "Knebel Hallen" in html and "Knebel Forsamlingshus" in html

    hall.unpublish()
    _publish_title(house, "Knebel Kulturhus")
    html = client.get(cluster.url).content.decode()
    assert "Knebel Hallen" not in html
    assert "Knebel Kulturhus" in html
    assert "Knebel Forsamlingshus" not in html


def test_cluster_page_is_cached_per_language(client):
    cluster = f.ClusterPageFactory()
    danish = client.get(cluster.url).content.decode()
    english = client.get(f"/en{cluster.url}").content.decode()
    assert "Mødesteder" in danish
    assert "Meeting places" in english
    assert "Mødesteder" not in english
