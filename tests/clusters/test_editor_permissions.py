"""An editor of one cluster edits that cluster and nothing else, via the admin."""

from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from clusters.models import ClusterAdministration, NewsPage
from tests import factories as f
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_clusters():
    mols = f.ClusterPageFactory(title="Mols i Udvikling", slug="mols")
    midtlyn = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        slug="midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    return {
        "mols": mols,
        "mols_news": f.NewsIndexPageFactory(parent=mols, slug="nyheder"),
        "midtlyn": midtlyn,
        "midtlyn_news": f.NewsIndexPageFactory(parent=midtlyn, slug="nyheder"),
    }


@pytest.fixture
def mols_editor(two_clusters):
    user = f.UserFactory(email="redaktoer@mols.dk")
    user.groups.add(
        ClusterAdministration.objects.get(cluster=two_clusters["mols"]).editors_group
    )
    return user


@pytest.fixture
def editor_client(client, mols_editor):
    client.force_login(mols_editor)
    return client


def test_editor_can_open_own_cluster_and_not_the_other(two_clusters, editor_client):
    own = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[two_clusters["mols"].pk])
    )
    assert own.status_code == 200
    other = editor_client.get(
        reverse("wagtailadmin_pages:edit", args=[two_clusters["midtlyn"].pk])
    )
    assert other.status_code in (302, 403)
    listing = editor_client.get(
        reverse("wagtailadmin_explore", args=[two_clusters["midtlyn"].pk])
    )
    assert listing.status_code in (302, 403)


def test_editor_can_publish_news_in_own_cluster(two_clusters, editor_client):
    index = two_clusters["mols_news"]
    url = reverse("wagtailadmin_pages:add", args=["clusters", "newspage", index.pk])
    form = admin_form_data(
        editor_client.get(url).content.decode(), streamfields={"body": []}
    )
    form.update(
        {
            "title": "Plantekasserne er klar",
            "slug": "plantekasserne-er-klar",
            "intro": "Tak til alle der hjalp.",
            "date": "2026-11-20",
            "action-publish": "publish",
        }
    )
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = NewsPage.objects.get(slug="plantekasserne-er-klar")
    assert page.live
    assert page.get_parent().pk == index.pk


def test_editor_cannot_add_or_publish_in_the_other_cluster(two_clusters, editor_client):
    index = two_clusters["midtlyn_news"]
    url = reverse("wagtailadmin_pages:add", args=["clusters", "newspage", index.pk])
    assert editor_client.get(url).status_code in (302, 403)
    response = editor_client.post(
        url,
        {
            "title": "Indbrud",
            "slug": "indbrud",
            "intro": "x",
            "date": "2026-11-20",
            "action-publish": "publish",
        },
    )
    assert response.status_code in (302, 403)
    assert not NewsPage.objects.filter(slug="indbrud").exists()

    other = two_clusters["midtlyn"]
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[other.pk]),
        {"title": "Overtaget", "slug": other.slug, "action-publish": "publish"},
    )
    assert response.status_code in (302, 403)
    assert Page.objects.get(pk=other.pk).title == "Landet på Midtlyn"
    response = editor_client.post(reverse("wagtailadmin_pages:delete", args=[other.pk]))
    assert Page.objects.filter(pk=other.pk).exists()


def test_explorer_shows_editor_only_their_cluster(two_clusters, editor_client):
    response = editor_client.get(reverse("wagtailadmin_explore_root"), follow=True)
    html = response.content.decode()
    assert "Mols i Udvikling" in html
    assert "Landet på Midtlyn" not in html


def test_editor_uploads_images_into_own_collection_only(two_clusters, editor_client):
    from wagtail.images.tests.utils import get_test_image_file

    mols_collection = ClusterAdministration.objects.get(
        cluster=two_clusters["mols"]
    ).collection
    midtlyn_collection = ClusterAdministration.objects.get(
        cluster=two_clusters["midtlyn"]
    ).collection
    images = get_image_model().objects

    def upload():
        from django.core.files.uploadedfile import SimpleUploadedFile

        return SimpleUploadedFile(
            "torvet.png",
            get_test_image_file().file.getvalue(),
            content_type="image/png",
        )

    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Torvet", "file": upload(), "collection": midtlyn_collection.pk},
    )
    assert not images.filter(title="Torvet", collection=midtlyn_collection).exists()
    response = editor_client.post(
        reverse("wagtailimages:add"),
        {"title": "Torvet", "file": upload(), "collection": mols_collection.pk},
    )
    assert response.status_code == 302
    # Whatever collection is asked for, uploads land in the editor's own.
    assert images.filter(title="Torvet").count() >= 1
    assert set(images.filter(title="Torvet").values_list("collection", flat=True)) == {
        mols_collection.pk
    }

    image = get_image_model().objects.create(
        title="Midtlyns billede",
        file=get_test_image_file(),
        collection=midtlyn_collection,
    )
    response = editor_client.get(reverse("wagtailimages:edit", args=[image.pk]))
    assert response.status_code in (302, 403)
    listing = editor_client.get(reverse("wagtailimages:index")).content.decode()
    assert "Midtlyns billede" not in listing
