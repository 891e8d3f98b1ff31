"""Residents find tasks, sign up, queue, withdraw and log hours; never past capacity."""

import datetime as dt

from django.core import mail

import icalendar
import pytest

from clusters.models import TaskStatus
from clusters.registry import task_removal_blockers
from tests import factories as f
from volunteers.models import SentEmail, Signup, SignupStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    return f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")


@pytest.fixture
def task(plan):
    return f.TaskFactory(
        page=plan,
        title="Byg plantekasser",
        skills="tømrer, snedker",
        volunteers_needed=2,
        starts_on=dt.date(2027, 4, 1),
        deadline=dt.date(2027, 4, 30),
    )


def _resident(client=None, **kwargs):
    profile = f.VolunteerProfileFactory(**kwargs)
    if client is not None:
        client.force_login(profile.user)
    return profile


def test_task_list_shows_open_tasks_of_the_residents_clusters(client, plan, task):
    other_cluster = f.ClusterPageFactory(title="Landet på Midtlyn")
    other_plan = f.ActionPlanPageFactory(parent=other_cluster)
    f.TaskFactory(page=other_plan, title="Lav et budget")
    f.TaskFactory(page=plan, title="Færdig opgave", status=TaskStatus.DONE)
    profile = _resident(client)
    profile.clusters.add(plan.get_parent().specific)
    html = client.get("/frivillig/opgaver/").content.decode()
    assert "Byg plantekasser" in html
    assert "Lav et budget" not in html  # another cluster
    assert "Færdig opgave" not in html  # done
    assert "2 pladser tilbage" in html


def test_visitors_see_all_open_tasks_and_are_asked_to_sign_up(client, task):
    html = client.get("/frivillig/opgaver/").content.decode()
    assert "Byg plantekasser" in html
    detail = client.get(f"/frivillig/opgaver/{task.pk}/").content.decode()
    assert "Log ind" in detail
    assert not client.cookies.get("sessionid")


def test_bad_filter_values_are_ignored_not_an_error(client, task):
    response = client.get("/frivillig/opgaver/?skill=findes-ikke&village=abc&side=x")
    assert response.status_code == 200


