"""Development: the embedded default that `make run` serves."""

from .base import *

DEBUG = True
# Development only; production requires SECRET_KEY from the environment.
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-dev-only-klyngeportal")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
SEED_DEMO_PRINT_PASSWORDS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http"
