"""A real Celery worker on the real Redis picks up rematch work from the outbox."""

import os
import time

from django.db import connection, transaction

import pytest

from matching.models import Match, OutboxMessage
from matching.outbox import enqueue
from tests import factories as f
from tests.workers import start_worker, stop_worker

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _worker_env() -> dict:
    redis_url = os.environ.get("REDIS_URL")
    database_url = os.environ.get("DATABASE_URL", "")
    if not redis_url or connection.vendor != "postgresql":
        pytest.fail("needs PostgreSQL and Redis: run it through `make test`")
    # The worker uses the test database this test writes to.
    base = database_url.rsplit("/", 1)[0]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "REDIS_URL": redis_url,
        "DATABASE_URL": f"{base}/{connection.settings_dict['NAME']}",
    }


def test_a_real_worker_stores_matches_for_work_from_the_outbox():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer")
    profile = f.VolunteerProfileFactory(village=cluster.villages.first())
    profile.clusters.add(cluster)
    f.VolunteerSkillFactory(profile=profile, phrase="tømre")

    worker = start_worker(_worker_env())
    try:
        with transaction.atomic():
            enqueue("matching.rematch_volunteer", profile.pk)
        message = OutboxMessage.objects.get(task_name="matching.rematch_volunteer")
        assert message.published_at is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if Match.objects.filter(volunteer=profile, task=task).exists():
                break
            time.sleep(0.5)
        match = Match.objects.filter(volunteer=profile, task=task).first()
        assert match is not None, "the worker stored no match within a minute"
        assert match.reasons[0]["phrase"] == "tømre"
    finally:
        stop_worker(worker)
