import pytest


@pytest.fixture
def eager(settings):
    """Tasks run in-process, as in the embedded default (also when REDIS_URL is set)."""
    from cms.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = True
    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before
