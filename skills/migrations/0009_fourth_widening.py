"""Bring the shipped taxonomy's fourth widening into an existing database.

Every category was widened skill by skill (occupations and job titles, what people
write they do, tools, English words and misspellings; about 17,000 words, and new
skills for demolition, 3D printing and makerspaces, hosting at events and martial
arts), each
word checked against a Danish word list for look-alikes. Added as 0004's `widen` and
0007's `add_implied` do, adding nothing when run again.

Three words were wrong where they stood: "server" was read as serving food (it is
IT), "reperation" was a misspelling of electronics repair only (it is any repair),
and "hjælpere" made every "hjælpe" read as coordinating volunteers. The last two are
taken off their old skill, where it is still one of that skill's lines
(an administrator's own words stay), as 0008 moves words.
"""

import importlib

from django.db import migrations

widen = importlib.import_module("skills.migrations.0004_widen_taxonomy").widen
add_implied = importlib.import_module(
    "skills.migrations.0007_implied_skills"
).add_implied
third = importlib.import_module("skills.migrations.0008_third_widening")

MOVED = {
    "reparation-af-elektronik": {"misspellings": ["reperation"]},
    "frivilligkoordinering": {"synonyms": ["hjælpere"]},
}


def fourth_widening(apps, schema_editor):
    third.move_words(apps, schema_editor, moved=MOVED)
    widen(apps, schema_editor)
    add_implied(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("skills", "0008_third_widening")]

    operations = [migrations.RunPython(fourth_widening, migrations.RunPython.noop)]
