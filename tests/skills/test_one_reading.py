"""One reading of a skill phrase, everywhere.

The same everyday phrases go through every consumer — the stored link of a
resident's phrase, the municipal counts (*Færdigheder*), the contacts, the overview's
supply and demand, the skill gaps (*Mangler*), the matching's own reasons and the
editors' "Genkendt som" — and every one of them reads the same skills.
"""

from django.urls import reverse

import pytest

from matching.services import tasks_for_resident
from search import overview, resources
from skills.readings import CLEAR
from skills.taxonomy import read
from skills.views import recognised
from tests import factories as f
from volunteers.models import Consent, ConsentPurpose, Skill, VolunteerSkill

pytestmark = pytest.mark.django_db

# Everyday phrases: compounds, "og"-phrases, job titles, inflections, typos, English.
PHRASES = [
    "bagning af kager",
    "snedker og maler",
    "klippe hæk og græs",
    "brolægger",
    "tømre",
    "regnskab",
    "facebok",
    "carpenter",
    "havearbejde",
    "kørsel",
]


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    return {"cluster": cluster, "knebel": cluster.villages.get(name="Knebel")}


def _expected():
    """What the engine clearly reads in each phrase (what counts as offered)."""
    return {
        phrase: {r.slug for r in reading if r.confidence >= CLEAR}
        for phrase, reading in zip(PHRASES, read(PHRASES), strict=True)
    }


def test_every_phrase_is_read_as_some_skill():
    assert all(_expected().values()), _expected()


@pytest.mark.parametrize("phrase", PHRASES)
def test_every_consumer_reads_the_same_skills(client, mols, phrase):
    expected = _expected()[phrase]
    skills = {s.slug: s for s in Skill.objects.filter(slug__in=expected)}
    categories = {s.category for s in skills.values()}

    # A resident writes the phrase on their profile, through the form.
    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    profile.clusters.add(mols["cluster"])
    Consent.objects.create(
        user=profile.user, purpose=ConsentPurpose.CONTACT, text_version="t"
    )
    client.force_login(profile.user)
    response = client.post(
        reverse("volunteers:profile"),
        {
            "display_name": "Birthe",
            "postcode": "8420",
            "village_name": "Knebel",
            "hours_per_month": "4",
            "language": "da",
            "skills-TOTAL_FORMS": "1",
            "skills-INITIAL_FORMS": "0",
            "skills-0-phrase": phrase,
            "skills-0-level": "do",
        },
    )
    assert response.status_code == 302
    stored = VolunteerSkill.objects.get(profile=profile)
    assert {s.slug for s in stored.reading.skills.all()} == expected
    assert stored.skill.slug in expected  # "Genkendt som": the strongest of them

    # An editor asks for the same phrase on a task.
    plan = f.ActionPlanPageFactory(parent=mols["cluster"])
    task = f.TaskFactory(page=plan, title="Opgaven", skills=phrase)

    scope = resources.municipal_scope(["syddjurs"])
    counted = {
        (row["reading__links__skill__name_da"])
        for row in resources.skill_counts(scope, by_skill=True)
    }
    assert counted == {s.name_da for s in skills.values()}
    for skill in skills.values():
        contacts = resources.contactable_residents(scope, skill=skill)
        assert profile in contacts

    balance = {
        b.category: (b.supply, b.demand)
        for b in overview.skill_supply_and_demand(overview.Scope(["syddjurs"]))
    }
    assert {c for c, (supply, _d) in balance.items() if supply} == categories
    assert {c for c, (_s, demand) in balance.items() if demand} == categories

    gaps = {g.label for g in resources.skill_gaps(scope) if task in g.tasks}
    assert gaps == {s.name_da for s in skills.values()}

    (item,) = recognised(phrase)
    assert {s["slug"] for s in item["skills"]} == expected

    (found,) = [m for t, m in tasks_for_resident(profile) if t.pk == task.pk]
    reason_skills = {r.skill_slug for r in found.reasons if r.kind == "skill"}
    assert reason_skills and reason_skills <= expected


@pytest.mark.parametrize(
    ("resident", "task", "slug"),
    [
        ("systemudvikler", "programmering af app", "webudvikling"),
        ("brolægger", "lægge brosten på torvet", "brolaegning"),
        ("bagning af kager", "bage kager til høstfesten", "bagning"),
    ],
)
def test_a_job_title_or_an_everyday_phrase_finds_the_task_and_is_counted(
    client, mols, resident, task, slug
):
    """Issue 11's own cases: found by the task that needs the skill, and counted
    under the skill in *Færdigheder*."""
    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    profile.clusters.add(mols["cluster"])
    f.VolunteerSkillFactory(profile=profile, phrase=resident)
    plan = f.ActionPlanPageFactory(parent=mols["cluster"])
    needed = f.TaskFactory(page=plan, title="Opgaven", skills=task)
    (found,) = [m for t, m in tasks_for_resident(profile) if t.pk == needed.pk]
    assert found.score >= 60
    assert slug in {r.skill_slug for r in found.reasons}
    scope = resources.municipal_scope(["syddjurs"])
    skill = Skill.objects.get(slug=slug)
    (row,) = resources.skill_counts(scope, skill=skill, by_skill=True)
    assert row["residents"] == 1


