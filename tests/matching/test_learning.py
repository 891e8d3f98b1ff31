"""Accepted sign-ups propose new synonyms to administrators; nothing is silent."""

from django.urls import reverse

import pytest

from matching.models import ProposalStatus, SynonymProposal
from tests import factories as f
from volunteers import services
from volunteers.models import Skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed():
    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer")
    profile = f.VolunteerProfileFactory()
    f.VolunteerSkillFactory(profile=profile, phrase="tømmermand")  # an old word
    services.confirm_signup(services.sign_up(profile, task))
    return profile


def test_a_confirmed_sign_up_proposes_the_residents_unknown_word(confirmed):
    (proposal,) = SynonymProposal.objects.all()
    assert proposal.phrase == "tømmermand"
    assert proposal.skill.slug == "toemrer"
    assert proposal.evidence == 1
    # Proposed, not applied.
    assert "tømmermand" not in Skill.objects.get(slug="toemrer").synonyms


def test_an_administrator_accepts_it_and_the_word_is_understood(client, confirmed):
    admin = f.UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    proposal = SynonymProposal.objects.get()
    page = client.get(reverse("skills_admin:proposals")).content.decode()
    assert "tømmermand" in page
    client.post(reverse("skills_admin:proposal_accept", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.ACCEPTED
    assert "tømmermand" in Skill.objects.get(slug="toemrer").synonyms


def test_editors_cannot_decide_on_proposals(client, confirmed):
    editor = f.UserFactory()
    client.force_login(editor)
    proposal = SynonymProposal.objects.get()
    response = client.post(reverse("skills_admin:proposal_accept", args=[proposal.pk]))
    assert response.status_code in (302, 403)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.PROPOSED
