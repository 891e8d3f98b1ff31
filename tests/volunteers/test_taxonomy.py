"""The skill taxonomy: shipped as data, suggested while typing, linked on save."""

import pytest

from skills import taxonomy
from tests import factories as f
from volunteers.models import Skill, SkillCategory, VolunteerSkill

pytestmark = pytest.mark.django_db


def test_the_danish_taxonomy_is_loaded_with_every_category():
    assert Skill.objects.count() >= 150
    used = set(Skill.objects.values_list("category", flat=True))
    assert used == set(SkillCategory.values)
    carpentry = Skill.objects.get(slug="toemrer")
    assert carpentry.name_da == "Tømrerarbejde"
    assert "carpenter" in carpentry.phrases()
    assert carpentry.related.filter(slug="snedker").exists()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("regn", "Regnskab og årsregnskab"),  # the start of a word
        ("regnskap", "Regnskab og årsregnskab"),  # a typo
        ("carpenter", "Tømrerarbejde"),  # English
        ("facebok", "Sociale medier"),  # a common misspelling
        ("tömrer", "Tømrerarbejde"),
    ],
)
def test_suggestions_find_the_skill_from_a_start_a_typo_or_english(typed, expected):
    names = [s["name"] for s in taxonomy.suggest(typed)]
    assert expected in names[:4]


def test_suggestions_in_english_show_english_names(client):
    response = client.get("/en/frivillig/faerdigheder/forslag/?q=regnskab")
    assert response.json()["results"][0]["name"] == "Accounting and annual accounts"


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("bogbinder", "bogbinding"),
        ("bogholder", "bogholderi"),
        ("rydning", "rydning-af-krat"),
        ("ridning", "ridning"),
        ("lærling", "mesterlaere"),
        ("lærer", "laerer"),
    ],
)
def test_look_alikes_link_to_different_skills(phrase, slug):
    assert taxonomy.link(phrase).slug == slug


def test_a_phrase_that_names_no_skill_stays_free_text():
    assert taxonomy.link("hjælpe til hvor der mangler en hånd") is None


def test_an_edited_skill_is_suggested_at_once():
    before = [s["slug"] for s in taxonomy.suggest("torvekrukke")]
    assert "plantekasser" not in before
    skill = Skill.objects.get(slug="plantekasser")
    skill.synonyms += "\ntorvekrukke"
    skill.save()
    assert taxonomy.suggest("torvekrukke")[0]["slug"] == "plantekasser"


def test_saved_skills_are_linked_to_the_taxonomy(client):
    cluster = f.ClusterPageFactory()
    profile = f.VolunteerProfileFactory(postcode="")
    client.force_login(profile.user)
    client.post(
        "/frivillig/profil/",
        {
            "display_name": "Ole",
            "village_name": cluster.villages.first().name,
            "hours_per_month": "4",
            "language": "da",
            "skills-TOTAL_FORMS": "1",
            "skills-INITIAL_FORMS": "0",
            "skills-0-phrase": "facebok",
            "skills-0-level": "do",
        },
    )
    assert VolunteerSkill.objects.get().skill.slug == "sociale-medier"
