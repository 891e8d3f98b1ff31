"""Newcomers are brought in: good first tasks near them, and their words learnt."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from matching.models import ProposalSource, ProposalStatus, SynonymProposal
from tests import factories as f
from volunteers.models import Skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    knebel = cluster.villages.get(name="Knebel")
    plan = f.ActionPlanPageFactory(parent=cluster, title="Fællesskab")
    far = f.ClusterPageFactory(
        title="Langt væk",
        municipality="aalborg",
        villages=[("Nibe", "9240", 56.98, 9.63)],
    )
    far_plan = f.ActionPlanPageFactory(parent=far, title="Nibe")
    for n in range(3):
        f.TaskFactory(
            page=plan,
            title=f"Hjælp til sommerfesten {n}",
            skills="festarrangør",
            good_first_task=True,
            village=knebel,
        )
    f.TaskFactory(page=plan, title="Lav budgettet", skills="regnskab", village=knebel)
    f.TaskFactory(
        page=far_plan, title="Hjælp i Nibe", skills="kaffe", good_first_task=True
    )
    return {"cluster": cluster, "knebel": knebel}


def _titles(client):
    soup = BeautifulSoup(client.get(reverse("matching_for_you")).content, "html.parser")
    return [h.get_text(strip=True) for h in soup.select("ol.task-list h2")], soup


def test_a_newcomer_without_skills_is_offered_good_first_tasks_near_them(client, mols):
    profile = f.VolunteerProfileFactory(village=mols["knebel"], in_association=False)
    profile.clusters.add(mols["cluster"])
    client.force_login(profile.user)
    titles, soup = _titles(client)
    assert sorted(titles) == [f"Hjælp til sommerfesten {n}" for n in range(3)]
    assert "Hjælp i Nibe" not in titles and "Lav budgettet" not in titles
    assert "En god første opgave tæt på dig" in soup.get_text()


def _words_form(phrase):
    return {
        "display_name": "Bo",
        "postcode": "8420",
        "village_name": "Knebel",
        "hours_per_month": "4",
        "language": "da",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "0",
        "skills-0-phrase": phrase,
        "skills-0-level": "do",
    }


def test_words_nothing_reads_go_to_the_administrators(
    client, mols, eager, django_capture_on_commit_callbacks
):
    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    client.force_login(profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:profile"), _words_form("Origami"))
    assert response.status_code == 302
    (proposal,) = SynonymProposal.objects.filter(source=ProposalSource.UNRECOGNISED)
    assert proposal.phrase == "origami"
    # The unrecognised resident still sees the good first tasks near them.
    titles, _soup = _titles(client)
    assert any(t.startswith("Hjælp til sommerfesten") for t in titles)

    admin = f.UserFactory(email="admin@example.dk", is_superuser=True, is_staff=True)
    client.force_login(admin)
    html = client.get(reverse("skills_admin:proposals")).content.decode()
    assert "origami" in html
    accept = reverse("skills_admin:proposal_accept", args=[proposal.pk])
    response = client.post(accept, {"skill": "Ikke en færdighed"}, follow=True)
    assert "Vælg en færdighed fra listen" in response.content.decode()
    assert SynonymProposal.objects.get(pk=proposal.pk).status == ProposalStatus.PROPOSED
    client.post(accept, {"skill": "Bagning"})
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert proposal.skill.name_da == "Bagning"
    assert "origami" in Skill.objects.get(name_da="Bagning").synonyms


def test_words_of_residents_without_matching_consent_are_not_proposed(
    client, mols, eager, django_capture_on_commit_callbacks
):
    profile = f.VolunteerProfileFactory(village=mols["knebel"], consent=False)
    client.force_login(profile.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:profile"), _words_form("Origami"))
    assert response.status_code == 302
    assert not SynonymProposal.objects.filter(phrase="origami").exists()


def test_a_proposal_counts_each_resident_who_wrote_it_once(mols):
    from matching.learning import learn_from_profile
    from skills.readings import reading_for

    people = [f.VolunteerProfileFactory(village=mols["knebel"]) for _ in range(3)]
    quiet = f.VolunteerProfileFactory(village=mols["knebel"], consent=False)
    for profile, phrase in zip(
        [*people, quiet], ["Origami", "ORIGAMI", "origami ", "origami"], strict=True
    ):
        f.VolunteerSkillFactory(
            profile=profile, phrase=phrase, reading=reading_for(phrase)
        )
    f.VolunteerSkillFactory(
        profile=people[0], phrase="Origami!", reading=reading_for("Origami!")
    )
    learn_from_profile(people[0].pk)
    (proposal,) = SynonymProposal.objects.filter(phrase="origami")
    assert proposal.evidence == 3


def test_accepting_a_word_already_proposed_for_that_skill_joins_the_two(mols):
    from skills import learning

    bagning = Skill.objects.get(name_da="Bagning")
    learnt = SynonymProposal.objects.create(phrase="origami", skill=bagning, evidence=2)
    unknown = SynonymProposal.objects.create(
        phrase="origami", source=ProposalSource.UNRECOGNISED, evidence=5
    )
    accepted = learning.accept(unknown, bagning)
    assert accepted.pk == learnt.pk
    learnt.refresh_from_db()
    assert (learnt.status, learnt.evidence) == (ProposalStatus.ACCEPTED, 5)
    assert not SynonymProposal.objects.filter(pk=unknown.pk).exists()
    assert "origami" in Skill.objects.get(pk=bagning.pk).synonyms
