"""Each leak and server error the probe found (issue 10), refused cleanly.

The matrix and the sweep try every URL and form; these tests tell the issue's own
cases one by one, with what the person on the other side sees.
"""

from __future__ import annotations

import csv
import io
import time
from unittest import mock

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

import openpyxl
import pytest

from clusters.models import ClusterAdministration, ClusterPage, SurveyFormField
from core.exports import neutralise
from matching.digests import UNSUBSCRIBE_MAX_AGE, digests, unsubscribe_token
from tests import factories as f
from tests.admin_forms import admin_form_data
from volunteers.models import VolunteerProfile, VolunteerSkill

from .forms import forms_of

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://angriber.example/","klik")'


def _as(client, world, role):
    client.cookies.clear()
    client.force_login(world.users[role])
    return client


# What leaked -------------------------------------------------------------------------


def test_an_editor_sees_the_municipality_and_cannot_change_it(client, world):
    cluster = world["mols"]
    url = reverse("wagtailadmin_pages:edit", args=[cluster.pk])
    html = _as(client, world, "editor").get(url).content.decode()
    assert 'name="municipality"' not in html
    assert "Syddjurs" in html  # shown, read-only
    form = admin_form_data(html, streamfields={"description": []})
    form.update({"municipality": "faaborg-midtfyn", "action-publish": "publish"})
    response = client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:1500]
    cluster = ClusterPage.objects.get(pk=cluster.pk)
    assert cluster.municipality == "syddjurs"
    assert cluster.get_latest_revision().content["municipality"] == "syddjurs"


def test_an_administrator_moves_a_cluster_to_another_municipality(client, world):
    cluster = world["mols"]
    url = reverse("wagtailadmin_pages:edit", args=[cluster.pk])
    html = _as(client, world, "admin").get(url).content.decode()
    assert 'name="municipality"' in html
    form = admin_form_data(html, streamfields={"description": []})
    form.update({"municipality": "norddjurs", "action-publish": "publish"})
    assert client.post(url, form).status_code == 302
    assert ClusterPage.objects.get(pk=cluster.pk).municipality == "norddjurs"


def test_wagtails_default_groups_are_gone(world):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    # Nobody but administrators holds rights on the root or the home page, or on
    # the root collection.
    top = Page.objects.filter(depth__lte=2)
    assert not GroupPagePermission.objects.filter(page__in=top).exists()
    assert not GroupCollectionPermission.objects.filter(
        collection=Collection.get_first_root_node()
    ).exists()


