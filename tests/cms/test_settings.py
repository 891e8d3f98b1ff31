"""Settings come from the environment; production passes Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.workers import start_worker, stop_worker

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "kP3v9Qe7Zr2Lw8Xy5Tn1Bm6Hc4Jd0Fs7Ga2Ku9Ve3Wq8Rt5Yp1Zx6Nb4Mc2Lv0-_",
    "ALLOWED_HOSTS": "klynger.example.dk",
    "DATABASE_URL": "sqlite:////tmp/klyngeportal-check.sqlite3",
    "EMAIL_URL": "smtp+tls://user:secret@smtp.example.dk:587",
}


def _run(args, extra_env):
    # The browser tests allow async-unsafe ORM calls in their own process only.
    skip = ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in skip}
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_passes_check_deploy_without_warnings():
    result = _run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _run(["manage.py", "check"], env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def _settings(extra_env, code):
    return _run(
        [
            "-c",
            "import django; django.setup(); from django.conf import settings; " + code,
        ],
        {"DJANGO_SETTINGS_MODULE": "cms.settings.dev", **extra_env},
    )


def test_without_redis_tasks_run_eagerly_and_cache_is_local():
    result = _settings(
        {},
        "print(settings.CELERY_TASK_ALWAYS_EAGER, "
        "settings.CACHES['default']['BACKEND'])",
    )
    assert result.stdout.split() == [
        "True",
        "django.core.cache.backends.locmem.LocMemCache",
    ]


def test_with_redis_tasks_go_to_the_broker_on_a_separate_database():
    result = _settings(
        {"REDIS_URL": "redis://127.0.0.1:6399"},
        "print(settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL, "
        "settings.CACHES['default']['LOCATION'])",
    )
    assert result.stdout.split() == [
        "False",
        "redis://127.0.0.1:6399/1",
        "redis://127.0.0.1:6399/0",
    ]


def test_language_settings():
    from django.conf import settings

    assert settings.LANGUAGE_CODE == "da"
    assert [code for code, _ in settings.LANGUAGES] == ["da", "en"]
    assert settings.TIME_ZONE == "Europe/Copenhagen"


def test_ping_task_runs_eagerly_in_process():
    from core.tasks import ping

    assert ping.apply().get() == "pong"


@pytest.mark.integration
def test_ping_task_goes_through_redis_to_a_real_worker(tmp_path):
    """With REDIS_URL set, a task is published to Redis and a worker answers it."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.fail(
            "REDIS_URL is not set: run the integration tests through `make test`"
        )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "REDIS_URL": redis_url,
    }
    env.pop("DATABASE_URL", None)
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'worker.sqlite3'}"
    worker = start_worker(env)
    try:
        code = (
            "import django; django.setup()\n"
            "from cms.celery import app\n"
            "from core.tasks import ping\n"
            "print(ping.apply_async().get(timeout=60))\n"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.stdout.strip() == "pong", result.stderr
    finally:
        stop_worker(worker)
