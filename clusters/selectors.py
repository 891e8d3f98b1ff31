"""Reads for the public pages: a fixed number of queries, whatever the size."""

from __future__ import annotations

from django.db.models import F, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.images import get_image_model
from wagtail.models import (
    GroupPagePermission,
    Page,
    PageLogEntry,
    PageViewRestriction,
)

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


# Sorts after every character of a tree path ("0"–"9", "A"–"Z"), in SQLite's binary
# order and in the "C" collation Wagtail gives the path column on PostgreSQL.
PATH_END = "~"


def _cluster_path(page: Page) -> str:
    return page.path[: Page.steplen * 3]


def below(page: Page, *, depth: int | None = None) -> Q:
    """Match the descendants of `page` (only `depth` levels down, if given).

    The same pages as Wagtail's ``descendant_of``/``child_of``, as a range on the tree
    path rather than a LIKE, so that SQLite uses the path index too (PostgreSQL does
    either way); on a news index with 20,000 siblings that is a scan avoided.
    """
    condition = Q(path__gt=page.path, path__lt=page.path + PATH_END)
    if depth is not None:
        condition &= Q(depth=page.depth + depth)
    return condition


def editable_paths(user) -> list[str] | None:
    """Return the tree paths the user may edit below; None means everything."""
    if not user.is_active:
        return []
    if user.is_superuser:
        return None
    return list(
        GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).values_list("page__path", flat=True)
    )


def restricted_paths() -> list[str]:
    """Return the tree paths of pages behind a view restriction, in one query."""
    restricted = PageViewRestriction.objects.values("page_id")
    return list(
        Page.objects.filter(pk__in=Subquery(restricted))
        .order_by("path")
        .values_list("path", flat=True)
    )


def private_pages(paths: list[str] | None = None) -> Q:
    """Return a condition matching pages behind a view restriction.

    Wagtail's ``.public()`` queries the restrictions for every queryset; a page showing
    six lists asks once and reuses the answer.
    """
    condition = Q(pk__in=[])
    for path in restricted_paths() if paths is None else paths:
        condition |= Q(path__startswith=path)
    return condition


def news_with_images(private: Q | None = None) -> QuerySet[NewsPage]:
    """Return live, public news with each card image and its card rendition.

    The image is joined and its rendition prefetched (what Wagtail's
    ``prefetch_renditions`` does, one query fewer), so a list of cards costs two
    queries however long it is.
    """
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec=CARD_RENDITION)
    )
    return (
        NewsPage.objects.live()
        .exclude(private if private is not None else private_pages())
        .select_related("image")
        .prefetch_related(
            Prefetch(
                "image__renditions",
                queryset=renditions,
                to_attr="prefetched_renditions",
            )
        )
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
        condition |= below(cluster)
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
        news = list(news_with_images(private)[: SHARED_ITEMS * 2])
        events = list(upcoming_events(private)[: SHARED_ITEMS * 2])
        paths = {_cluster_path(item) for item in [*news, *events]}
        clusters = {c.path: c for c in ClusterPage.objects.filter(path__in=paths)}
        return {
            "latest_news": _label(news, clusters),
            "upcoming_events": _label(events, clusters),
        }
    neighbours = cluster_neighbours(cluster=cluster)
    by_path = {c.path: c for c in [cluster, *neighbours]}
    own_news = list(news_with_images(private).filter(below(cluster))[:SHARED_ITEMS])
    own_events = list(upcoming_events(private).filter(below(cluster))[:SHARED_ITEMS])
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


# Upcoming events pass with time, so the cached sections expire after this long even
# when nothing is published.
SECTION_CACHE_SECONDS = 300


def _latest_pk(model) -> Subquery:
    return Subquery(model.objects.order_by("-pk").values("pk")[:1])


def content_version() -> str:
    """Return a key that changes whenever the published page tree may have changed.

    Publishing, unpublishing, moving, renaming and deleting a page each write a
    ``PageLogEntry``, creating a page adds a row, and restricting one adds a view
    restriction: the highest id of each (index lookups, in one query) versions every
    fragment built from pages. Lifting a restriction may show up only when the
    fragment expires, never the other way round.
    """
    pages, entries, restrictions = (
        Page.objects.order_by("-pk")
        .annotate(
            latest_entry=_latest_pk(PageLogEntry),
            latest_restriction=_latest_pk(PageViewRestriction),
        )
        .values_list("pk", "latest_entry", "latest_restriction")
        .first()
    )
    return f"{pages}.{entries}.{restrictions}"


class CachedSections:
    """Sections of a page built from other pages, read only on a cache miss.

    The template caches them under `version` for at most `cache_seconds`, so a hit
    costs one query and a miss a fixed number more, whatever the size of the site.
    """

    cache_seconds = SECTION_CACHE_SECONDS

    @cached_property
    def restricted(self) -> list[str]:
        return restricted_paths()

    @cached_property
    def private(self) -> Q:
        return private_pages(self.restricted)

    @cached_property
    def version(self) -> str:
        return content_version()


class ClusterPageContent(CachedSections):
    """Everything a cluster's own page shows besides its fields."""

    def __init__(self, *, cluster: ClusterPage):
        self.cluster = cluster

    @cached_property
    def villages(self):
        return list(self.cluster.villages.all())

    @cached_property
    def steering_group(self):
        return list(self.cluster.steering_group.all())

    @cached_property
    def meeting_places(self) -> list[MeetingPlacePage]:
        return list(
            MeetingPlacePage.objects.live()
            .exclude(self.private)
            .filter(below(self.cluster, depth=1))
            .select_related("village")
            .order_by("title")
        )

    @cached_property
    def meeting_places_geojson(self) -> dict:
        return meeting_places_geojson(self.meeting_places)

    @cached_property
    def action_plans(self) -> list[ActionPlanPage]:
        return list(
            ActionPlanPage.objects.live()
            .exclude(self.private)
            .filter(below(self.cluster, depth=1))
            .order_by("title")
        )

    @cached_property
    def news_index(self) -> NewsIndexPage | None:
        return (
            NewsIndexPage.objects.live()
            .exclude(self.private)
            .filter(below(self.cluster, depth=1))
            .first()
        )

    @cached_property
    def shared(self) -> dict:
        return shared_news_and_events(cluster=self.cluster, private=self.private)


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


class HomePageContent(CachedSections):
    """Every live, public cluster, and the latest news and events from all of them."""

    # What the list and the map show of each cluster, and what its URL needs.
    CLUSTER_FIELDS = (
        "id",
        "path",
        "depth",
        "url_path",
        "title",
        "slug",
        "locale_id",
        "content_type_id",
        "live",
        "municipality",
        "phase",
        "latitude",
        "longitude",
    )

    @cached_property
    def clusters(self) -> list[ClusterPage]:
        return list(
            ClusterPage.objects.live()
            .exclude(self.private)
            .only(*self.CLUSTER_FIELDS)
            .order_by("title", "pk")
        )

    @cached_property
    def clusters_geojson(self) -> dict:
        return clusters_geojson(self.clusters)

    @cached_property
    def shared(self) -> dict:
        return shared_news_and_events(cluster=None, private=self.private)
