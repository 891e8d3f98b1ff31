"""Everything the engine weighs reaches it: a task's time and a resident's load.

Each is changed the way people change it, through the web forms, and the ranking
the resident sees moves.
"""

import datetime as dt

from django.urls import reverse

import pytest

from matching.services import as_task, committed_hours, tasks_for_resident
from tests import factories as f
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    knebel = cluster.villages.get(name="Knebel")

    def task(title, **kwargs):
        return f.TaskFactory(
            page=plan,
            title=title,
            skills="tømrer",
            village=knebel,
            estimated_hours=4,
            **kwargs,
        )

    return {
        "cluster": cluster,
        "knebel": knebel,
        "weekday": task("Byg plantekasser i dagtimerne", weekdays=True),
        "evening": task("Byg en bænk om aftenen", evenings=True),
        "others": [task(f"Anden opgave {n}") for n in range(3)],
    }


def _resident(client, mols, **kwargs):
    profile = f.VolunteerProfileFactory(village=mols["knebel"], **kwargs)
    profile.clusters.add(mols["cluster"])
    f.VolunteerSkillFactory(profile=profile, phrase="tømrer")
    client.force_login(profile.user)
    return profile


def _scores(profile):
    profile = VolunteerProfile.objects.get(pk=profile.pk)
    return {task.title: match.score for task, match in tasks_for_resident(profile)}


def _profile_form(profile, **changes):
    skill = profile.skills.get()
    data = {
        "display_name": profile.display_name,
        "postcode": "8420",
        "village_name": "Knebel",
        "hours_per_month": str(profile.hours_per_month),
        "language": "da",
        "in_association": "",
        "notify_new_tasks": "on",
        "skills-TOTAL_FORMS": "1",
        "skills-INITIAL_FORMS": "1",
        "skills-0-id": str(skill.pk),
        "skills-0-phrase": skill.phrase,
        "skills-0-level": "do",
    }
    data.update(changes)
    return data


def test_a_task_carries_its_week_and_its_seasons():
    task = f.TaskFactory.build(
        evenings=True,
        weekends=True,
        starts_on=dt.date(2027, 1, 20),
        deadline=dt.date(2027, 3, 10),
    )
    assert as_task(task).when == {"evenings", "weekends", "winter", "spring"}
    assert as_task(f.TaskFactory.build()).when == frozenset()


def test_switching_from_weekdays_to_evenings_moves_the_ranking(client, mols):
    profile = _resident(client, mols, weekdays=True)
    before = _scores(profile)
    assert before["Byg plantekasser i dagtimerne"] > before["Byg en bænk om aftenen"]
    response = client.post(
        reverse("volunteers:profile"),
        _profile_form(profile, evenings="on", weekends="on"),
    )
    assert response.status_code == 302
    after = _scores(profile)
    assert after["Byg en bænk om aftenen"] > after["Byg plantekasser i dagtimerne"]
    assert (
        after["Byg plantekasser i dagtimerne"] < before["Byg plantekasser i dagtimerne"]
    )


def test_three_tasks_taken_on_lower_the_next_ones(client, mols):
    profile = _resident(client, mols, hours_per_month=10)
    before = _scores(profile)
    for task in mols["others"]:
        response = client.post(reverse("volunteers:task_signup", args=[task.pk]))
        assert response.status_code == 302
    assert committed_hours([profile.pk]) == {profile.pk: 12.0}
    after = _scores(profile)
    for title in ("Byg plantekasser i dagtimerne", "Byg en bænk om aftenen"):
        assert after[title] < before[title]
