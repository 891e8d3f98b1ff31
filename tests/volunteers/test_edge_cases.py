"""Edge cases around sign-ups, consent and accounts that a review turned up."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt

from clusters.models import ClusterAdministration, TaskStatus
from tests import factories as f
from volunteers import privacy, services
from volunteers.models import (
    AccessLog,
    Consent,
    ConsentPurpose,
    Signup,
    SignupStatus,
    VolunteerProfile,
    VolunteerSkill,
)
from volunteers.retention import purge_login_records

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


@pytest.fixture
def task():
    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    return f.TaskFactory(page=plan, title="Byg plantekasser", volunteers_needed=1)


def test_deleting_an_account_gives_its_place_to_the_next_in_line(
    task, django_capture_on_commit_callbacks
):
    holder, waiting = f.VolunteerProfileFactory(), f.VolunteerProfileFactory()
    services.sign_up(holder, task)
    services.sign_up(waiting, task)
    with django_capture_on_commit_callbacks(execute=True):
        privacy.erase(holder.user)
    assert Signup.objects.get(volunteer=waiting).status == SignupStatus.INTERESTED
    task.refresh_from_db()
    assert task.status == TaskStatus.FILLED
    assert mail.outbox[-1].to == [waiting.user.email]


def test_nobody_jumps_the_waiting_list_when_a_place_opens(task):
    holder, waiting, newcomer = (f.VolunteerProfileFactory() for _ in range(3))
    services.sign_up(holder, task)
    services.sign_up(waiting, task)
    task.volunteers_needed = 2  # the editor adds a place
    task.save()
    assert services.sign_up(newcomer, task).status == SignupStatus.WAITING


def test_a_declined_resident_cannot_sign_straight_back_up(task):
    profile = f.VolunteerProfileFactory()
    services.decline_signup(services.sign_up(profile, task))
    with pytest.raises(services.SignupError, match="afvist"):
        services.sign_up(profile, task)


def test_withdrawing_from_a_finished_task_moves_nobody_up(task):
    holder, waiting = f.VolunteerProfileFactory(), f.VolunteerProfileFactory()
    services.sign_up(holder, task)
    services.sign_up(waiting, task)
    task.status = TaskStatus.DONE
    task.save()
    assert services.withdraw(holder, task) is None
    assert Signup.objects.get(volunteer=waiting).status == SignupStatus.WAITING


def test_withdrawn_consent_stops_e_mails_at_once(
    client, task, django_capture_on_commit_callbacks
):
    holder, waiting = f.VolunteerProfileFactory(), f.VolunteerProfileFactory()
    services.sign_up(holder, task)
    services.sign_up(waiting, task)
    services.withdraw_consent(waiting.user, ConsentPurpose.MATCHING)
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw(holder, task)
    assert Signup.objects.get(volunteer=waiting).status == SignupStatus.INTERESTED
    assert not mail.outbox
    # An editor cannot write to them through the platform either.
    editor = f.UserFactory(email="redaktoer@mols.dk")
    cluster = task.page.get_parent().specific
    editor.groups.add(ClusterAdministration.objects.get(cluster=cluster).editors_group)
    client.force_login(editor)
    signup = Signup.objects.get(volunteer=waiting)
    response = client.post(
        f"/admin/tilmeldinger/{signup.pk}/skriv/",
        {"subject": "Hej", "body": "Kan du komme?"},
        follow=True,
    )
    assert "har trukket sit samtykke tilbage" in response.content.decode()
    assert not mail.outbox


def test_an_unverified_address_cannot_act_as_a_resident(client):
    user = get_user_model().objects.create_user("fremmed@example.dk", PASSWORD)
    EmailAddress.objects.create(user=user, email=user.email, verified=False)
    VolunteerProfile.objects.create(user=user, display_name="Fremmed")
    client.force_login(user)  # e.g. through the admin's log-in form
    response = client.get("/frivillig/profil/")
    assert response.status_code == 200
    assert "Bekræft" in response.content.decode()  # asked to verify first
    assert 'name="display_name"' not in response.content.decode()


def test_withdrawing_without_a_profile_is_a_message_not_an_error(client, task):
    user = f.ResidentFactory()
    client.force_login(user)
    response = client.post(f"/frivillig/opgaver/{task.pk}/afmeld/", follow=True)
    assert response.status_code == 200
    assert "Du er ikke tilmeldt denne opgave." in response.content.decode()


def test_swapping_two_skill_phrases_saves(client):
    profile = f.VolunteerProfileFactory(postcode="8420")
    f.ClusterPageFactory()
    first = f.VolunteerSkillFactory(profile=profile, phrase="tømrer", sort_order=0)
    second = f.VolunteerSkillFactory(profile=profile, phrase="maler", sort_order=1)
    client.force_login(profile.user)
    response = client.post(
        "/frivillig/profil/",
        {
            "display_name": "Ole",
            "village_name": "",
            "postcode": "8420",
            "hours_per_month": "4",
            "language": "da",
            "skills-TOTAL_FORMS": "2",
            "skills-INITIAL_FORMS": "2",
            "skills-0-id": str(first.pk),
            "skills-0-phrase": "maler",
            "skills-0-level": "do",
            "skills-1-id": str(second.pk),
            "skills-1-phrase": "tømrer",
            "skills-1-level": "do",
        },
    )
    assert response.status_code == 302
    assert VolunteerSkill.objects.get(pk=first.pk).phrase == "maler"
    assert VolunteerSkill.objects.get(pk=second.pk).phrase == "tømrer"


def test_a_new_password_lifts_the_log_in_lock(client, settings):
    from allauth.account.signals import password_reset

    user = f.ResidentFactory(email="ole@example.dk")
    AccessAttempt.objects.create(
        username="ole@example.dk",
        ip_address="127.0.0.1",
        user_agent="test",
        failures_since_start=settings.AXES_FAILURE_LIMIT,
    )
    password_reset.send(sender=user.__class__, request=None, user=user)
    assert not AccessAttempt.objects.filter(username="ole@example.dk").exists()


def test_a_deleted_editor_leaves_no_name_in_residents_access_logs():
    resident = f.VolunteerProfileFactory()
    editor = f.UserFactory(first_name="Karen", last_name="Redaktør")
    AccessLog.objects.create(
        subject=resident.user,
        actor=editor,
        actor_label="Karen Redaktør",
        action="view_signups",
        reason="Tilmeldinger",
    )
    privacy.erase(editor)
    log = AccessLog.objects.get(subject=resident.user)
    assert log.actor is None and "Karen" not in log.actor_label


def test_sign_up_records_the_age_confirmation_and_export_lists_log_ins(client):
    client.post(
        "/konto/signup/",
        {
            "email": "unga@example.dk",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Unga",
            "consent_matching": "on",
            "age_confirmed": "on",
        },
    )
    profile = VolunteerProfile.objects.get(user__email="unga@example.dk")
    assert profile.age_confirmed_at is not None
    AccessAttempt.objects.create(
        username="unga@example.dk",
        ip_address="10.0.0.1",
        user_agent="Firefox",
        failures_since_start=1,
    )
    data = privacy.export(profile.user)
    assert data["profile"]["age_confirmed_at"]
    assert data["login_attempts"][0]["ip_address"] == "10.0.0.1"


def test_old_log_in_records_are_deleted_after_thirty_days():
    old = AccessAttempt.objects.create(
        username="a@example.dk",
        ip_address="10.0.0.1",
        user_agent="x",
        failures_since_start=1,
    )
    AccessAttempt.objects.filter(pk=old.pk).update(
        attempt_time=timezone.now() - dt.timedelta(days=31)
    )
    AccessAttempt.objects.create(
        username="b@example.dk",
        ip_address="10.0.0.2",
        user_agent="y",
        failures_since_start=1,
    )
    assert purge_login_records() == 1
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [
        "b@example.dk"
    ]


def test_double_consent_clicks_keep_one_active_consent():
    user = f.ResidentFactory()
    services.give_consent(user, ConsentPurpose.CONTACT)
    services.give_consent(user, ConsentPurpose.CONTACT)
    assert Consent.objects.active().filter(user=user).count() == 1
