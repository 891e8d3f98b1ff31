"""Editors see the residents who could do their cluster's tasks, and only theirs."""

import pytest

from clusters.models import ClusterAdministration
from tests import factories as f
from volunteers.models import AccessLog, Consent, ConsentPurpose

pytestmark = pytest.mark.django_db

URL = "/admin/kandidater/"


@pytest.fixture
def world(client):
    mols = f.ClusterPageFactory(title="Mols i Udvikling")
    midtlyn = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    planter = f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=mols),
        title="Byg plantekasser",
        skills="tømrer",
        volunteers_needed=2,
    )
    other = f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=midtlyn), title="Lav et budget"
    )
    knebel = mols.villages.get(name="Knebel")

    def resident(name, phrase, contact=True):
        profile = f.VolunteerProfileFactory(display_name=name, village=knebel)
        f.VolunteerSkillFactory(profile=profile, phrase=phrase)
        if contact:
            Consent.objects.create(
                user=profile.user, purpose=ConsentPurpose.CONTACT, text_version="t"
            )
        return profile

    people = {
        "birthe": resident("Birthe", "tømre"),
        "karl": resident("Karl", "carpenter"),
        "hidden": resident("Hemmelig", "tømrer", contact=False),
        "baker": resident("Bager-Bo", "bagning"),
    }
    editor = f.UserFactory(email="redaktoer@mols.dk")
    editor.groups.add(ClusterAdministration.objects.get(cluster=mols).editors_group)
    client.force_login(editor)
    return {"planter": planter, "other": other, "editor": editor, **people}


def test_editor_sees_candidates_with_reasons_and_a_proposed_team(client, world):
    html = client.get(f"{URL}{world['planter'].pk}/").content.decode()
    assert "Birthe" in html and "Karl" in html
    assert "Skrev “tømre” for “tømrer” (et andet ord for det)." in html
    assert "Foreslået hold" in html
    # Only residents who agreed to be contacted, and only those who fit.
    assert "Hemmelig" not in html and "Bager-Bo" not in html
    assert AccessLog.objects.filter(
        subject=world["birthe"].user, action="view_candidates"
    ).exists()


def test_editor_cannot_open_another_clusters_task(client, world):
    assert client.get(f"{URL}{world['other'].pk}/").status_code == 404
    listing = client.get(URL).content.decode()
    assert "Byg plantekasser" in listing and "Lav et budget" not in listing


def test_an_editor_rules_out_a_candidate_for_the_next_ranking(client, world):
    task = world["planter"]
    response = client.post(
        f"{URL}{task.pk}/{world['karl'].pk}/ikke-egnet/", follow=True
    )
    assert (
        "Karl bliver ikke foreslået til denne opgave igen." in response.content.decode()
    )
    html = client.get(f"{URL}{task.pk}/").content.decode()
    assert "Karl" not in html and "Birthe" in html


def test_an_editor_cannot_rule_out_for_another_clusters_task(client, world):
    response = client.post(f"{URL}{world['other'].pk}/{world['karl'].pk}/ikke-egnet/")
    assert response.status_code == 404
