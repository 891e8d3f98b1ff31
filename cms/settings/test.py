"""Tests: SQLite, unless DATABASE_URL points at the PostgreSQL of `make test`."""

from .base import *

DEBUG = False
SECRET_KEY = "django-insecure-test-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Fast hashing in tests; Argon2 itself is covered by a dedicated test.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
