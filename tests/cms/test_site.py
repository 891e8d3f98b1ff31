"""Site-wide behaviour: languages, error pages, robots, sitemap, cookies, origins."""

import re

from django.test import RequestFactory, override_settings

import pytest
from bs4 import BeautifulSoup

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def public_pages(db):
    cluster = f.ClusterPageFactory(title="Mols i Udvikling", slug="mols")
    index = f.NewsIndexPageFactory(parent=cluster, slug="nyheder")
    news = f.NewsPageFactory(parent=index, title="Høstfest", slug="hoestfest")
    place = f.MeetingPlacePageFactory(parent=cluster, slug="hus")
    plan = f.ActionPlanPageFactory(parent=cluster, slug="plan")
    f.TaskFactory(page=plan)
    event = f.EventPageFactory(parent=cluster, slug="fest", meeting_place=place)
    survey = f.SurveyPageFactory(parent=cluster, slug="undersoegelse")
    return {
        "home": f.home_page(),
        "cluster": cluster,
        "index": index,
        "news": news,
        "place": place,
        "plan": plan,
        "event": event,
        "survey": survey,
    }


def test_danish_first_english_second(public_pages, client):
    da = client.get(public_pages["cluster"].url)
    assert '<html lang="da">' in da.content.decode()
    en = client.get("/en" + public_pages["cluster"].url)
    assert en.status_code == 200
    html = en.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Gå til indhold" in da.content.decode()


def test_language_switcher_links_to_the_same_page(public_pages, client):
    soup = BeautifulSoup(client.get(public_pages["news"].url).content, "html.parser")
    switch = soup.select_one("nav.language-switch")
    links = {a["hreflang"]: a["href"] for a in switch.find_all("a")}
    assert links == {
        "da": public_pages["news"].url,
        "en": "/en" + public_pages["news"].url,
    }


def test_landmarks_skip_link_and_labelled_navigation(public_pages, client):
    soup = BeautifulSoup(client.get(public_pages["news"].url).content, "html.parser")
    skip = soup.select_one("a.skip-link")
    assert skip["href"] == "#main"
    assert soup.find("main", id="main")
    assert soup.find("header") and soup.find("footer")
    for nav in soup.find_all("nav"):
        assert nav.get("aria-label"), nav
    crumbs = soup.select_one("nav.breadcrumbs")
    assert [a.text for a in crumbs.find_all("a")] == [
        "Forside",
        "Mols i Udvikling",
        "Nyheder",
    ]
    assert crumbs.find(attrs={"aria-current": "page"}).text == "Høstfest"


def test_friendly_404_in_both_languages(public_pages, client):
    da = client.get("/findes-ikke/")
    assert da.status_code == 404
    assert "Vi kunne ikke finde siden" in da.content.decode()
    en = client.get("/en/does-not-exist/")
    assert en.status_code == 404
    assert "We could not find that page" in en.content.decode()


