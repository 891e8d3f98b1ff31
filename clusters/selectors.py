"""Reads for the public pages: a fixed number of queries, whatever the size."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from .models import (
    ActionPlanPage,
    ClusterPage,
    EventPage,
    MeetingPlacePage,
    NewsIndexPage,
    NewsPage,
)

CARD_RENDITION = "fill-480x270|format-webp"
NEIGHBOUR_COUNT = 4
SHARED_ITEMS = 3


def _cluster_path(page: Page) -> str:
    return page.path[: Page.steplen * 3]


def private_pages() -> Q:
    """Return a condition matching pages behind a view restriction, in one query.

    Wagtail's ``.public()`` runs this query for every queryset; a page showing six
    lists asks once and reuses the answer.
    """
    condition = Q(pk__in=[])
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        condition |= Q(path__startswith=path)
    return condition


def news_with_images(private: Q | None = None) -> QuerySet[NewsPage]:
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    return (
        NewsPage.objects.live()
        .exclude(private if private is not None else private_pages())
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-date", "-pk")
    )


def upcoming_events(private: Q | None = None) -> QuerySet[EventPage]:
    now = timezone.now()
    return (
        EventPage.objects.live()
        .exclude(private if private is not None else private_pages())
        .filter(Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
        .select_related("meeting_place")
        .order_by("start", "pk")
    )


def cluster_neighbours(
    *, cluster: ClusterPage, limit: int = NEIGHBOUR_COUNT
) -> list[ClusterPage]:
    """Return the nearest other live clusters, nearest first."""
    qs = ClusterPage.objects.live().exclude(pk=cluster.pk)
    if cluster.latitude is None or cluster.longitude is None:
        return list(
            qs.filter(municipality=cluster.municipality).order_by("title")[:limit]
        )
    # Squared distance on a flat projection is enough to order neighbours; one degree
    # of longitude is about 0.56 of a degree of latitude at Danish latitudes.
    distance = (F("latitude") - cluster.latitude) * (
        F("latitude") - cluster.latitude
    ) + (
        (F("longitude") - cluster.longitude)
        * (F("longitude") - cluster.longitude)
        * 0.31
    )
    return list(
        qs.filter(latitude__isnull=False)
        .annotate(distance=distance)
        .order_by("distance", "pk")[:limit]
    )


def _in_clusters(clusters: list[ClusterPage]) -> Q:
    condition = Q(pk__in=[])
    for cluster in clusters:
        condition |= Q(path__startswith=cluster.path)
    return condition


def _label(items, clusters_by_path: dict[str, ClusterPage]):
    for item in items:
        item.source_cluster = clusters_by_path.get(_cluster_path(item))
    return items


def shared_news_and_events(
    *, cluster: ClusterPage | None, private: Q | None = None
) -> dict:
    """Return latest news and upcoming events: the cluster's own, then neighbours'.

    Without a cluster (the home page), return the latest across all clusters.
    """
    if private is None:
        private = private_pages()
    if cluster is None:
        clusters = {c.path: c for c in ClusterPage.objects.live()}
        news = list(news_with_images(private)[: SHARED_ITEMS * 2])
        events = list(upcoming_events(private)[: SHARED_ITEMS * 2])
        return {
            "latest_news": _label(news, clusters),
            "upcoming_events": _label(events, clusters),
        }
    neighbours = cluster_neighbours(cluster=cluster)
    by_path = {c.path: c for c in [cluster, *neighbours]}
    own_news = list(news_with_images(private).descendant_of(cluster)[:SHARED_ITEMS])
    own_events = list(upcoming_events(private).descendant_of(cluster)[:SHARED_ITEMS])
    near = _in_clusters(neighbours)
    neighbour_news = list(news_with_images(private).filter(near)[:SHARED_ITEMS])
    neighbour_events = list(upcoming_events(private).filter(near)[:SHARED_ITEMS])
    return {
        "neighbours": neighbours,
        "latest_news": _label(own_news, by_path),
        "upcoming_events": _label(own_events, by_path),
        "neighbour_news": _label(neighbour_news, by_path),
        "neighbour_events": _label(neighbour_events, by_path),
    }


def cluster_page_context(*, cluster: ClusterPage) -> dict:
    """Everything a cluster's own page shows besides its fields."""
    private = private_pages()
    meeting_places = list(
        MeetingPlacePage.objects.live()
        .exclude(private)
        .child_of(cluster)
        .select_related("village")
        .order_by("title")
    )
    context = {
        "villages": list(cluster.villages.all()),
        "steering_group": list(cluster.steering_group.all()),
        "meeting_places": meeting_places,
        "meeting_places_geojson": meeting_places_geojson(meeting_places),
        "action_plans": list(
            ActionPlanPage.objects.live()
            .exclude(private)
            .child_of(cluster)
            .order_by("title")
        ),
        "news_index": NewsIndexPage.objects.live().child_of(cluster).first(),
    }
    context.update(shared_news_and_events(cluster=cluster, private=private))
    return context


def meeting_places_geojson(meeting_places) -> dict:
    """Build a GeoJSON FeatureCollection of meeting places that have coordinates."""
    features = []
    for place in meeting_places:
        if not place.has_location:
            continue
        features.append(
            {
                "type": "Feature",
                "id": place.pk,
                "geometry": {
                    "type": "Point",
                    "coordinates": [
                        round(place.longitude, 6),
                        round(place.latitude, 6),
                    ],
                },
                "properties": {
                    "name": place.title,
                    "kind": place.kind,
                    "kind_label": str(place.get_kind_display()),
                    "capacity": place.capacity,
                    "village": place.village.name if place.village_id else "",
                    "url": place.url,
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


def clusters_geojson(clusters) -> dict:
    features = [
        {
            "type": "Feature",
            "id": c.pk,
            "geometry": {
                "type": "Point",
                "coordinates": [round(c.longitude, 6), round(c.latitude, 6)],
            },
            "properties": {
                "name": c.title,
                "municipality": c.municipality_name,
                "phase": c.phase,
                "phase_label": str(c.get_phase_display()),
                "url": c.url,
            },
        }
        for c in clusters
        if c.latitude is not None and c.longitude is not None
    ]
    return {"type": "FeatureCollection", "features": features}
