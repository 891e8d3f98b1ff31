"""Existing installs get the shipped taxonomy's changes by migration (0008)."""

import importlib

from django.apps import apps

import pytest

from skills.models import Skill

pytestmark = pytest.mark.django_db

migration = importlib.import_module("skills.migrations.0008_third_widening")


def test_moved_words_leave_their_old_skill_and_new_skills_arrive():
    """An install from before: a dentist read as nursing, no horticulture skill. After
    the migration a dentist is no nurse, a gartner has a skill of its own (which
    includes pruning), and an administrator's own words stay; run again, it changes
    nothing."""
    nursing = Skill.objects.get(slug="sygepleje")
    nursing.synonyms += "\ntandlæge\nTandplejer\nmin egen linje"
    nursing.save()
    Skill.objects.filter(slug="gartner").delete()
    garden = Skill.objects.get(slug="havearbejde")
    garden.synonyms += "\ngartner\nhortonom"
    garden.save()

    migration.third_widening(apps, None)

    nursing.refresh_from_db()
    lines = Skill.lines(nursing.synonyms)
    assert "tandlæge" not in lines and "Tandplejer" not in lines
    assert "min egen linje" in lines
    assert "tandlæge" in Skill.lines(
        Skill.objects.get(slug="tandpleje-og-sundhedsfag").synonyms
    )
    gartner = Skill.objects.get(slug="gartner")
    assert {"gartner", "hortonom"} <= set(Skill.lines(gartner.synonyms))
    assert "beskaering" in {s.slug for s in gartner.implies.all()}
    garden.refresh_from_db()
    assert "gartner" not in Skill.lines(garden.synonyms)

    before = {s.slug: (s.synonyms, s.english_words) for s in Skill.objects.all()}
    migration.third_widening(apps, None)
    after = {s.slug: (s.synonyms, s.english_words) for s in Skill.objects.all()}
    assert after == before


def test_the_fourth_widening_ships_new_words_and_skills_and_takes_a_wrong_one_off():
    """An install from before the fourth widening: "reperation" read as electronics
    repair, "server" unknown, no demolition skill. After 0009 "server" is IT, the
    new skills are there, "reperation" has left (an administrator's own line stays),
    and a second run changes nothing."""
    fourth = importlib.import_module("skills.migrations.0009_fourth_widening")
    repair = Skill.objects.get(slug="reparation-af-elektronik")
    repair.misspellings += "\nreperation\nmin egen stavefejl"
    repair.save()
    support = Skill.objects.get(slug="it-support")
    support.synonyms = "\n".join(
        line for line in Skill.lines(support.synonyms) if line != "server"
    )
    support.save()
    Skill.objects.filter(slug="nedrivning").delete()

    fourth.fourth_widening(apps, None)

    repair.refresh_from_db()
    assert "reperation" not in Skill.lines(repair.misspellings)
    assert "min egen stavefejl" in Skill.lines(repair.misspellings)
    support.refresh_from_db()
    assert "server" in Skill.lines(support.synonyms)
    assert Skill.objects.filter(slug="nedrivning").exists()
    before = {s.slug: (s.synonyms, s.misspellings) for s in Skill.objects.all()}
    fourth.fourth_widening(apps, None)
    after = {s.slug: (s.synonyms, s.misspellings) for s in Skill.objects.all()}
    assert after == before
