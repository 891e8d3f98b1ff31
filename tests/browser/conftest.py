"""Browser fixtures: one Debian Chromium per module, driven by Playwright's sync API."""

import os
from pathlib import Path

import pytest

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Playwright's own browser download is not available here; use the system Chromium.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def browser():
    from django.db import connections

    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium not found at {executable}: `make test` installs it")
    # Playwright's sync API runs an event loop in the test thread, so Django would
    # refuse ORM calls there; allow them for these tests only.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # While Playwright's loop runs in this thread, Django keeps connections per
    # context instead of per thread. Keep the ones pytest-django prepared: they hold
    # the serialised rollback data and are shared with the live server.
    prepared = {alias: connections[alias] for alias in connections}
    with sync_playwright() as p:
        for alias, connection in prepared.items():
            connections[alias] = connection
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def page(browser, live_server):
    """Return a fresh desktop page that records the URL of every request it makes."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


@pytest.fixture
def axe():
    """Return a function that runs axe-core's WCAG 2.1 A/AA rules on a page."""

    def run(page):
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE_PATH))
        return page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
            ".then(results => results.violations)",
            AXE_TAGS,
        )

    return run
