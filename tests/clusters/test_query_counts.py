"""Each page type runs the same number of queries with 10 and with 200 children."""

import datetime as dt

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import Site

import pytest
from wagtail_factories import ImageFactory

from clusters.models import Facility, Task
from tests import factories as f

pytestmark = pytest.mark.django_db

MAX_QUERIES = 20


def _count(client, url) -> tuple[int, int]:
    """Count the queries of a request with cold fragment caches, then with warm ones.

    Wagtail's site root paths are cached again first, as they are for every request
    but the first after a restart.
    """
    counts = []
    cache.clear()
    Site.get_site_root_paths()
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200
        counts.append(len(ctx.captured_queries))
    return tuple(counts)


def _build(n: int):
    """A site whose every page type has n children of the kind it lists."""
    clusters = [
        f.ClusterPageFactory(
            title=f"Klynge {n}-{i}",
            villages=[(f"By {i}", "8420", 56.0 + i / 1000, 10.0 + i / 1000)],
        )
        for i in range(min(n, 12))
    ]
    cluster = clusters[0]
    index = f.NewsIndexPageFactory(parent=cluster)
    kitchen = Facility.objects.get(slug="koekken")
    # One picture on every news card: each card's rendition must come prefetched.
    picture = ImageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    place = None
    for i in range(n):
        f.NewsPageFactory(
            parent=index,
            date=timezone.localdate() - dt.timedelta(days=i),
            image=picture,
            image_alt="Plantekasser på torvet",
        )
        place = f.MeetingPlacePageFactory(
            parent=cluster, village=cluster.villages.first()
        )
        place.facilities.add(kitchen)
        f.EventPageFactory(parent=cluster, meeting_place=place)
        Task.objects.create(
            page=plan,
            title=f"Opgave {i}",
            skills="tømrer",
            village=cluster.villages.first(),
            meeting_place=place,
            sort_order=i,
        )
    # Neighbouring clusters with news, so the cluster page shares theirs.
    for other in clusters[1:4]:
        other_index = f.NewsIndexPageFactory(parent=other)
        f.NewsPageFactory(parent=other_index)
        f.EventPageFactory(parent=other)
    news = index.get_children().live().first().specific
    event = f.EventPageFactory(parent=cluster, meeting_place=place)
    survey = f.SurveyPageFactory(parent=cluster)
    return {
        "home": f.home_page().url,
        "cluster": cluster.url,
        "news_index": index.url,
        "news": news.url,
        "place": place.url,
        "event": event.url,
        "plan": plan.url,
        "survey": survey.url,
    }


@pytest.fixture(scope="module")
def counts(django_db_blocker):
    """Build the site at 10 and at 200 children (on a rolled-back connection)."""
    from django.test import Client

    results = {}
    for n in (10, 200):
        with django_db_blocker.unblock():
            from django.db import transaction

            with transaction.atomic():
                urls = _build(n)
                client = Client()
                results[n] = {key: _count(client, url) for key, url in urls.items()}
                transaction.set_rollback(True)
    return results


@pytest.mark.parametrize(
    "key", ["home", "cluster", "news_index", "news", "place", "event", "plan", "survey"]
)
def test_query_count_does_not_grow_with_children(counts, key):
    """The same count at 10 and 200 children, cold (empty caches) and warm."""
    assert counts[10][key] == counts[200][key], counts
    cold, warm = counts[200][key]
    assert cold <= MAX_QUERIES, counts
    assert warm <= cold, counts
