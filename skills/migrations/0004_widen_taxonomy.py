"""Bring the shipped taxonomy's new words and skills into an existing database.

Adds what the data file (skills/data/skills.json) has and the database lacks — new
skills, and new synonyms, English words, misspellings and related skills of existing
ones — and fills in each skill's source. Nothing an administrator added or changed
is removed or overwritten. Run again, it adds nothing.
"""

import json
from pathlib import Path

from django.db import migrations

TAXONOMY = Path(__file__).resolve().parents[1] / "data" / "skills.json"
FIELDS = (("synonyms", "synonyms"), ("english", "english_words"))
FIELDS += (("misspellings", "misspellings"),)


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def widen(apps, schema_editor):
    Skill = apps.get_model("skills", "Skill")
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))["skills"]
    by_slug = {skill.slug: skill for skill in Skill.objects.all()}
    names = {skill.name_da for skill in by_slug.values()}
    for item in data:
        skill = by_slug.get(item["slug"])
        if skill is None:
            if item["da"] in names:
                continue  # an administrator made a skill of that name already
            skill = Skill.objects.create(
                slug=item["slug"],
                name_da=item["da"],
                name_en=item["en"],
                category=item["category"],
                source=item.get("source", "")[:200],
            )
            by_slug[skill.slug] = skill
        changed = []
        for key, field in FIELDS:
            have = _lines(getattr(skill, field))
            known = {line.casefold() for line in have}
            new = [w for w in item.get(key, []) if w.strip().casefold() not in known]
            if new:
                setattr(skill, field, "\n".join([*have, *new]))
                changed.append(field)
        if not skill.source and item.get("source"):
            skill.source = item["source"][:200]
            changed.append("source")
        if changed:
            skill.save(update_fields=changed)
    for item in data:
        skill = by_slug.get(item["slug"])
        related = [by_slug[s] for s in item.get("related", []) if s in by_slug]
        if skill is not None and related:
            skill.related.add(*related)


class Migration(migrations.Migration):
    dependencies = [("skills", "0003_skill_source")]

    operations = [migrations.RunPython(widen, migrations.RunPython.noop)]
