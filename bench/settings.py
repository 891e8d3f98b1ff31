"""Benchmark settings: the test settings with a bare view beside the real URLs."""

from cms.settings.test import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
# Real storage for renditions; the in-memory one of the tests is per process anyway.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
