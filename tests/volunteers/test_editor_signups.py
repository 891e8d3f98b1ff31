"""Editors see, confirm, decline and write to their own cluster's volunteers only."""

from django.core import mail

import pytest

from clusters.models import ClusterAdministration
from tests import factories as f
from volunteers.models import (
    AccessLog,
    Consent,
    ConsentPurpose,
    SentEmail,
    Signup,
    SignupStatus,
)

pytestmark = pytest.mark.django_db

URL = "/admin/tilmeldinger/"


@pytest.fixture
def world():
    mols = f.ClusterPageFactory(title="Mols i Udvikling")
    midtlyn = f.ClusterPageFactory(
        title="Landet på Midtlyn",
        municipality="faaborg-midtfyn",
        villages=[("Nørre Lyndelse", "5792", 55.2785, 10.4441)],
    )
    mols_task = f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=mols), title="Byg plantekasser"
    )
    midtlyn_task = f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=midtlyn), title="Lav et budget"
    )
    birthe = f.VolunteerProfileFactory(display_name="Birthe")
    f.VolunteerSkillFactory(profile=birthe, phrase="tømrer")
    karl = f.VolunteerProfileFactory(display_name="Karl")
    editor = f.UserFactory(email="redaktoer@mols.dk", is_staff=True)
    editor.groups.add(ClusterAdministration.objects.get(cluster=mols).editors_group)
    return {
        "mols_signup": f.SignupFactory(volunteer=birthe, task=mols_task),
        "midtlyn_signup": f.SignupFactory(volunteer=karl, task=midtlyn_task),
        "birthe": birthe,
        "karl": karl,
        "editor": editor,
        "mols_task": mols_task,
    }


@pytest.fixture
def editor_client(client, world):
    client.force_login(world["editor"])
    return client


def test_editor_sees_only_their_own_clusters_volunteers(editor_client, world):
    html = editor_client.get(URL).content.decode()
    assert "Byg plantekasser" in html and "Birthe" in html and "tømrer" in html
    assert "Lav et budget" not in html and "Karl" not in html
    # No contact consent: the address stays hidden.
    assert world["birthe"].user.email not in html
    # The look-up is logged for the resident's export, once a day.
    editor_client.get(URL)
    (log,) = AccessLog.objects.filter(subject=world["birthe"].user)
    assert log.actor == world["editor"]
    assert not AccessLog.objects.filter(subject=world["karl"].user).exists()


def test_the_address_shows_only_with_contact_consent(editor_client, world):
    Consent.objects.create(
        user=world["birthe"].user, purpose=ConsentPurpose.CONTACT, text_version="t"
    )
    assert world["birthe"].user.email in editor_client.get(URL).content.decode()


def test_editor_cannot_touch_another_clusters_sign_up_by_guessing_ids(
    editor_client, world
):
    other = world["midtlyn_signup"]
    for path in ("bekraeft", "afvis"):
        response = editor_client.post(f"{URL}{other.pk}/{path}/")
        assert response.status_code == 404
    assert editor_client.get(f"{URL}{other.pk}/skriv/").status_code == 404
    other.refresh_from_db()
    assert other.status == SignupStatus.INTERESTED


def test_residents_and_anonymous_visitors_cannot_open_it(client, world):
    assert client.get(URL).status_code == 302  # to the admin log-in
    client.force_login(world["birthe"].user)
    assert client.get(URL).status_code in (302, 403)


def test_confirming_and_declining_tell_the_resident(
    editor_client, world, django_capture_on_commit_callbacks
):
    signup = world["mols_signup"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{URL}{signup.pk}/bekraeft/")
    signup.refresh_from_db()
    assert signup.status == SignupStatus.CONFIRMED
    assert "Din plads er bekræftet" in mail.outbox[-1].subject
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{URL}{signup.pk}/afvis/")
    signup.refresh_from_db()
    assert signup.status == SignupStatus.DECLINED
    assert mail.outbox[-1].to == [world["birthe"].user.email]
    assert SentEmail.objects.filter(user=world["birthe"].user).count() == 2


def test_the_confirmation_says_when_at_what_time_and_where(
    editor_client, world, django_capture_on_commit_callbacks
):
    """A confirmed resident is told the dates, the time of the week and the place,
    with the task's address, in their language."""
    import datetime as dt

    task = world["mols_task"]
    task.starts_on = dt.date(2027, 5, 8)
    task.deadline = dt.date(2027, 5, 8)
    task.weekends = True
    task.meeting_place = f.MeetingPlacePageFactory(
        parent=task.page.get_parent(),
        title="Knebel Forsamlingshus",
        address="Hovedgaden 1",
    )
    task.save()
    signup = world["mols_signup"]
    with django_capture_on_commit_callbacks(execute=True):
        editor_client.post(f"{URL}{signup.pk}/bekraeft/")
    body = mail.outbox[-1].body
    assert "Hvornår: lørdag 8. maj 2027" in body
    assert "Tidspunkt: weekender" in body
    assert "Hvor: Knebel Forsamlingshus, Hovedgaden 1" in body
    assert f"/frivillig/opgaver/{task.pk}/" in body


def test_declining_moves_the_first_in_line_up(editor_client, world):
    task = world["mols_task"]
    waiting = f.SignupFactory(
        volunteer=f.VolunteerProfileFactory(), task=task, status=SignupStatus.WAITING
    )
    editor_client.post(f"{URL}{world['mols_signup'].pk}/afvis/")
    waiting.refresh_from_db()
    assert waiting.status == SignupStatus.INTERESTED


def test_editor_writes_through_the_platform_without_seeing_the_address(
    editor_client, world
):
    signup = world["mols_signup"]
    page = editor_client.get(f"{URL}{signup.pk}/skriv/").content.decode()
    assert world["birthe"].user.email not in page
    editor_client.post(
        f"{URL}{signup.pk}/skriv/",
        {"subject": "Værktøj", "body": "Har du en stiksav med på lørdag?"},
    )
    (message,) = mail.outbox
    assert message.to == [world["birthe"].user.email]
    assert message.reply_to == ["redaktoer@mols.dk"]
    assert "stiksav" in message.body
    assert SentEmail.objects.filter(kind="message").count() == 1


def test_relayed_messages_are_rate_limited(editor_client, world, settings):
    from volunteers import admin_views

    signup = world["mols_signup"]
    for _ in range(admin_views.MESSAGES_PER_HOUR):
        editor_client.post(
            f"{URL}{signup.pk}/skriv/", {"subject": "Hej", "body": "Kort besked"}
        )
    response = editor_client.post(
        f"{URL}{signup.pk}/skriv/", {"subject": "Hej", "body": "Én for meget"}
    )
    assert "den grænse, vi har" in response.content.decode()
    assert len(mail.outbox) == admin_views.MESSAGES_PER_HOUR
    assert Signup.objects.get(pk=signup.pk).status == SignupStatus.INTERESTED


def test_many_sign_ups_are_paged_newest_first(editor_client, world):
    from volunteers.admin_views import SIGNUPS_PER_PAGE

    for _ in range(SIGNUPS_PER_PAGE + 5):
        f.SignupFactory(volunteer=f.VolunteerProfileFactory(), task=world["mols_task"])
    newest = f.SignupFactory(
        volunteer=f.VolunteerProfileFactory(display_name="Nyeste"),
        task=world["mols_task"],
    )
    first = editor_client.get(URL).content.decode()
    assert "Nyeste" in first and "Side 1 af 2" in first
    second = editor_client.get(f"{URL}?p=2").content.decode()
    assert "Birthe" in second
    assert newest.volunteer.display_name not in second
