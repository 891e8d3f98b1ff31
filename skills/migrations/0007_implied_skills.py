"""Bring the shipped taxonomy's "includes" links (``implies``) into the database.

Adds the links the data file (skills/data/skills.json) has and the database lacks;
removes nothing an administrator set. Run again, it adds nothing.
"""

import json
from pathlib import Path

from django.db import migrations

TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "skills.json"


def add_implied(apps, schema_editor):
    Skill = apps.get_model("skills", "Skill")
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    by_slug = {skill.slug: skill for skill in Skill.objects.all()}
    for item in data:
        skill = by_slug.get(item["slug"])
        implied = [
            by_slug[slug]
            for slug in item.get("implies", [])
            if slug in by_slug and slug != item["slug"]
        ]
        if skill is not None and implied:
            skill.implies.add(*implied)


class Migration(migrations.Migration):
    dependencies = [("skills", "0006_skill_implies")]

    operations = [migrations.RunPython(add_implied, migrations.RunPython.noop)]
