import pytest

from tests import factories as f


@pytest.fixture
def cluster(db):
    return f.ClusterPageFactory(
        title="Mols i Udvikling",
        slug="mols-i-udvikling",
        villages=[
            ("Knebel", "8420", 56.2145, 10.4876),
            ("Agri", "8420", 56.2335, 10.5105),
            ("Femmøller", "8400", 56.2052, 10.5612),
        ],
    )


@pytest.fixture
def site_tree(cluster):
    """A cluster with one page of every type."""
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
    event = f.EventPageFactory(
        parent=cluster, title="Fællesspisning", meeting_place=place
    )
    plan = f.ActionPlanPageFactory(
        parent=cluster, title="Grønne landsbyer", slug="groenne"
    )
    task = f.TaskFactory(page=plan, title="Byg plantekasser")
    survey = f.SurveyPageFactory(parent=cluster, slug="kortlaegning")
    return {
        "cluster": cluster,
        "news_index": index,
        "news": news,
        "place": place,
        "event": event,
        "plan": plan,
        "task": task,
        "survey": survey,
    }
