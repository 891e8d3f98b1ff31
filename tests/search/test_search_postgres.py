"""Danish full-text search on PostgreSQL, as in production (`make test` runs it)."""

from django.db import connection

import pytest

from search import site
from tests import factories as f

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _postgres():
    assert connection.vendor == "postgresql", "run by `make test` on PostgreSQL"


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    f.MeetingPlacePageFactory(
        parent=cluster,
        title="Knebel Forsamlingshus",
        intro="Stort køkken og plads til 120.",
    )
    plan = f.ActionPlanPageFactory(
        parent=cluster, title="Grønne landsbyer", goal="Et grønnere torv."
    )
    f.TaskFactory(page=plan, title="Byg en plantekasse", skills="tømrer")
    plan.save_revision().publish()  # as an editor adds a task: the plan is reindexed
    news = f.NewsIndexPageFactory(parent=cluster)
    f.NewsPageFactory(
        parent=news, title="Ny multibane ved skolen", intro="Den åbner til sommer."
    )
    return cluster


def _titles(query, **filters):
    return {page.title for page in site.search(query, **filters)}


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("forsamlingshuse", "Knebel Forsamlingshus"),  # plural finds singular
        ("forsamlingshusets køkken", "Knebel Forsamlingshus"),
        ("plantekasserne", "Grønne landsbyer"),  # a task's word finds its plan
        ("multibanen", "Ny multibane ved skolen"),
    ],
)
def test_danish_stemming_finds_other_forms_of_a_word(mols, query, title):
    assert title in _titles(query)


def test_filters_work_inside_the_full_text_search(mols):
    assert _titles("forsamlingshuse", type_key="nyhed") == set()
    assert _titles("forsamlingshuse", clusters=[mols]) == {"Knebel Forsamlingshus"}
    other = f.ClusterPageFactory(title="Landet mellem fjordene", municipality="randers")
    assert _titles("forsamlingshuse", clusters=[other]) == set()


def test_typos_get_a_suggestion_from_the_sites_own_words(mols, client):
    assert _titles("forsamlinghus") == set()  # nothing found as typed
    assert site.suggestion("forsamlinghus") == "forsamlingshus"
    assert site.suggestion("multibne") == "multibane"
    html = client.get("/soeg/", {"q": "multibne"}).content.decode()
    assert "Mente du" in html and "multibane" in html
