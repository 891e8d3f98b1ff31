"""Search and the municipal pages in Chromium, checked with axe-core."""

import re

import pytest

from tests import factories as f
from tests.browser.helpers import assert_accessible, assert_same_origin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site(db):
    mols = f.ClusterPageFactory(
        title="Mols i Udvikling",
        slug="mols-i-udvikling",
        villages=[("Knebel", "8420", 56.2145, 10.4876)],
    )
    fjord = f.ClusterPageFactory(
        title="Landet mellem fjordene",
        slug="landet-mellem-fjordene",
        municipality="randers",
        villages=[("Fårup", "8990", 56.52, 9.83)],
    )
    hall = f.MeetingPlacePageFactory(
        parent=mols,
        title="Knebel Forsamlingshus",
        slug="knebel-forsamlingshus",
        intro="Forsamlingshus med køkken og plads til 120.",
        village=mols.villages.get(name="Knebel"),
        latitude=56.2145,
        longitude=10.4876,
        capacity=120,
    )
    f.MeetingPlacePageFactory(
        parent=fjord, title="Fårup Forsamlingshus", intro="Byens forsamlingshus."
    )
    index = f.NewsIndexPageFactory(parent=mols, slug="nyheder")
    f.NewsPageFactory(
        parent=index,
        title="Nyt tag på forsamlingshuset",
        intro="Forsamlingshuset har fået nyt tag.",
    )
    return {"mols": mols, "fjord": fjord, "hall": hall}


def test_a_visitor_searches_filters_and_opens_a_meeting_place(
    page, live_server, axe, site
):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Søg på siden").fill("forsamlingshuse")
    page.get_by_role("button", name="Søg", exact=True).first.click()
    page.wait_for_url(re.compile(r"/soeg/\?q=forsamlingshuse"))
    results = page.locator("ol.search-results > li")
    assert results.count() >= 2
    assert_accessible(page, axe)

    page.get_by_label("Type").select_option(label="Mødested")
    page.get_by_label("Kommune").select_option(label="Syddjurs")
    page.locator("form.search-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"kommune=syddjurs"))
    titles = page.locator(".search-result__title").all_inner_texts()
    assert titles == ["Knebel Forsamlingshus"]
    assert page.locator(".search-result__snippet mark").first.is_visible()
    assert_accessible(page, axe)

    page.get_by_role("link", name="Knebel Forsamlingshus").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Knebel Forsamlingshus"
    assert_same_origin(page, live_server)


def test_a_typo_is_answered_with_mente_du(page, live_server, axe, site):
    page.goto(live_server.url + "/soeg/?q=forsamlinghus")
    suggestion = page.locator(".suggestion a")
    assert suggestion.inner_text() == "forsamlingshus"
    suggestion.click()
    page.wait_for_url(re.compile(r"q=forsamlingshus"))
    assert page.locator("ol.search-results > li").count() >= 2
    assert_accessible(page, axe)
