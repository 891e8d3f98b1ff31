"""Feeds of a cluster's news (RSS, Atom), events (iCalendar) and places (GeoJSON)."""

from __future__ import annotations

import datetime as dt

from django.contrib.syndication.views import Feed
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

import icalendar

from .models import ClusterPage, EventPage, MeetingPlacePage, NewsPage
from .selectors import below, clusters_geojson, meeting_places_geojson

FEED_ITEMS = 30
CALENDAR_PAST_DAYS = 90


class ClusterNewsFeed(Feed):
    """RSS 2.0 of a cluster's latest news."""

    def get_object(self, request, cluster: ClusterPage):
        self.request = request
        return cluster

    def title(self, cluster):
        return _("News from %(name)s") % {"name": cluster.title}

    def link(self, cluster):
        return cluster.get_full_url(self.request)

    def description(self, cluster):
        return cluster.intro or cluster.title

    def items(self, cluster):
        return (
            NewsPage.objects.live()
            .public()
            .filter(below(cluster))
            .prefetch_related("tags")
            .order_by("-date", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(dt.datetime.combine(item.date, dt.time(12, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class ClusterNewsAtomFeed(ClusterNewsFeed):
    feed_type = Atom1Feed

    def subtitle(self, cluster):
        return self.description(cluster)


def cluster_events_ical(request, *, cluster: ClusterPage) -> HttpResponse:
    """Return the cluster's events as an iCalendar file for calendar apps."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Klyngeportal//klyngeportal.dk//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", cluster.title)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    since = timezone.now() - dt.timedelta(days=CALENDAR_PAST_DAYS)
    events = (
        EventPage.objects.live()
        .public()
        .filter(below(cluster))
        .filter(start__gte=since)
        .select_related("meeting_place")
        .order_by("start")
    )
    host = request.get_host().split(":")[0] or "klyngeportal"
    for page in events:
        event = icalendar.Event()
        event.add("uid", f"event-{page.pk}@{host}")
        event.add("summary", page.title)
        event.add("dtstart", page.start)
        event.add("dtend", page.end or page.start + dt.timedelta(hours=2))
        event.add("dtstamp", page.last_published_at or timezone.now())
        if page.place_name:
            event.add("location", page.place_name)
        if page.intro:
            event.add("description", page.intro)
        event.add("url", page.get_full_url(request))
        calendar.add_component(event)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{cluster.slug}.ics"'
    return response


def meeting_places_geojson_response(
    *, cluster: ClusterPage | None = None
) -> JsonResponse:
    """Return meeting places (of one cluster, or all) as GeoJSON."""
    places = MeetingPlacePage.objects.live().public().select_related("village")
    if cluster is not None:
        places = places.filter(below(cluster))
    data = meeting_places_geojson(places.order_by("title"))
    return JsonResponse(data, content_type="application/geo+json")


def all_meeting_places_geojson(request):
    return meeting_places_geojson_response()


def all_clusters_geojson(request):
    data = clusters_geojson(ClusterPage.objects.live().public().order_by("title"))
    return JsonResponse(data, content_type="application/geo+json")
