"""Rematching goes through a transactional outbox: nothing is lost, no error seen."""

import pytest

from matching import outbox
from matching.models import Match, OutboxMessage
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def planter():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster)
    return f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer")


def _profile_form(village):
    return {
        "display_name": "Ole",
        "village_name": village.name,
        "hours_per_month": "4",
        "language": "da",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "0",
        "skills-0-phrase": "tømre",
        "skills-0-level": "do",
    }


def test_saving_a_profile_stores_the_residents_matches_after_commit(
    client, planter, eager, django_capture_on_commit_callbacks
):
    profile = f.VolunteerProfileFactory(postcode="")
    client.force_login(profile.user)
    village = planter.page.get_parent().specific.villages.first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/frivillig/profil/", _profile_form(village))
    assert response.status_code == 302
    (message,) = OutboxMessage.objects.all()
    assert message.task_name == "matching.rematch_volunteer"
    assert message.published_at is not None
    (match,) = Match.objects.filter(volunteer=profile)
    assert match.task == planter
    assert match.reasons[0]["phrase"] == "tømre"


def test_a_broker_error_never_reaches_the_resident_and_the_sweeper_catches_up(
    client, planter, eager, monkeypatch, django_capture_on_commit_callbacks
):
    profile = f.VolunteerProfileFactory(postcode="")
    client.force_login(profile.user)
    village = planter.page.get_parent().specific.villages.first()

    def broker_down(message):
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(outbox, "_send", broker_down)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/frivillig/profil/", _profile_form(village))
    assert response.status_code == 302  # saved, and the resident is not bothered
    (message,) = OutboxMessage.objects.all()
    assert message.published_at is None and message.attempts == 1
    assert "ConnectionError" in message.last_error
    assert not Match.objects.exists()

    monkeypatch.undo()  # the broker is back
    assert outbox.publish() == 1
    message.refresh_from_db()
    assert message.published_at is not None
    assert Match.objects.filter(volunteer=profile, task=planter).exists()


def test_work_is_not_written_when_the_change_is_rolled_back(planter):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        outbox.enqueue("matching.rematch_task", planter.pk)
        raise RuntimeError("the change failed")
    assert not OutboxMessage.objects.exists()


def test_publishing_an_action_plan_rematches_its_tasks(
    planter, eager, django_capture_on_commit_callbacks
):
    profile = f.VolunteerProfileFactory(
        village=planter.page.get_parent().specific.villages.first()
    )
    f.VolunteerSkillFactory(profile=profile, phrase="tømrerarbejde")
    with django_capture_on_commit_callbacks(execute=True):
        planter.page.save_revision().publish()
    assert Match.objects.filter(task=planter, volunteer=profile).exists()


def test_withdrawing_consent_removes_the_residents_matches(
    planter, eager, django_capture_on_commit_callbacks
):
    from volunteers.models import ConsentPurpose
    from volunteers.services import withdraw_consent

    profile = f.VolunteerProfileFactory(
        village=planter.page.get_parent().specific.villages.first()
    )
    profile.clusters.add(planter.page.get_parent().specific)
    f.VolunteerSkillFactory(profile=profile, phrase="tømrer")
    from matching.services import store_matches_for_volunteer

    store_matches_for_volunteer(profile.pk)
    assert Match.objects.filter(volunteer=profile).exists()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_consent(profile.user, ConsentPurpose.MATCHING)
    assert not Match.objects.filter(volunteer=profile).exists()


def test_the_nightly_rematch_fans_out_per_municipality_and_is_idempotent(eager):
    from matching.tasks import rematch_all

    mols = f.ClusterPageFactory(title="Mols i Udvikling", municipality="syddjurs")
    midtlyn = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    for cluster, phrase in ((mols, "tømrer"), (midtlyn, "regnskab")):
        plan = f.ActionPlanPageFactory(parent=cluster)
        f.TaskFactory(page=plan, skills=phrase)
        profile = f.VolunteerProfileFactory(village=cluster.villages.first())
        f.VolunteerSkillFactory(profile=profile, phrase=phrase)
    assert rematch_all.delay().get() == 2
    assert Match.objects.count() == 2
    rematch_all.delay()
    assert Match.objects.count() == 2


def test_a_message_that_keeps_failing_is_set_aside(planter, monkeypatch):
    message = OutboxMessage.objects.create(
        task_name="matching.rematch_task",
        args=[planter.pk],
        attempts=outbox.MAX_ATTEMPTS,
    )
    sent = []
    monkeypatch.setattr(outbox, "_send", sent.append)
    assert outbox.publish() == 0
    assert not sent
    message.refresh_from_db()
    assert message.published_at is None
