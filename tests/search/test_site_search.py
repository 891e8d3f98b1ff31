"""Site search at /soeg/: every published page, filters, snippets, typos, promotions."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest
from bs4 import BeautifulSoup

from search import site
from tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/soeg/"


@pytest.fixture
def world():
    mols = f.ClusterPageFactory(title="Mols i Udvikling", municipality="syddjurs")
    fjord = f.ClusterPageFactory(
        title="Landet mellem fjordene",
        municipality="randers",
        villages=[("Fårup", "8990", 56.5, 9.8)],
    )
    news = f.NewsIndexPageFactory(parent=mols)
    return {
        "mols": mols,
        "fjord": fjord,
        "hall": f.MeetingPlacePageFactory(
            parent=mols,
            title="Knebel Forsamlingshus",
            intro="Forsamlingshus med stort køkken og plads til 120 gæster.",
        ),
        "fjord_hall": f.MeetingPlacePageFactory(
            parent=fjord,
            title="Fårup Forsamlingshus",
            intro="Byens forsamlingshus ved kirken.",
        ),
        "news": f.NewsPageFactory(
            parent=news,
            title="Ny multibane ved skolen",
            intro="Multibanen åbner til sommer, og alle er velkomne.",
        ),
        "plan": f.ActionPlanPageFactory(parent=mols, title="Grønne landsbyer"),
        "draft": f.MeetingPlacePageFactory(
            parent=mols, title="Hemmeligt forsamlingshus", live=False
        ),
    }


def _results(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        (
            li.select_one(".search-result__title").get_text(strip=True),
            li.select_one(".badge").get_text(strip=True),
        )
        for li in soup.select("ol.search-results > li")
    ]


def test_finds_published_pages_of_every_kind_with_type_and_cluster(client, world):
    response = client.get(URL, {"q": "forsamlingshus"})
    assert response.status_code == 200
    found = _results(response)
    assert ("Knebel Forsamlingshus", "Mødested") in found
    assert ("Fårup Forsamlingshus", "Mødested") in found
    assert all(title != "Hemmeligt forsamlingshus" for title, _type in found)
    html = response.content.decode()
    assert "Mols i Udvikling" in html  # the result's cluster
    assert _results(client.get(URL, {"q": "multibane"})) == [
        ("Ny multibane ved skolen", "Nyhed")
    ]


def test_snippets_mark_the_words_searched_for_and_escape_the_rest(world):
    snippet = site.highlight(
        "Vi har <b>stort</b> køkken. Forsamlingshuset er til alle.", "køkken"
    )
    assert "<mark>køkken</mark>" in snippet
    assert "&lt;b&gt;stort&lt;/b&gt;" in snippet
    # A Danish inflection of the word is marked too.
    assert "<mark>Forsamlingshuset</mark>" in site.highlight(
        "Forsamlingshuset er til alle.", "forsamlingshus"
    )


def test_filters_by_type_municipality_and_cluster(client, world):
    by_type = _results(client.get(URL, {"q": "multibane", "type": "moedested"}))
    assert by_type == []
    in_randers = _results(
        client.get(URL, {"q": "forsamlingshus", "kommune": "randers"})
    )
    assert [title for title, _t in in_randers] == ["Fårup Forsamlingshus"]
    in_mols = _results(
        client.get(
            URL,
            {"q": "forsamlingshus", "kommune": "syddjurs", "klynge": world["mols"].pk},
        )
    )
    assert [title for title, _t in in_mols] == ["Knebel Forsamlingshus"]


def test_bad_filters_give_a_clear_error_and_no_500(client, world):
    response = client.get(URL, {"q": "forsamlingshus", "type": "hemmelig"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ret de markerede felter" in html
    assert _results(response) == []
    # A cluster left over from another municipality: the municipality is searched.
    response = client.get(
        URL,
        {"q": "forsamlingshus", "kommune": "randers", "klynge": world["mols"].pk},
    )
    assert response.status_code == 200
    assert [title for title, _t in _results(response)] == ["Fårup Forsamlingshus"]


def test_a_misspelt_query_offers_mente_du(client, world):
    soup = BeautifulSoup(client.get(URL, {"q": "forsamlinghus"}).content, "html.parser")
    suggestion = soup.select_one(".suggestion a")
    assert suggestion is not None
    assert suggestion.get_text(strip=True) == "forsamlingshus"
    assert "Mente du" in soup.select_one(".suggestion").get_text()
    assert site.suggestion("multibne") == "multibane"
    # A word the site uses is left alone.
    assert site.suggestion("forsamlingshus") is None


def test_results_are_paginated(client, world):
    for n in range(site.RESULTS_PER_PAGE + 2):
        f.MeetingPlacePageFactory(
            parent=world["mols"], title=f"Spejderhytte {n}", intro="En spejderhytte."
        )
    first = client.get(URL, {"q": "spejderhytte"})
    assert len(_results(first)) == site.RESULTS_PER_PAGE
    second = client.get(URL, {"q": "spejderhytte", "side": 2})
    assert len(_results(second)) == 2
    assert "Side 2 af 2" in second.content.decode()


def test_editors_promote_a_result_and_terms_are_logged_without_people(client, world):
    query = Query.get("udlejning")
    SearchPromotion.objects.create(
        query=query, page=world["hall"], description="Lej forsamlingshuset her."
    )
    response = client.get(URL, {"q": "Udlejning"})
    soup = BeautifulSoup(response.content, "html.parser")
    promoted = soup.select(".search-result--promoted a")
    assert [a.get_text(strip=True) for a in promoted] == ["Knebel Forsamlingshus"]
    query.refresh_from_db()
    assert query.hits == 1
    client.get(URL, {"q": "udlejning", "side": 2})  # paging is not a new search
    query.refresh_from_db()
    assert query.hits == 1
    field_names = {field.name for field in Query._meta.get_fields()}
    assert not field_names & {"user", "ip", "ip_address", "session"}


def test_the_search_box_is_on_every_page(client, world):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    form = soup.select_one("form.site-search")
    assert form["action"] == URL
    assert soup.select_one(f"label[for={form.input['id']}]")


def test_search_editors_may_promote_results_and_cluster_editors_may_not():
    from django.contrib.auth.models import Group

    curator = f.UserFactory()
    curator.groups.add(Group.objects.get(name="Søgeredaktører"))
    assert curator.has_perm("wagtailsearchpromotions.add_searchpromotion")
    assert curator.has_perm("wagtailadmin.access_admin")
    editor = f.UserFactory()
    cluster = f.ClusterPageFactory()
    from clusters.models import ClusterAdministration

    editor.groups.add(ClusterAdministration.objects.get(cluster=cluster).editors_group)
    assert not editor.has_perm("wagtailsearchpromotions.add_searchpromotion")


def test_nothing_behind_a_view_restriction_leaks_into_promotions_or_suggestions(
    client, world
):
    from wagtail.models import PageViewRestriction

    secret = f.MeetingPlacePageFactory(
        parent=world["mols"], title="Skjult lade", intro="Kornmagasinet er lukket."
    )
    PageViewRestriction.objects.create(
        page=secret, restriction_type="password", password="hemmelig"
    )
    SearchPromotion.objects.create(query=Query.get("lade"), page=secret)
    soup = BeautifulSoup(client.get(URL, {"q": "lade"}).content, "html.parser")
    assert soup.select(".search-result--promoted") == []
    assert "Skjult lade" not in soup.get_text()
    assert "kornmagasinet" not in site.vocabulary()
    assert "forsamlingshus" in site.vocabulary()


def test_suggestions_follow_new_pages_within_minutes_and_restrictions_at_once(
    world, monkeypatch
):
    from wagtail.models import PageViewRestriction

    barn = f.MeetingPlacePageFactory(
        parent=world["mols"], title="Lade", intro="Kornmagasinet ved åen."
    )
    assert "kornmagasinet" in site.vocabulary()
    # A new page's words wait for the next rebuild (at most VOCABULARY_STALE_SECONDS).
    f.NewsPageFactory(
        parent=world["news"].get_parent(), title="Høstfest", intro="Traktortræk."
    )
    assert "traktortræk" not in site.vocabulary()
    monkeypatch.setattr(site, "VOCABULARY_STALE_SECONDS", 0)
    assert "traktortræk" in site.vocabulary()
    monkeypatch.undo()
    # A view restriction takes the words away at once.
    PageViewRestriction.objects.create(
        page=barn, restriction_type="password", password="hemmelig"
    )
    assert "kornmagasinet" not in site.vocabulary()
