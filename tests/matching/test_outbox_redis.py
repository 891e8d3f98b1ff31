"""The outbox against a real Redis that goes down, and one that hangs."""

import os
import signal
import socket
import subprocess
import time

import pytest
import redis

from matching import outbox
from matching.models import OutboxMessage
from tests import factories as f

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

# A request may wait this long for a broken broker, at most (publishing uses 1 s
# socket timeouts and no retries).
PATIENCE = 3.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Broker:
    """A Redis of our own, to stop and to freeze without touching the suite's."""

    def __init__(self, folder):
        self.port = _free_port()
        self.folder = folder
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        for _ in range(100):
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGCONT)
            self.process.terminate()
            self.process.wait(timeout=10)

    def freeze(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def queued(self) -> int:
        return redis.Redis(port=self.port, db=1).llen("celery")


@pytest.fixture
def broker(tmp_path, settings):
    from cms.celery import app

    if not shutil_which("redis-server"):
        pytest.fail("redis-server is missing: `make test` installs it")
    broker = Broker(tmp_path)
    broker.start()
    before = app.conf.broker_url, app.conf.task_always_eager
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.broker_url = f"redis://127.0.0.1:{broker.port}/1"
    _fresh_connections(app)
    yield broker
    broker.stop()
    app.conf.broker_url, app.conf.task_always_eager = before
    _fresh_connections(app)


def _fresh_connections(app):
    """Make the Celery app connect anew, to the broker now configured."""
    app._pool = None
    app.amqp._producer_pool = None


def shutil_which(name):
    import shutil

    return shutil.which(name)


@pytest.fixture
def resident(client):
    cluster = f.ClusterPageFactory()
    profile = f.VolunteerProfileFactory(postcode="")
    client.force_login(profile.user)
    return profile, cluster.villages.first()


def _save_profile(client, village):
    return client.post(
        "/frivillig/profil/",
        {
            "display_name": "Ole",
            "village_name": village.name,
            "hours_per_month": "4",
            "language": "da",
            "skills-TOTAL_FORMS": "1",
            "skills-INITIAL_FORMS": "0",
            "skills-0-phrase": "tømrer",
            "skills-0-level": "do",
        },
    )


def _timed_save(client, village, capture):
    started = time.monotonic()
    with capture(execute=True):
        response = _save_profile(client, village)
    return response, time.monotonic() - started


def test_published_to_a_running_broker(
    client, broker, resident, django_capture_on_commit_callbacks
):
    _profile, village = resident
    response, _elapsed = _timed_save(
        client, village, django_capture_on_commit_callbacks
    )
    assert response.status_code == 302
    assert OutboxMessage.objects.get().published_at is not None
    assert broker.queued() == 1


def test_a_stopped_broker_costs_the_user_nothing_and_loses_nothing(
    client, broker, resident, django_capture_on_commit_callbacks
):
    _profile, village = resident
    broker.stop()
    response, elapsed = _timed_save(client, village, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert elapsed < PATIENCE, elapsed
    message = OutboxMessage.objects.get()
    assert message.published_at is None and message.attempts == 1

    broker.start()  # back on the same port
    assert outbox.publish() == 1
    assert broker.queued() == 1


def test_a_hung_broker_does_not_hang_the_request(
    client, broker, resident, django_capture_on_commit_callbacks
):
    _profile, village = resident
    broker.freeze()
    try:
        response, elapsed = _timed_save(
            client, village, django_capture_on_commit_callbacks
        )
    finally:
        broker.thaw()
    assert response.status_code == 302
    assert elapsed < PATIENCE, elapsed
    assert OutboxMessage.objects.get().published_at is None

    assert outbox.publish() == 1
    assert broker.queued() == 1
