"""A resident's journey in Chromium: sign up, verify, profile, a task, data, goodbye."""

import json
import re
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import mail

import pytest

from tests import factories as f
from tests.browser.helpers import assert_accessible, assert_heading, assert_same_origin
from volunteers.models import Signup

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EMAIL = "birthe@example.dk"
PASSWORD = "Plantekasse-på-torvet-7"


@pytest.fixture
def task(db):
    cluster = f.ClusterPageFactory(
        title="Mols i Udvikling",
        slug="mols-i-udvikling",
        villages=[("Knebel", "8420", 56.2145, 10.4876)],
    )
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    return f.TaskFactory(
        page=plan, title="Lav et budget", skills="regnskab", volunteers_needed=2
    )


def test_resident_signs_up_builds_a_profile_takes_a_task_and_leaves(
    page, live_server, axe, task
):
    # Sign up, with consent and age confirmed.
    page.goto(live_server.url + "/konto/signup/")
    assert_accessible(page, axe)
    page.get_by_label("E-mail").first.fill(EMAIL)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.get_by_label("Hvad skal vi kalde dig?").fill("Birthe")
    page.locator("input[name=consent_matching]").check()
    page.locator("input[name=age_confirmed]").check()
    page.locator("form[action='/konto/signup/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/konto/confirm-email/$"))
    assert_accessible(page, axe)

    # Verify the address from the e-mail.
    (message,) = mail.outbox
    link = re.search(r"(/konto/confirm-email/[^\s]+/)", message.body).group(1)
    page.goto(live_server.url + link)
    assert_accessible(page, axe)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/frivillig/profil/")
    assert_heading(page, "Din profil")

    # Build the profile; autocomplete turns a typo into the taxonomy's skill.
    page.get_by_label("Landsby").fill("Knebel")
    skill = page.locator("#id_skills-0-phrase")
    skill.fill("regnskap")
    suggestion = page.locator(".suggestion", has_text="Regnskab og årsregnskab")
    suggestion.click()
    assert skill.input_value() == "Regnskab og årsregnskab"
    page.locator("#id_evenings").check()
    assert_accessible(page, axe)
    page.get_by_role("button", name="Gem profil").click()
    page.wait_for_url(live_server.url + "/frivillig/profil/")
    assert page.get_by_text("Din profil er gemt.").is_visible()
    assert_accessible(page, axe)

    # Find the task in the cluster and sign up.
    page.get_by_role("link", name="Frivilligopgaver").click()
    assert_accessible(page, axe)
    page.get_by_role("link", name="Lav et budget").click()
    assert_heading(page, "Lav et budget")
    page.get_by_label("En besked til koordinatorerne (valgfrit)").fill(
        "Jeg har styr på Excel"
    )
    page.get_by_role("button", name="Tilmeld dig").click()
    assert page.get_by_text("Du er tilmeldt.", exact=True).is_visible()
    assert_accessible(page, axe)
    assert Signup.objects.get().message == "Jeg har styr på Excel"

    # Download everything held about me.
    page.goto(live_server.url + "/frivillig/data/")
    assert_accessible(page, axe)
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Hent mine data (JSON)").click()
    data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
    assert data["profile"]["display_name"] == "Birthe"
    assert data["skills"][0]["skill"] == "Regnskab og årsregnskab"
    assert data["signups"][0]["task"] == "Lav et budget"

    # And leave for good.
    page.get_by_label("Din adgangskode").fill(PASSWORD)
    page.get_by_label(re.compile("Jeg forstår")).check()
    page.get_by_role("button", name="Slet min konto").click()
    page.wait_for_url(live_server.url + "/")
    assert page.get_by_text("Din konto og alle dine data er slettet.").is_visible()
    assert not get_user_model().objects.filter(email=EMAIL).exists()
    assert_same_origin(page, live_server)


