"""Load the Danish skill taxonomy shipped in skills/data/skills.json.

The file is the matching engine's built-in taxonomy too; administrators extend the
skills in the admin afterwards. Re-running adds what is missing and leaves what
administrators changed.
"""

import json
from pathlib import Path

from django.db import migrations

# The file moved to skills/data/ with the taxonomy (the data, not this migration's
# behaviour, changed place).
TAXONOMY = Path(__file__).resolve().parents[2] / "skills" / "data" / "skills.json"


def load(apps, schema_editor):
    Skill = apps.get_model("volunteers", "Skill")
    data = json.loads(TAXONOMY.read_text(encoding="utf-8"))
    by_slug = {}
    for item in data["skills"]:
        skill, _created = Skill.objects.get_or_create(
            slug=item["slug"],
            defaults={
                "name_da": item["da"],
                "name_en": item["en"],
                "category": item["category"],
                "synonyms": "\n".join(item.get("synonyms", [])),
                "english_words": "\n".join(item.get("english", [])),
                "misspellings": "\n".join(item.get("misspellings", [])),
            },
        )
        by_slug[item["slug"]] = skill
    for item in data["skills"]:
        related = [by_slug[slug] for slug in item.get("related", []) if slug in by_slug]
        if related:
            by_slug[item["slug"]].related.add(*related)


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
