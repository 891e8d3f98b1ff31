from django.db import transaction

import pytest

from .world import build


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    """The seeded world, built once for every test of this folder.

    It lives in a transaction that is rolled back at the end; each test runs in a
    savepoint inside it (pytest-django's `db`), so no test sees another's writes.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _world_files(request, settings):
    """Documents on disk (in the test's own MEDIA_ROOT), as Wagtail serves them."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    if "world" in request.fixturenames:
        request.getfixturevalue("world").restore_files()
