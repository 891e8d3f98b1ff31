"""Residents see the tasks that fit them at /frivillig/opgaver/til-dig/, with why."""

import pytest
from bs4 import BeautifulSoup

from tests import factories as f
from volunteers.models import ConsentPurpose, Skill
from volunteers.services import withdraw_consent

pytestmark = pytest.mark.django_db

URL = "/frivillig/opgaver/til-dig/"


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    knebel = cluster.villages.get(name="Knebel")
    return {
        "cluster": cluster,
        "village": knebel,
        "planter": f.TaskFactory(
            page=plan, title="Byg plantekasser", skills="tømrer", village=knebel
        ),
        "facebook": f.TaskFactory(
            page=plan, title="Kør Facebook-siden", skills="sociale medier"
        ),
        "budget": f.TaskFactory(page=plan, title="Lav et budget", skills="regnskab"),
    }


def _resident(client, mols, phrases):
    profile = f.VolunteerProfileFactory(village=mols["village"])
    profile.clusters.add(mols["cluster"])
    for phrase in phrases:
        f.VolunteerSkillFactory(profile=profile, phrase=phrase)
    client.force_login(profile.user)
    return profile


def test_a_resident_who_writes_tømre_sees_the_planter_task_first_with_a_reason(
    client, mols
):
    _resident(client, mols, ["tømre"])
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    tasks = soup.select("ol.task-list > li")
    assert tasks[0].find("h2").get_text(strip=True) == "Byg plantekasser"
    reasons = [li.get_text(strip=True) for li in tasks[0].select("ul.reasons li")]
    assert "Du skrev “tømre” – opgaven søger “tømrer”." in reasons
    assert "Opgaven er i din landsby." in reasons
    titles = [t.find("h2").get_text(strip=True) for t in tasks]
    assert "Lav et budget" not in titles  # nothing fits it


def test_typos_and_english_find_their_tasks(client, mols):
    _resident(client, mols, ["facebok", "accounting"])
    html = client.get(URL).content.decode()
    assert "Kør Facebook-siden" in html and "Lav et budget" in html
    assert "Byg plantekasser" not in html


def test_no_suggestions_without_consent(client, mols):
    profile = _resident(client, mols, ["tømre"])
    withdraw_consent(profile.user, ConsentPurpose.MATCHING)
    html = client.get(URL).content.decode()
    assert "Byg plantekasser" not in html


def test_tasks_already_signed_up_to_are_not_suggested_again(client, mols):
    profile = _resident(client, mols, ["tømre"])
    f.SignupFactory(volunteer=profile, task=mols["planter"])
    assert "Byg plantekasser" not in client.get(URL).content.decode()


def test_a_word_administrators_add_to_the_taxonomy_is_understood_at_once(client, mols):
    _resident(client, mols, ["tømmermand"])
    assert "Byg plantekasser" not in client.get(URL).content.decode()
    skill = Skill.objects.get(slug="toemrer")
    skill.synonyms += "\ntømmermand"
    skill.save()
    assert "Byg plantekasser" in client.get(URL).content.decode()


def test_the_page_needs_a_log_in(client):
    assert client.get(URL).status_code == 302


def test_not_for_me_removes_a_suggestion_for_good(client, mols):
    _resident(client, mols, ["tømre"])
    planter = mols["planter"]
    response = client.post(f"{URL}{planter.pk}/ikke-for-mig/", follow=True)
    html = response.content.decode()
    assert "Vi foreslår ikke “Byg plantekasser” for dig igen." in html
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    suggested = [h.get_text(strip=True) for h in soup.select("ol.task-list h2")]
    assert "Byg plantekasser" not in suggested
    # It is listed among the tasks said no to, where it can be undone.
    declined = soup.select_one("section.declined").get_text(" ", strip=True)
    assert "Byg plantekasser" in declined and "Fortryd" in declined


def test_each_card_has_its_date_places_left_and_one_sign_up_button(client, mols):
    """A suggestion says when and how many places are left, and signs up with one
    click, as the task page does."""
    import datetime as dt

    planter = mols["planter"]
    planter.starts_on = dt.date(2027, 5, 8)
    planter.deadline = dt.date(2027, 5, 9)
    planter.volunteers_needed = 3
    planter.save()
    f.SignupFactory(task=planter)
    profile = _resident(client, mols, ["tømrer"])
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    card = soup.select_one("ol.task-list > li")
    text = card.get_text(" ", strip=True)
    assert "8. maj – 9. maj 2027" in text
    assert "2 pladser tilbage" in text
    for one in soup.select("ol.task-list > li"):
        assert len(one.select('form[action$="/tilmeld/"] button')) == 1
    action = card.select_one('form[action$="/tilmeld/"]')["action"]
    client.post(action)
    assert planter.signups.filter(volunteer=profile).exists()
