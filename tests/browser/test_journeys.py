"""A visitor's journey through the public site in Chromium, checked with axe-core."""

import re

import pytest

from tests import factories as f
from tests.browser.helpers import assert_accessible, assert_heading, assert_same_origin

pytestmark = [
    pytest.mark.browser,
    # Serialised rollback restores the home page and site made by data migrations,
    # which the flush after each transactional test would otherwise remove.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

POPUP_SHOWN = """() => {
  const popup = document.querySelector('#places-map .leaflet-popup');
  return popup && getComputedStyle(popup).opacity === '1';
}"""


@pytest.fixture
def site(db):
    cluster = f.ClusterPageFactory(
        title="Mols i Udvikling",
        slug="mols-i-udvikling",
        villages=[
            ("Knebel", "8420", 56.2145, 10.4876),
            ("Agri", "8420", 56.2335, 10.5105),
        ],
    )
    index = f.NewsIndexPageFactory(parent=cluster, slug="nyheder")
    news = f.NewsPageFactory(
        parent=index, title="Plantekasser på torvet", slug="plantekasser"
    )
    place = f.MeetingPlacePageFactory(
        parent=cluster,
        title="Knebel Forsamlingshus",
        slug="knebel-forsamlingshus",
        village=cluster.villages.get(name="Knebel"),
    )
    f.MeetingPlacePageFactory(
        parent=cluster,
        title="Agri Friluftsscene",
        slug="agri",
        latitude=56.2335,
        longitude=10.5105,
    )
    # Without coordinates: listed beside the map, but no marker.
    f.MeetingPlacePageFactory(
        parent=cluster, title="Præstegården", latitude=None, longitude=None
    )
    f.EventPageFactory(parent=cluster, title="Fællesspisning", meeting_place=place)
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    f.TaskFactory(page=plan, title="Byg plantekasser")
    return {
        "cluster": cluster,
        "news": news,
        "place": place,
        "markers": ["Agri Friluftsscene", "Knebel Forsamlingshus"],
    }


def test_home_cluster_news_and_meeting_place(page, live_server, axe, site):
    page.goto(live_server.url + "/")
    cluster_link = page.locator("#klynger").get_by_role("link", name="Mols i Udvikling")
    assert cluster_link.is_visible()
    page.wait_for_selector("#clusters-map[data-ready='true']")
    assert page.locator("#clusters-map .leaflet-marker-icon").count() == 1
    assert_accessible(page, axe)

    cluster_link.click()
    page.wait_for_url(live_server.url + site["cluster"].url)
    assert_heading(page, "Mols i Udvikling")
    # Markers without tiles: one per meeting place with coordinates, named by alt.
    page.wait_for_selector("#places-map[data-ready='true']")
    markers = page.locator("#places-map .leaflet-marker-icon")
    assert (
        sorted(markers.evaluate_all("els => els.map(el => el.alt)"))
        == (site["markers"])
    )
    assert page.locator(".leaflet-tile").count() == 0
    # A keyboard user opens a marker's popup, which links to the meeting place.
    markers.and_(page.locator("[alt='Knebel Forsamlingshus']")).focus()
    page.keyboard.press("Enter")
    popup = page.locator("#places-map .leaflet-popup")
    assert popup.get_by_role("link", name="Knebel Forsamlingshus").is_visible()
    page.wait_for_function(POPUP_SHOWN)  # contrast is measured after the fade-in
    assert_accessible(page, axe)

    page.get_by_role("link", name="Plantekasser på torvet").click()
    page.wait_for_url(live_server.url + site["news"].url)
    assert_heading(page, "Plantekasser på torvet")
    assert_accessible(page, axe)

    cluster_nav = page.get_by_role("navigation", name=re.compile("Mols i Udvikling"))
    # The section link's wording is translated; its target is not.
    cluster_nav.locator("a[href$='#moedesteder']").click()
    page.locator("#moedesteder").get_by_role(
        "link", name="Knebel Forsamlingshus"
    ).click()
    page.wait_for_url(live_server.url + site["place"].url)
    assert_heading(page, "Knebel Forsamlingshus")
    assert_accessible(page, axe)

    assert_same_origin(page, live_server)


def test_skip_link_is_the_first_tab_stop(page, live_server, site):
    page.goto(live_server.url + site["news"].url)
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.get_attribute("href") == "#main"
    assert skip_link.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_no_horizontal_scroll_on_a_phone(browser, live_server, site):
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    try:
        phone = context.new_page()
        for url in ["/", site["cluster"].url, site["place"].url]:
            phone.goto(live_server.url + url)
            width = phone.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, url
    finally:
        context.close()


def test_english_version(page, live_server, axe, site):
    page.goto(live_server.url + "/en" + site["cluster"].url)
    assert page.locator("html").get_attribute("lang") == "en"
    assert_heading(page, "Mols i Udvikling")
    page.wait_for_selector("#places-map[data-ready='true']")
    assert page.locator(".leaflet-control-zoom-in").get_attribute("aria-label") == (
        "Zoom in"
    )
    assert_accessible(page, axe)
    assert_same_origin(page, live_server)