def test_a_default_group_with_members_is_kept_but_stripped_of_every_right(world):
    """The migration that removes Wagtail's default groups never drops a membership
    silently: a group someone is in stays, with no rights left."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Permission

    migration = importlib.import_module(
        "clusters.migrations.0008_remove_wagtail_default_groups"
    )
    editors = Group.objects.create(name="Editors")
    moderators = Group.objects.create(name="Moderators")
    member = f.UserFactory(email="gammel.redaktoer@example.dk")
    member.groups.add(editors)
    root = Page.objects.get(depth=1)
    for group in (editors, moderators):
        GroupPagePermission.objects.create(
            group=group, page=root, permission_type="change"
        )
        GroupCollectionPermission.objects.create(
            group=group,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(codename="add_image"),
        )
        group.permissions.add(Permission.objects.get(codename="access_admin"))
    migration.remove_default_groups(apps, None)
    assert not Group.objects.filter(name="Moderators").exists()
    editors = Group.objects.get(name="Editors")
    assert list(editors.user_set.all()) == [member]
    assert not editors.permissions.exists()
    assert not GroupPagePermission.objects.filter(group=editors).exists()
    assert not GroupCollectionPermission.objects.filter(group=editors).exists()


def test_survey_exports_write_formulas_as_text(client, world):
    survey = world["survey"]
    field = SurveyFormField.objects.get(page=survey, field_type="singleline")
    client.post(survey.url, {field.clean_name: FORMULA})
    client.post(survey.url, {field.clean_name: "-1+2"})
    assert FormSubmission.objects.filter(page=survey).count() == 2
    url = reverse("wagtailforms:list_submissions", args=[survey.pk])
    admin = _as(client, world, "admin")

    response = admin.get(url + "?export=csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + FORMULA in cells and "'-1+2" in cells
    assert FORMULA not in cells

    response = admin.get(url + "?export=xlsx")
    content = b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert "'" + FORMULA in values and FORMULA not in values


def test_wagtails_reports_export_formulas_as_text(client, world):
    page = world["plan"]
    page.title = "=1+1"
    page.save_revision(user=world.users["editor"]).publish()
    Page.objects.filter(pk=page.pk).update(locked=True, locked_by=world.users["admin"])
    response = _as(client, world, "admin").get(
        reverse("wagtailadmin_reports:locked_pages") + "?export=csv"
    )
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "'=1+1" in text and ",=1+1" not in text


def test_one_rule_for_formulas():
    for text in ("=SUM(A1)", "+45 1234", "-1", "@navn", "\tx", "\r=1"):
        assert neutralise(text) == "'" + text
    for value in ("Forsamlingshus", 12, -3, None, "a=b"):
        assert neutralise(value) == value


def test_every_cluster_has_a_private_collection_for_the_steering_group(world):
    for cluster in (world["mols"], world["fyn"]):
        administration = ClusterAdministration.objects.get(cluster=cluster)
        private = administration.private_collection
        assert private.get_parent() == administration.collection
        (restriction,) = CollectionViewRestriction.objects.filter(collection=private)
        assert restriction.restriction_type == CollectionViewRestriction.GROUPS
        assert list(restriction.groups.all()) == [administration.editors_group]
        assert not CollectionViewRestriction.objects.filter(
            collection=administration.collection
        ).exists()


def test_the_migration_gives_older_clusters_their_private_collection(world):
    from importlib import import_module

    from django.apps import apps

    migration = import_module(
        "clusters.migrations.0007_private_collections_for_existing_clusters"
    )
    older = f.ClusterPageFactory(title="Ældre klynge", slug="aeldre")
    administration = ClusterAdministration.objects.get(cluster=older)
    ClusterAdministration.objects.filter(pk=administration.pk).update(
        private_collection=None
    )
    migration.create_private_collections(apps, None)
    administration.refresh_from_db()
    private = administration.private_collection
    assert private.get_parent() == administration.collection
    assert private.name == "Ældre klynge – styregruppens filer"
    assert CollectionViewRestriction.objects.filter(collection=private).exists()
    problems = Collection.find_problems()
    assert not any(problems), problems


# What failed with a server error ----------------------------------------------------


@pytest.mark.parametrize("query", ['"><x', 'a"b', '""', "'", "NOT (", "*", 'tømrer"'])
def test_a_search_for_any_text_answers(client, world, query):
    response = client.get(reverse("search:search"), {"q": query})
    assert response.status_code == 200


def test_an_id_too_large_for_the_database_is_a_field_error(client, world):
    huge = "99999999999999999999999"
    staff = _as(client, world, "staff")
    for name in ("places", "skills", "contacts", "gaps", "events"):
        response = staff.get(reverse(f"municipal:{name}"), {"klynge": huge})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "Det valg, du har foretaget, er ikke blandt de tilgængelige" in html
        assert "Der vises intet, før filtrene er gyldige." in html, name
    # The overview has no cluster filter: the parameter is ignored.
    assert staff.get(reverse("municipal:overview"), {"klynge": huge}).status_code == 200
    resident = _as(client, world, "resident")
    data = {
        "display_name": "Birthe",
        "postcode": "8420",
        "hours_per_month": "4",
        "language": "da",
        "clusters": [huge],
        "skills-TOTAL_FORMS": "0",
        "skills-INITIAL_FORMS": "0",
    }
    response = resident.post(reverse("volunteers:profile"), data)
    assert response.status_code == 200
    assert "er ikke en af de tilgængelige valgmuligheder" in response.content.decode()
    assert resident.get(f"/frivillig/opgaver/{huge}/").status_code == 404


def test_a_nul_byte_is_a_translated_400(client, world):
    response = client.get("/frivillig/kalender/%00.ics")
    assert response.status_code == 400
    assert "Forespørgslen kunne ikke læses" in response.content.decode()
    response = client.get("/en/soeg/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "The request could not be read" in response.content.decode()
    resident = _as(client, world, "resident")
    response = resident.post(reverse("volunteers:profile"), {"display_name": "a\x00"})
    assert response.status_code == 400
    assert VolunteerProfile.objects.get(pk=world["resident"].pk).display_name == (
        "Birthe Hemmeligsen"
    )


def test_a_tampered_formset_is_a_form_error(client, world):
    profile = world["resident"]
    (skill,) = profile.skills.all()
    data = {
        "display_name": "Birthe Hemmeligsen",
        "postcode": "8420",
        "village_name": "Knebel",
        "hours_per_month": "4",
        "language": "da",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "0",  # the row exists, but the form says it does not
        "skills-0-id": str(skill.pk),
        "skills-0-phrase": skill.phrase,
        "skills-0-level": "do",
    }
    response = _as(client, world, "resident").post(reverse("volunteers:profile"), data)
    assert response.status_code == 200
    assert "Siden er ændret, siden du åbnede den" in response.content.decode()
    assert list(VolunteerSkill.objects.filter(profile=profile)) == [skill]


# Also seen: unsubscribe links, and the page chooser --------------------------------


def test_an_unsubscribe_link_asks_first_and_then_works_once_posted(client, world):
    profile = world["resident"]
    url = reverse("matching_unsubscribe", args=[unsubscribe_token(profile)])
    page = client.get(url + "?ok=1")
    assert page.status_code == 200
    assert "Ja, afmeld" in page.content.decode()
    assert VolunteerProfile.objects.get(pk=profile.pk).notify_new_tasks
    assert client.post(url).status_code == 200
    assert not VolunteerProfile.objects.get(pk=profile.pk).notify_new_tasks


def test_an_unsubscribe_link_expires(client, world):
    profile = world["resident"]
    url = reverse("matching_unsubscribe", args=[unsubscribe_token(profile)])
    later = time.time() + UNSUBSCRIBE_MAX_AGE.total_seconds() + 60
    with mock.patch("django.core.signing.time.time", return_value=later):
        response = client.post(url)
    assert response.status_code == 404
    assert "Linket virker ikke længere" in response.content.decode()
    assert VolunteerProfile.objects.get(pk=profile.pk).notify_new_tasks


def test_turning_the_digest_on_again_revokes_the_links_already_sent(client, world):
    profile = world["resident"]
    old_link = reverse("matching_unsubscribe", args=[unsubscribe_token(profile)])
    client.post(old_link)
    resident = _as(client, world, "resident")
    url = reverse("volunteers:profile")
    (form,) = [
        form
        for form in forms_of(resident.get(url).content.decode(), url)
        if form.method == "post"
    ]
    data = {**form.values(), "notify_new_tasks": "on"}
    response = resident.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert VolunteerProfile.objects.get(pk=profile.pk).notify_new_tasks
    client.cookies.clear()
    assert client.post(old_link).status_code == 404
    assert VolunteerProfile.objects.get(pk=profile.pk).notify_new_tasks


def test_no_digest_for_a_deactivated_or_unverified_resident(world):
    recipients = {digest.profile.pk for digest in digests()}
    assert world["resident"].pk in recipients
    assert world["deactivated"].pk not in recipients
    assert world["unverified"].pk not in recipients


def test_the_page_chooser_lists_only_the_editors_own_cluster(client, world):
    editor = _as(client, world, "other_editor")
    search = reverse("wagtailadmin_choose_page_search")
    assert "Fynske haver" in editor.get(search, {"q": "Fynske"}).content.decode()
    for title in ("Kladdeplan Xylofon", "Grønne stier"):
        html = editor.get(search, {"q": title}).content.decode()
        assert title not in html
    browse = reverse("wagtailadmin_choose_page_child", args=[world["mols"].pk])
    assert "Kladdeplan Xylofon" not in editor.get(browse).content.decode()
