"""Search and the municipal pages in Chromium, checked with axe-core."""

import re

import pytest
from openpyxl import load_workbook

from tests import factories as f
from tests.browser.helpers import assert_accessible, assert_same_origin

PASSWORD = "Forsamlingshus-med-køkken-80"
POPUP_SHOWN = """() => {
  const popup = document.querySelector('#places-map .leaflet-popup');
  return popup && getComputedStyle(popup).opacity === '1';
}"""

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
    from clusters.models import Facility

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
    hall.facilities.set(Facility.objects.filter(slug__in=["koekken", "scene"]))
    hall.save()
    small = f.MeetingPlacePageFactory(
        parent=mols,
        title="Agri Sognegård",
        kind="forsamlingshus",
        capacity=40,
        village=mols.villages.get(name="Knebel"),
    )
    small.facilities.set(Facility.objects.filter(slug="koekken"))
    small.save()
    f.MeetingPlacePageFactory(
        parent=fjord, title="Fårup Forsamlingshus", intro="Byens forsamlingshus."
    )
    plan = f.ActionPlanPageFactory(parent=mols, title="Grønne landsbyer")
    f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer")
    f.TaskFactory(page=plan, title="Stem klaveret", skills="klaverstemmer")
    from skills.taxonomy import link

    for _n in range(3):
        resident = f.VolunteerProfileFactory(
            village=mols.villages.get(name="Knebel"), consent=True
        )
        f.VolunteerSkillFactory(profile=resident, phrase="tømrer", skill=link("tømrer"))
    index = f.NewsIndexPageFactory(parent=mols, slug="nyheder")
    f.NewsPageFactory(
        parent=index,
        title="Nyt tag på forsamlingshuset",
        intro="Forsamlingshuset har fået nyt tag.",
    )
    staff = f.MunicipalStaffFactory(
        email="kommune@syddjurs.dk", password=PASSWORD, municipality="syddjurs"
    )
    return {"mols": mols, "fjord": fjord, "hall": hall, "staff": staff}


def test_a_visitor_searches_filters_and_opens_a_meeting_place(
    page, live_server, axe, site
):
    page.goto(live_server.url + "/")
    page.get_by_role("searchbox", name="Søg i Klyngeportalen").fill("forsamlingshuse")
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


def test_municipal_staff_find_places_skills_and_gaps_and_read_the_overview(
    page, live_server, axe, site, tmp_path
):
    from matching.services import store_matches_for_municipality

    store_matches_for_municipality("syddjurs")  # what the nightly rematch does

    page.goto(live_server.url + "/kommune/")
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.locator("input[name=username]").fill("kommune@syddjurs.dk")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"/kommune/$"))
    assert page.get_by_role("link", name="Mols i Udvikling").is_visible()
    assert page.get_by_text("Landet mellem fjordene").count() == 0
    assert_accessible(page, axe)

    # Every forsamlingshus with a kitchen for 80 people.
    page.get_by_role("navigation", name="Kommunens sider").get_by_role(
        "link", name="Mødesteder"
    ).click()
    page.get_by_label("Type").select_option(label="Forsamlingshus")
    page.get_by_label("Køkken", exact=True).check()
    page.get_by_label(re.compile("Plads til mindst")).fill("80")
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(re.compile(r"kapacitet=80"))
    rows = page.locator("table.data-table tbody tr th").all_inner_texts()
    assert rows == ["Knebel Forsamlingshus"]
    page.wait_for_selector("#places-map[data-ready='true']")
    marker = page.locator("#places-map .leaflet-marker-icon")
    assert marker.count() == 1
    marker.focus()
    page.keyboard.press("Enter")
    popup = page.locator("#places-map .leaflet-popup")
    assert popup.get_by_role("link", name="Knebel Forsamlingshus").is_visible()
    page.wait_for_function(POPUP_SHOWN)  # contrast is measured after the fade-in
    assert_accessible(page, axe)

    # How many offer carpentry, per cluster.
    page.get_by_role("link", name="Færdigheder", exact=True).click()
    assert page.locator("table.data-table").first.is_visible()
    assert "Mols i Udvikling" in page.locator("main").inner_text()
    assert_accessible(page, axe)

    # The tasks nobody fits, to Excel.
    page.get_by_role("link", name="Mangler").click()
    assert "Stem klaveret" in page.locator("main").inner_text()
    assert "Byg plantekasser" not in page.locator("main").inner_text()
    assert_accessible(page, axe)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("XLSX")).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    sheet = load_workbook(saved).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value]
    assert any("Stem klaveret" in c for c in cells)

    # Each cluster's phase and progress.
    page.get_by_role("link", name="Overblik").click()
    assert "Mols i Udvikling" in page.locator("main").inner_text()
    assert page.locator("svg[role=img]").count() >= 1
    assert_accessible(page, axe)
    assert_same_origin(page, live_server)
