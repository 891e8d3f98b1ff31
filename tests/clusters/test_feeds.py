"""Feeds parse as their formats and hold the right items."""

import datetime as dt
import json

from django.utils import timezone

import icalendar
import pytest
from defusedxml import ElementTree as ET

from tests import factories as f

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def other_cluster():
    other = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        slug="midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    index = f.NewsIndexPageFactory(parent=other, slug="nyheder")
    f.NewsPageFactory(parent=index, title="Nyt fra Midtlyn")
    f.EventPageFactory(parent=other, title="Høstmarked i Nørre Lyndelse")
    f.MeetingPlacePageFactory(parent=other, title="Nørre Lyndelse Hallen", kind="hal")
    return other


def test_rss_lists_the_clusters_news_only(site_tree, other_cluster, client):
    cluster = site_tree["cluster"]
    response = client.get(cluster.url + "nyheder/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    titles = [item.findtext("title") for item in channel.findall("item")]
    assert titles == ["Plantekasser på torvet"]
    link = channel.find("item").findtext("link")
    assert link.endswith(site_tree["news"].url)


def test_atom_feed_parses(site_tree, client):
    response = client.get(site_tree["cluster"].url + "nyheder/atom/")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == ["Plantekasser på torvet"]


def test_ical_feed_is_valid_for_calendar_apps(site_tree, other_cluster, client):
    response = client.get(site_tree["cluster"].url + "kalender/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    events = calendar.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["Fællesspisning"]
    event = events[0]
    assert event["UID"]
    assert event["DTSTAMP"]
    assert str(event["LOCATION"]) == "Knebel Forsamlingshus"
    assert event.decoded("DTSTART") == site_tree["event"].start.replace(microsecond=0)
    assert event.decoded("DTEND") > event.decoded("DTSTART")


def test_ical_leaves_out_long_past_events(cluster, client):
    f.EventPageFactory(
        parent=cluster,
        title="Sankthans 2020",
        start=timezone.now() - dt.timedelta(days=400),
    )
    calendar = icalendar.Calendar.from_ical(
        client.get(cluster.url + "kalender/").content
    )
    assert calendar.walk("VEVENT") == []


def test_feeds_are_advertised_in_the_cluster_head(site_tree, client):
    html = client.get(site_tree["cluster"].url).content.decode()
    head = html.split("</head>")[0]
    assert 'rel="alternate" type="application/rss+xml"' in head
    assert 'rel="alternate" type="application/atom+xml"' in head
    assert 'rel="alternate" type="text/calendar"' in head


def test_geojson_of_meeting_places_all_and_per_cluster(
    site_tree, other_cluster, client
):
    everything = json.loads(client.get("/moedesteder.geojson").content)
    assert everything["type"] == "FeatureCollection"
    names = {feat["properties"]["name"] for feat in everything["features"]}
    assert names == {"Knebel Forsamlingshus", "Nørre Lyndelse Hallen"}
    feature = next(
        feat
        for feat in everything["features"]
        if feat["properties"]["name"] == "Knebel Forsamlingshus"
    )
    assert feature["geometry"] == {"type": "Point", "coordinates": [10.4862, 56.2151]}
    assert feature["properties"]["village"] == "Knebel"

    own = json.loads(
        client.get(site_tree["cluster"].url + "moedesteder/geojson/").content
    )
    assert [feat["properties"]["name"] for feat in own["features"]] == [
        "Knebel Forsamlingshus"
    ]


def test_geojson_of_clusters(site_tree, other_cluster, client):
    data = json.loads(client.get("/klynger.geojson").content)
    assert {feat["properties"]["name"] for feat in data["features"]} == {
        "Mols i Udvikling",
        "Landet på Midtlyn",
    }


def test_unpublished_pages_stay_out_of_feeds(site_tree, client):
    news = site_tree["news"]
    news.unpublish()
    response = client.get(site_tree["cluster"].url + "nyheder/rss/")
    assert b"Plantekasser" not in response.content
    site_tree["place"].unpublish()
    assert b"Knebel Forsamlingshus" not in client.get("/moedesteder.geojson").content