def test_newcomer_on_a_phone_and_the_editor_who_sees_the_sign_up(
    browser, live_server, axe, task
):
    """The issue's acceptance journey, on a 375 px wide screen."""
    from clusters.models import ClusterAdministration

    planters = f.TaskFactory(
        page=task.page, title="Byg plantekasser", skills="tømrer", volunteers_needed=3
    )
    editor = f.UserFactory(email="redaktoer@mols.dk", password=PASSWORD)
    cluster = task.page.get_parent().specific
    editor.groups.add(ClusterAdministration.objects.get(cluster=cluster).editors_group)

    phone_context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    phone_context.set_default_timeout(10_000)
    phone = phone_context.new_page()
    try:
        phone.goto(live_server.url + "/konto/signup/")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        phone.get_by_label("E-mail").first.fill(EMAIL)
        phone.locator("input[name=password1]").fill(PASSWORD)
        phone.locator("input[name=password2]").fill(PASSWORD)
        phone.get_by_label("Hvad skal vi kalde dig?").fill("Birthe")
        phone.locator("input[name=consent_matching]").check()
        phone.locator("input[name=age_confirmed]").check()
        phone.locator("form[action='/konto/signup/'] button[type=submit]").click()
        phone.wait_for_url(re.compile(r"/konto/confirm-email/$"))
        link = re.search(r"(/konto/confirm-email/[^\s]+/)", mail.outbox[0].body)
        phone.goto(live_server.url + link.group(1))
        phone.locator("main form button[type=submit]").click()
        phone.wait_for_url(live_server.url + "/frivillig/profil/")

        phone.get_by_label("Landsby").fill("Knebel")
        phone.locator("#id_skills-0-phrase").fill("tømre")
        phone.locator("#id_skills-1-phrase").fill("facebok")
        phone.get_by_role("button", name="Gem profil").click()
        phone.wait_for_url(live_server.url + "/frivillig/profil/")
        recognised = phone.locator(".recognised").all_inner_texts()
        assert recognised == [
            "Genkendt som: Tømrerarbejde",
            "Genkendt som: Sociale medier",
        ]
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375
        assert_accessible(phone, axe)

        # "Opgaver til dig": the planter task first, and why.
        phone.goto(live_server.url + "/frivillig/opgaver/til-dig/")
        first = phone.locator("ol.task-list > li").first
        assert first.locator("h2").inner_text() == "Byg plantekasser"
        assert "Du skrev “tømre” – opgaven søger “tømrer”." in first.inner_text()
        assert_accessible(phone, axe)

        phone.goto(live_server.url + f"/frivillig/opgaver/{planters.pk}/")
        phone.get_by_role("button", name="Tilmeld dig").click()
        phone.goto(live_server.url + "/frivillig/mine/")
        assert phone.get_by_role("link", name="Byg plantekasser").is_visible()
        assert_accessible(phone, axe)

        # Meanwhile the editor of Mols i Udvikling sees the sign-up in the admin.
        desk = browser.new_context(viewport={"width": 1280, "height": 900})
        admin = desk.new_page()
        admin.goto(live_server.url + "/admin/login/")
        admin.locator("input[name=username]").fill("redaktoer@mols.dk")
        admin.locator("input[name=password]").fill(PASSWORD)
        admin.locator("form button[type=submit]").first.click()
        admin.wait_for_url(re.compile(r"/admin/$"))
        admin.goto(live_server.url + "/admin/tilmeldinger/")
        row = admin.locator("tr", has_text="Byg plantekasser")
        assert "Birthe" in row.inner_text() and "tømre" in row.inner_text()
        desk.close()

        phone.goto(live_server.url + "/frivillig/data/")
        with phone.expect_download() as download_info:
            phone.get_by_role("button", name="Hent mine data (JSON)").click()
        data = json.loads(Path(download_info.value.path()).read_text(encoding="utf-8"))
        assert [s["skill"] for s in data["skills"]] == [
            "Tømrerarbejde",
            "Sociale medier",
        ]
        phone.get_by_label("Din adgangskode").fill(PASSWORD)
        phone.get_by_label(re.compile("Jeg forstår")).check()
        phone.get_by_role("button", name="Slet min konto").click()
        phone.wait_for_url(live_server.url + "/")
        assert not get_user_model().objects.filter(email=EMAIL).exists()
    finally:
        phone_context.close()