def test_signing_up_takes_a_place_and_a_full_task_offers_the_waiting_list(client, task):
    first, second, third = _resident(), _resident(), _resident(client)
    f.SignupFactory(volunteer=first, task=task)
    f.SignupFactory(volunteer=second, task=task)
    task.status = TaskStatus.FILLED
    task.save()
    page = client.get(f"/frivillig/opgaver/{task.pk}/").content.decode()
    assert "Skriv dig på ventelisten" in page
    client.post(f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": ""})
    signup = Signup.objects.get(volunteer=third)
    assert signup.status == SignupStatus.WAITING


def test_signing_up_twice_is_refused_clearly(client, task):
    profile = _resident(client)
    client.post(
        f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": "Jeg har værktøj"}
    )
    response = client.post(
        f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": ""}, follow=True
    )
    assert "Du er allerede tilmeldt denne opgave." in response.content.decode()
    assert Signup.objects.filter(volunteer=profile).count() == 1
    assert Signup.objects.get().message == "Jeg har værktøj"


def test_the_last_place_fills_the_task_and_withdrawal_moves_the_first_in_line_up(
    client, task, django_capture_on_commit_callbacks
):
    first = _resident(client)
    second = _resident()
    waiting_first = _resident(display_name="Karen", language="da")
    waiting_second = _resident()
    from volunteers import services

    services.sign_up(first, task)
    services.sign_up(second, task)
    task.refresh_from_db()
    assert task.status == TaskStatus.FILLED
    services.sign_up(waiting_first, task)
    services.sign_up(waiting_second, task)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/frivillig/opgaver/{task.pk}/afmeld/", follow=True)
    assert "Du har meldt fra til opgaven." in response.content.decode()
    statuses = dict(Signup.objects.values_list("volunteer_id", "status"))
    assert statuses[first.pk] == SignupStatus.WITHDRAWN
    assert statuses[waiting_first.pk] == SignupStatus.INTERESTED
    assert statuses[waiting_second.pk] == SignupStatus.WAITING
    (message,) = mail.outbox
    assert message.to == [waiting_first.user.email]
    assert "Byg plantekasser" in message.subject
    assert "Kære Karen" in message.body
    assert SentEmail.objects.filter(user=waiting_first.user, kind="moved_up").exists()
    task.refresh_from_db()
    assert task.status == TaskStatus.FILLED


def test_a_done_task_takes_no_sign_ups(client, task):
    profile = _resident(client)
    task.status = TaskStatus.DONE
    task.save()
    client.post(f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": ""})
    assert not Signup.objects.filter(volunteer=profile).exists()


def test_unpublished_or_unknown_tasks_are_not_found(client, plan, task):
    _resident(client)
    assert client.get("/frivillig/opgaver/999999/").status_code == 404
    plan.unpublish()
    assert client.get(f"/frivillig/opgaver/{task.pk}/").status_code == 404
    response = client.post(f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": ""})
    assert response.status_code == 404
    assert not Signup.objects.exists()


def test_an_over_long_message_is_refused_and_nothing_is_stored(client, task):
    _resident(client)
    response = client.post(
        f"/frivillig/opgaver/{task.pk}/tilmeld/", {"message": "x" * 501}
    )
    assert response.status_code == 400
    assert not Signup.objects.exists()


def test_a_resident_logs_hours_only_on_their_own_finished_tasks(client, task):
    mine = _resident(client)
    theirs = _resident()
    my_signup = f.SignupFactory(volunteer=mine, task=task)
    their_signup = f.SignupFactory(volunteer=theirs, task=task)
    response = client.post(
        "/frivillig/mine/", {"signup": my_signup.pk, "hours": "3"}, follow=True
    )
    assert "når opgaven er udført" in response.content.decode()
    task.status = TaskStatus.DONE
    task.save()
    client.post("/frivillig/mine/", {"signup": my_signup.pk, "hours": "3.5"})
    my_signup.refresh_from_db()
    assert my_signup.hours == 3.5 and my_signup.status == SignupStatus.DONE
    client.post("/frivillig/mine/", {"signup": their_signup.pk, "hours": "99"})
    their_signup.refresh_from_db()
    assert their_signup.hours is None
    html = client.get("/frivillig/mine/").content.decode()
    assert "3,5 timer" in html


def test_a_resident_cannot_withdraw_someone_else(client, task):
    _resident(client)
    theirs = f.SignupFactory(volunteer=_resident(), task=task)
    response = client.post(f"/frivillig/opgaver/{task.pk}/afmeld/", follow=True)
    assert "Du er ikke tilmeldt denne opgave." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.status == SignupStatus.INTERESTED


def test_personal_calendar_feed_lists_my_tasks_and_can_be_revoked(client, task):
    profile = _resident(client)
    f.SignupFactory(volunteer=profile, task=task)
    url = f"/frivillig/kalender/{profile.calendar_token}.ics"
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == "Byg plantekasser"
    assert event.decoded("dtstart") == dt.date(2027, 4, 1)
    assert event.decoded("dtend") == dt.date(2027, 5, 1)

    client.force_login(profile.user)
    client.post("/frivillig/kalender/nyt-link/")
    assert client.get(url).status_code == 404
    profile.refresh_from_db()
    assert (
        client.get(f"/frivillig/kalender/{profile.calendar_token}.ics").status_code
        == 200
    )


def test_a_task_with_sign_ups_cannot_be_removed_from_its_plan(task):
    f.SignupFactory(volunteer=_resident(), task=task)
    blockers = task_removal_blockers([task.pk])
    assert "1 beboer har meldt sig til opgaven" in blockers[task.pk]
