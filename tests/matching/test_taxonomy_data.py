"""The shipped skill taxonomy (skills/data/skills.json) is complete and clear."""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

SKILLS_JSON = Path(__file__).resolve().parents[2] / "skills" / "data" / "skills.json"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_CATEGORIES = {
    "haandvaerk",
    "kommunikation",
    "oekonomi",
    "it",
    "natur-og-have",
    "mad",
    "koersel",
    "undervisning",
    "jura",
    "foreningsarbejde",
}
LOOK_ALIKES = [("bogbinder", "bogholder"), ("rydning", "ridning"), ("lærling", "lærer")]
# (a, b): whoever has skill a can do what skill b names — and not the other way.
INCLUDES = [
    ("skovbrug", "rydning-af-krat"),
    ("sygepleje", "foerstehjaelp"),
    ("kasserer", "bogholderi"),
    ("anlaegsgartner", "beskaering"),
    ("webudvikling", "hjemmeside"),
    ("paedagog", "boerneaktiviteter"),
]


@pytest.fixture(scope="module")
def taxonomy():
    return json.loads(SKILLS_JSON.read_text(encoding="utf-8"))


def phrases(skill):
    """Every word a resident could type for the skill, lower-cased."""
    words = [skill["da"], skill["en"]]
    for field in ("synonyms", "english", "misspellings"):
        words += skill.get(field, [])
    return {word.strip().lower() for word in words if word.strip()}


def owners(taxonomy):
    found = defaultdict(set)
    for skill in taxonomy["skills"]:
        for phrase in phrases(skill):
            found[phrase].add(skill["slug"])
    return found


def test_taxonomy_has_enough_skills(taxonomy):
    """Residents' skills would go unrecognised if the taxonomy shrank."""
    assert len(taxonomy["skills"]) >= 150


def test_skill_slugs_are_unique_ascii_and_hyphenated(taxonomy):
    """Skills would overwrite each other or get broken URLs when loaded."""
    slugs = [skill["slug"] for skill in taxonomy["skills"]]
    assert len(slugs) == len(set(slugs))
    assert [slug for slug in slugs if not SLUG.match(slug)] == []


def test_every_category_exists_and_is_used(taxonomy):
    """A skill would sit in a missing category, or an empty one would show."""
    categories = [category["slug"] for category in taxonomy["categories"]]
    assert len(categories) == len(set(categories))
    assert [slug for slug in categories if not SLUG.match(slug)] == []
    used = {skill["category"] for skill in taxonomy["skills"]}
    assert used - set(categories) == set()
    assert set(categories) - used == set()


def test_required_categories_exist(taxonomy):
    """A core area such as crafts, finance or driving would vanish from the lists."""
    categories = {category["slug"] for category in taxonomy["categories"]}
    assert REQUIRED_CATEGORIES - categories == set()


def test_every_skill_has_names_and_words(taxonomy):
    """A skill would show without a name or could never be matched from text."""
    incomplete = [
        skill["slug"]
        for skill in taxonomy["skills"]
        if not (
            skill.get("da", "").strip()
            and skill.get("en", "").strip()
            and any(word.strip() for word in skill.get("synonyms", []))
            and any(word.strip() for word in skill.get("english", []))
        )
    ]
    assert incomplete == []


def test_no_phrase_belongs_to_two_skills(taxonomy):
    """A word a resident types would be matched to two different skills."""
    shared = {
        phrase: sorted(slugs)
        for phrase, slugs in owners(taxonomy).items()
        if len(slugs) > 1
    }
    assert shared == {}


def test_related_skills_exist_and_are_not_self(taxonomy):
    """Loading the taxonomy would fail or suggest a skill as related to itself."""
    slugs = {skill["slug"] for skill in taxonomy["skills"]}
    broken = [
        (skill["slug"], related)
        for skill in taxonomy["skills"]
        for related in skill.get("related", [])
        if related not in slugs or related == skill["slug"]
    ]
    assert broken == []


def test_implied_skills_exist_and_are_not_self(taxonomy):
    """Loading the taxonomy would drop a link, or a skill would include itself."""
    slugs = {skill["slug"] for skill in taxonomy["skills"]}
    broken = [
        (skill["slug"], implied)
        for skill in taxonomy["skills"]
        for implied in skill.get("implies", [])
        if implied not in slugs or implied == skill["slug"]
    ]
    assert broken == []
    repeated = [
        skill["slug"]
        for skill in taxonomy["skills"]
        if len(skill.get("implies", [])) != len(set(skill.get("implies", [])))
    ]
    assert repeated == []


def test_implies_is_one_way(taxonomy):
    """Two skills that include each other are one skill twice, or merely related."""
    implies = {
        (skill["slug"], implied)
        for skill in taxonomy["skills"]
        for implied in skill.get("implies", [])
    }
    assert sorted((a, b) for a, b in implies if (b, a) in implies and a < b) == []


@pytest.mark.parametrize(("wider", "narrower"), INCLUDES)
def test_a_skill_includes_its_everyday_work(taxonomy, wider, narrower):
    """A forester would not be offered scrub clearing, or a scrub clearer forestry."""
    implies = {
        skill["slug"]: set(skill.get("implies", [])) for skill in taxonomy["skills"]
    }
    assert narrower in implies[wider]
    assert wider not in implies[narrower]


@pytest.mark.parametrize(("first", "second"), LOOK_ALIKES)
def test_look_alikes_stay_in_different_skills(taxonomy, first, second):
    """A bookbinder would be offered bookkeeping tasks, or a rider scrub clearing."""
    found = owners(taxonomy)
    assert found[first], f"{first!r} belongs to no skill"
    assert found[second], f"{second!r} belongs to no skill"
    assert found[first].isdisjoint(found[second])