def test_editors_see_what_the_site_understood_on_a_tasks_skills(client, mols):
    from clusters.models import ClusterAdministration

    plan = f.ActionPlanPageFactory(parent=mols["cluster"])
    f.TaskFactory(page=plan, title="Byg bænke", skills="tømrer, jonglering")
    editor = f.UserFactory(email="redaktoer@mols.dk")
    editor.groups.add(
        ClusterAdministration.objects.get(cluster=mols["cluster"]).editors_group
    )
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[plan.pk])).content
    html = html.decode()
    assert "Genkendt som" in html
    assert '“tømrer”: <span class="skill-chip">Tømrerarbejde</span>' in html
    assert "“jonglering”: <em>ikke genkendt</em>" in html
    # And live, as the editor types (the same reading).
    response = client.get(reverse("skills:read"), {"q": "tømre, carpenter"})
    names = [[s["name"] for s in p["skills"]] for p in response.json()["phrases"]]
    assert names == [["Tømrerarbejde"], ["Tømrerarbejde"]]


def test_phrases_saved_before_readings_were_stored_are_read_on_migrate(mols):
    """An upgraded database: residents' phrases without a stored reading are read
    when `migrate` finishes, and counted from then on."""
    from django.apps import apps

    from matching.signals import readings_up_to_date

    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    skill = f.VolunteerSkillFactory(profile=profile, phrase="brolægger")
    VolunteerSkill.objects.filter(pk=skill.pk).update(reading=None, skill=None)
    scope = resources.municipal_scope(["syddjurs"])
    assert not resources.skill_counts(scope, by_skill=True).exists()
    readings_up_to_date(sender=apps.get_app_config("matching"))
    stored = VolunteerSkill.objects.get(pk=skill.pk)
    assert stored.skill.slug == "brolaegning"
    (row,) = resources.skill_counts(scope, by_skill=True)
    assert row["reading__links__skill__name_da"] == stored.skill.name_da


def test_a_weak_hint_is_not_counted_as_an_offered_skill(mols):
    """A compound's modifier before another head only hints ("legetøjsmaler" is a
    painter, not childcare): the matching may weigh it, the counts do not."""
    reading = read(["kagemandsfigur"])[0]
    weak = {r.slug for r in reading if r.confidence < CLEAR}
    assert weak  # the engine does see a hint of baking in it
    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    f.VolunteerSkillFactory(profile=profile, phrase="kagemandsfigur")
    counted = {
        row["reading__links__skill__slug"]
        for row in resources.offered_skills(
            resources.municipal_scope(["syddjurs"])
        ).values("reading__links__skill__slug")
    }
    assert not counted & weak


def test_an_administrator_says_what_a_skill_includes_and_matching_follows(client, mols):
    """An "includes" link set on the skill snippet reaches the matching, one way,
    and the resident reads why."""
    from matching.reasons import explain

    profile = f.VolunteerProfileFactory(village=mols["knebel"])
    profile.clusters.add(mols["cluster"])
    f.VolunteerSkillFactory(profile=profile, phrase="bogholder")
    plan = f.ActionPlanPageFactory(parent=mols["cluster"])
    task = f.TaskFactory(page=plan, title="Fest", skills="festarrangør")

    def found():
        return [m for t, m in tasks_for_resident(profile) if t.pk == task.pk]

    assert not found()
    bookkeeping = Skill.objects.get(slug="bogholderi")
    bookkeeping.implies.add(Skill.objects.get(slug="arrangementer"))
    (match,) = found()
    assert match.score >= 60
    texts = [explain(reason) for reason in match.reasons]
    said = "Du skrev “bogholder” – det arbejde omfatter det, opgaven har brug for"
    assert f"{said}: “festarrangør”." in texts
    # One way: the party planner is no bookkeeper.
    other = f.VolunteerProfileFactory(village=mols["knebel"])
    other.clusters.add(mols["cluster"])
    f.VolunteerSkillFactory(profile=other, phrase="festarrangør")
    books = f.TaskFactory(page=plan, title="Regnskab", skills="bogholder")
    assert not [m for t, m in tasks_for_resident(other) if t.pk == books.pk]


def test_the_shipped_includes_links_are_in_the_database(mols):
    """Migrations bring the data file's `implies` into the snippets, so the site's
    own taxonomy (read from the database) has them."""
    from skills.taxonomy import get_engine

    forestry = Skill.objects.get(slug="skovbrug")
    assert "rydning-af-krat" in {s.slug for s in forestry.implies.all()}
    engine = get_engine()
    pairs = {
        (engine.taxonomy.skills[i].slug, engine.taxonomy.skills[j].slug)
        for i, j in engine.taxonomy.implied_pairs
    }
    assert ("skovbrug", "rydning-af-krat") in pairs
    assert ("rydning-af-krat", "skovbrug") not in pairs
