"""Feedback teaches the ranking: "Ikke for mig", "Ikke egnet" and confirmed help.

Each kind changes the next ranking, says so in a reason, and a resident can undo
their own.
"""

from django.urls import reverse

import pytest

from clusters.models import ClusterAdministration
from matching.services import candidates_for_task, tasks_for_resident
from tests import factories as f
from volunteers.models import Consent, ConsentPurpose, SignupStatus, VolunteerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def clusters():
    mols = f.ClusterPageFactory(title="Mols i Udvikling")
    djursland = f.ClusterPageFactory(
        title="Djurslands Landsbyer", villages=[("Rønde", "8410", 56.30, 10.47)]
    )
    knebel = mols.villages.get(name="Knebel")
    plan = f.ActionPlanPageFactory(parent=mols, title="Grønne landsbyer")
    other_plan = f.ActionPlanPageFactory(parent=djursland, title="Rønde i bevægelse")

    def task(title, skills, page=plan):
        return f.TaskFactory(page=page, title=title, skills=skills, village=None)

    return {
        "mols": mols,
        "knebel": knebel,
        "benches": task("Byg bænke til torvet", "tømrer"),
        "shed": task("Byg et redskabsskur", "tømrerarbejde"),
        "planters": task("Byg plantekasser", "tømrer"),
        "budget": task("Lav et budget", "regnskab"),
        "elsewhere": task("Byg en scene i Rønde", "tømrer", page=other_plan),
        "editor_group": ClusterAdministration.objects.get(cluster=mols).editors_group,
    }


def _resident(clusters, client=None):
    profile = f.VolunteerProfileFactory(village=clusters["knebel"])
    profile.clusters.add(clusters["mols"])
    f.VolunteerSkillFactory(profile=profile, phrase="tømrer")
    f.VolunteerSkillFactory(profile=profile, phrase="regnskab")
    Consent.objects.create(
        user=profile.user, purpose=ConsentPurpose.CONTACT, text_version="t"
    )
    if client is not None:
        client.force_login(profile.user)
    return profile


def _ranking(profile):
    profile = VolunteerProfile.objects.get(pk=profile.pk)
    return {task.title: match for task, match in tasks_for_resident(profile)}


def test_two_no_thanks_to_carpentry_put_the_third_lower_with_the_reason(
    client, clusters
):
    profile = _resident(clusters, client)
    before = _ranking(profile)
    for task in (clusters["benches"], clusters["shed"]):
        response = client.post(reverse("matching_dismiss", args=[task.pk]))
        assert response.status_code == 302
    after = _ranking(profile)
    assert "Byg bænke til torvet" not in after  # the tasks themselves are gone
    planters = after["Byg plantekasser"]
    assert planters.score < before["Byg plantekasser"].score
    assert after["Lav et budget"].score == before["Lav et budget"].score
    html = client.get(reverse("matching_for_you")).content.decode()
    assert "Du har sagt nej tak til lignende opgaver." in html
    assert "Opgaver, du har sagt nej tak til" in html
    # The resident's "no thanks" is theirs: the cluster's editor sees them lower
    # among the candidates, but is never told why.
    editor = f.UserFactory(email="redaktoer@mols.dk")
    editor.groups.add(clusters["editor_group"])
    client.force_login(editor)
    page = client.get(
        reverse("matching_admin:candidates", args=[clusters["planters"].pk])
    ).content.decode()
    assert profile.display_name in page
    assert "nej tak" not in page.lower()


def test_a_resident_can_undo_a_no_thanks(client, clusters):
    profile = _resident(clusters, client)
    before = _ranking(profile)["Byg plantekasser"].score
    client.post(reverse("matching_dismiss", args=[clusters["benches"].pk]))
    assert _ranking(profile)["Byg plantekasser"].score < before
    response = client.post(
        reverse("matching_undismiss", args=[clusters["benches"].pk]), follow=True
    )
    assert "kan blive foreslået for dig igen" in response.content.decode()
    again = _ranking(profile)
    assert again["Byg plantekasser"].score == before
    assert "Byg bænke til torvet" in again


def test_an_editors_not_suitable_lowers_the_resident_for_the_clusters_like_tasks(
    client, clusters
):
    profile = _resident(clusters)
    editor = f.UserFactory(email="redaktoer@mols.dk")
    editor.groups.add(clusters["editor_group"])
    client.force_login(editor)

    def score(task):
        ranked, _team = candidates_for_task(task)
        return next(m.score for p, m in ranked if p.pk == profile.pk)

    before = {k: score(clusters[k]) for k in ("planters", "elsewhere")}
    url = reverse(
        "matching_admin:unsuitable", args=[clusters["benches"].pk, profile.pk]
    )
    assert client.post(url).status_code == 302
    assert score(clusters["planters"]) < before["planters"]
    assert score(clusters["elsewhere"]) == before["elsewhere"]  # another cluster
    html = client.get(
        reverse("matching_admin:candidates", args=[clusters["planters"].pk])
    ).content.decode()
    assert "Fundet uegnet til en lignende opgave i klyngen." in html
    # The resident is not told why.
    reasons = [r.how for r in _ranking(profile)["Byg plantekasser"].reasons]
    assert "unsuitable" in reasons
    client.force_login(profile.user)
    assert "uegnet" not in client.get(reverse("matching_for_you")).content.decode()


def test_confirmed_help_raises_the_skills_it_used(clusters):
    profile = _resident(clusters)
    before = _ranking(profile)["Byg plantekasser"].score
    f.SignupFactory(
        volunteer=profile, task=clusters["benches"], status=SignupStatus.CONFIRMED
    )
    after = _ranking(profile)["Byg plantekasser"]
    assert after.score > before
    assert "proven" in [r.how for r in after.reasons]


def test_the_no_thanks_list_names_only_tasks_that_are_still_public(client, clusters):
    _resident(clusters, client)
    for task in (clusters["benches"], clusters["elsewhere"]):
        client.post(reverse("matching_dismiss", args=[task.pk]))
    html = client.get(reverse("matching_for_you")).content.decode()
    assert "Byg bænke til torvet" in html and "Byg en scene i Rønde" in html
    clusters["elsewhere"].page.unpublish()
    html = client.get(reverse("matching_for_you")).content.decode()
    assert "Byg bænke til torvet" in html
    assert "Byg en scene i Rønde" not in html
