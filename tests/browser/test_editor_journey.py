"""The editors' admin in Chromium: what an editor types is kept, or refused."""

import re

from django.urls import reverse

import pytest

from clusters.models import ClusterAdministration
from tests import factories as f

PASSWORD = "Plantekasser-ved-gadekæret"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def plan(db):
    mols = f.ClusterPageFactory(title="Mols i Udvikling", slug="mols-i-udvikling")
    plan = f.ActionPlanPageFactory(parent=mols, title="Byens grønne rum", slug="groent")
    task = f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer")
    editor = f.UserFactory(email="redaktoer@mols.dk", password=PASSWORD)
    editor.groups.add(ClusterAdministration.objects.get(cluster=mols).editors_group)
    return {"plan": plan, "task": task}


def _log_in(page, live_server, next_url):
    page.goto(live_server.url + next_url)
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.locator("input[name=username]").fill("redaktoer@mols.dk")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(re.compile(re.escape(next_url) + "$"))


def test_an_impossible_deadline_is_a_field_error_never_today(page, live_server, plan):
    """A deadline typed as 31-02-2026 stays as typed when the field loses focus (the
    date picker used to put today's date in its place), and saving says it is not a
    date and saves nothing."""
    url = reverse("wagtailadmin_pages:edit", args=[plan["plan"].pk])
    _log_in(page, live_server, url)
    page.get_by_role("tab", name="Opgaver").click()
    deadline = page.locator("input[name='tasks-0-deadline']")
    deadline.fill("31-02-2026")
    deadline.press("Tab")
    page.keyboard.press("Escape")
    assert deadline.input_value() == "31-02-2026"
    page.locator("button[type=submit]", has_text=re.compile("Gem skitse")).click()
    page.wait_for_load_state()
    page.get_by_role("tab", name="Opgaver").click()
    assert page.locator("input[name='tasks-0-deadline']").input_value() == "31-02-2026"
    assert page.get_by_text(re.compile("gyldig dato")).first.is_visible()
    plan["task"].refresh_from_db()
    assert plan["task"].deadline is None