def test_friendly_500_page():
    from django.utils import translation
    from django.views.defaults import server_error

    request = RequestFactory().get("/")
    with translation.override("da"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Der gik noget galt" in response.content.decode()


def test_was_redirects_to_the_accessibility_statement(public_pages, client):
    response = client.get("/was")
    assert response.status_code == 302
    assert response["Location"] == "/tilgaengelighed/"
    html = client.get("/").content.decode()
    assert '<a href="/tilgaengelighed/">Tilgængelighedserklæring</a>' in html
    assert client.get("/tilgaengelighed/").status_code == 200


def test_accessibility_statement_url_is_a_setting(public_pages, client, settings):
    settings.ACCESSIBILITY_STATEMENT_URL = "https://www.was.digst.dk/klynger-example-dk"
    html = client.get("/").content.decode()
    assert (
        'href="https://www.was.digst.dk/klynger-example-dk">Tilgængelighedserklæring'
        in html
    )


def test_robots_and_sitemap(public_pages, client):
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    body = robots.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
    sitemap = client.get("/sitemap.xml").content.decode()
    for key in ("cluster", "news", "place", "plan", "event"):
        assert public_pages[key].url in sitemap


@pytest.mark.parametrize(
    "key", ["home", "cluster", "index", "news", "place", "plan", "event"]
)
def test_public_pages_set_no_cookie_for_anonymous_visitors(public_pages, client, key):
    response = client.get(public_pages[key].url)
    assert response.status_code == 200
    assert dict(response.cookies) == {}


def test_pages_with_a_form_set_only_the_csrf_cookie(public_pages, client):
    from clusters.models import SurveyFormField

    SurveyFormField.objects.create(
        page=public_pages["survey"], label="Navn", field_type="singleline"
    )
    response = client.get(public_pages["survey"].url)
    assert set(response.cookies) == {"csrftoken"}


@pytest.mark.parametrize("key", ["home", "cluster", "news", "place", "plan", "event"])
def test_public_pages_load_nothing_from_other_origins(public_pages, client, key):
    soup = BeautifulSoup(client.get(public_pages[key].url).content, "html.parser")
    loaded = [
        tag.get("src")
        for tag in soup.find_all(["script", "img", "iframe"])
        if tag.get("src")
    ]
    loaded += [
        tag.get("href")
        for tag in soup.find_all("link")
        if "alternate" not in tag.get("rel", [])
    ]
    for url in loaded:
        assert not re.match(r"^(https?:)?//", url), url


def test_map_tiles_are_off_by_default_and_a_setting(public_pages, client, settings):
    html = client.get(public_pages["cluster"].url).content.decode()
    assert "data-tiles-url" not in html
    assert "/static/vendor/leaflet/leaflet.js" in html
    settings.MAP_TILES_URL = "https://tiles.example.dk/{z}/{x}/{y}.png"
    html = client.get(public_pages["cluster"].url).content.decode()
    assert 'data-tiles-url="https://tiles.example.dk/{z}/{x}/{y}.png"' in html


def test_leaflet_is_served_from_our_own_static_files(client):
    from django.contrib.staticfiles import finders

    assert finders.find("vendor/leaflet/leaflet.js")
    assert finders.find("vendor/leaflet/leaflet.css")


@override_settings(LANGUAGE_CODE="da")
def test_cluster_page_lists_text_alternative_to_the_map(public_pages, client):
    soup = BeautifulSoup(client.get(public_pages["cluster"].url).content, "html.parser")
    places = soup.select("ul.place-list a")
    assert [a["href"] for a in places] == [public_pages["place"].url]


@pytest.mark.parametrize(
    ("prefix", "heading"),
    [("", "Du har ikke adgang til denne side"), ("/en", "You do not have access")],
)
def test_a_page_someone_may_not_see_is_the_sites_own_403_in_their_language(
    public_pages, client, prefix, heading
):
    """An editor who opens the municipal overview gets the site's page, with its
    header, navigation and footer, not Django's bare "403 Forbidden"."""
    editor = f.UserFactory(email="redaktoer@mols.dk")
    client.force_login(editor)
    response = client.get(f"{prefix}/kommune/")
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert heading in soup.find("h1").text
    assert soup.find("header") and soup.find("footer")
    assert soup.find("html")["lang"] == ("en" if prefix else "da")
    assert "Forbidden" not in response.content.decode()


def test_a_form_sent_without_its_token_gets_the_sites_own_page(public_pages):
    """A form left open too long (or with cookies blocked): the site's own page in
    Danish, saying nothing was saved, not Django's English CSRF page."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/konto/login/", {"login": "a@b.dk", "password": "x"})
    assert response.status_code == 403
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Formularen var udløbet" in soup.find("h1").text
    assert "Intet blev gemt" in response.content.decode()
    assert soup.find("header") and soup.find("footer")
    assert "CSRF" not in response.content.decode()


def test_the_admin_loads_no_avatar_from_another_origin(client):
    """Avatars from gravatar.com would send a hash of each editor's e-mail address
    to another origin: the admin shows its own."""
    admin = f.UserFactory(email="admin@klyngeportal.dk", is_superuser=True)
    client.force_login(admin)
    for url in ("/admin/", "/admin/account/"):
        html = client.get(url).content.decode()
        assert "gravatar" not in html, url


def test_no_template_comment_spans_lines():
    """Django's {# … #} ends at the end of its line: one that runs over two lines is
    shown to visitors as text (the municipal charts once showed their notes)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    spread = [
        f"{path.relative_to(root)}:{number}"
        for path in root.glob("*/templates/**/*.html")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line.split("{#", 1)[1]
    ]
    assert spread == []


def test_public_tasks_are_found_by_search_engines_as_volunteer_roles(
    public_pages, client
):
    """Task pages may be crawled (the personal pages under /frivillig/ may not), are
    in the sitemap, and carry schema.org JobPosting data with employmentType
    VOLUNTEER, the convention search engines read for volunteer roles."""
    import json
    from urllib.robotparser import RobotFileParser

    from clusters.models import Task

    task = Task.objects.get()
    task.title = 'Byg plantekasser </script><script>alert("x")</script>'
    task.description = "Vi bygger tre plantekasser til torvet."
    task.save()
    url = f"/frivillig/opgaver/{task.pk}/"
    robots = RobotFileParser()
    robots.parse(client.get("/robots.txt").content.decode().splitlines())
    assert robots.can_fetch("Googlebot", f"http://testserver{url}")
    assert robots.can_fetch("Googlebot", f"http://testserver/en{url}")
    for private in ("/frivillig/profil/", "/frivillig/opgaver/til-dig/", "/konto/"):
        assert not robots.can_fetch("Googlebot", f"http://testserver{private}")
    sitemap = client.get("/sitemap.xml").content.decode()
    plan_origin = public_pages["plan"].get_site().root_url
    assert f"<loc>{plan_origin}{url}</loc>" in sitemap

    soup = BeautifulSoup(client.get(url).content, "html.parser")
    (script,) = soup.select('script[type="application/ld+json"]')
    assert "</script><script>" not in str(script)  # the title cannot end it
    data = json.loads(script.string)
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == "VOLUNTEER"
    assert data["title"] == task.title
    assert data["description"] == "Vi bygger tre plantekasser til torvet."
    assert data["hiringOrganization"]["name"] == "Mols i Udvikling"
    assert data["url"] == f"http://testserver{url}"
    assert data["jobLocation"]["address"]["addressCountry"] == "DK"


def test_english_visitors_are_told_once_that_the_content_is_in_danish(
    public_pages, client
):
    """On a page of a cluster in English, one polite line says the text is Danish;
    Danish visitors, and English pages that are not content (forms), do not get it."""
    notice = "The village clusters write their pages in Danish"
    url = public_pages["news"].url  # before a request in English activates it
    english = client.get("/en" + url).content.decode()
    assert english.count(notice) == 1
    assert notice not in client.get(url).content.decode()
    assert notice not in client.get("/en/konto/login/").content.decode()


def test_a_shared_page_shows_its_title_text_and_picture(public_pages, client):
    """A news item shared on Facebook shows its title, its introduction and a
    picture: the item's own, else its cluster's hero image."""
    news = public_pages["news"]
    news.intro = "Kom til høstfest i forsamlingshuset."
    news.save_revision().publish()
    cluster = public_pages["cluster"]
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    cluster.hero_image = get_image_model().objects.create(
        title="Mols", file=get_test_image_file()
    )
    cluster.save_revision().publish()
    soup = BeautifulSoup(client.get(news.url).content, "html.parser")

    def meta(name):
        tag = soup.find("meta", property=name) or soup.find(
            "meta", attrs={"name": name}
        )
        return tag["content"] if tag else None

    assert meta("og:title") == "Høstfest"
    assert meta("og:description") == "Kom til høstfest i forsamlingshuset."
    assert meta("og:url") == f"http://testserver{news.url}"
    assert meta("og:image").startswith("http://testserver/")
    assert meta("twitter:card") == "summary_large_image"
    assert meta("og:locale") == "da_DK"


def test_a_page_whose_picture_file_is_gone_is_still_shown(public_pages, client):
    """A hero image whose file was deleted from the disk: the page is shown, only
    without a share picture (never a server error)."""
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    cluster = public_pages["cluster"]
    image = get_image_model().objects.create(title="Væk", file=get_test_image_file())
    image.file.storage.delete(image.file.name)
    cluster.hero_image = image
    cluster.save_revision().publish()
    response = client.get(public_pages["place"].url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("meta", property="og:title")
    assert not soup.find("meta", property="og:image")
