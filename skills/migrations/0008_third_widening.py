"""Bring the shipped taxonomy's third widening into an existing database.

New skills (other health professions apart from nursing; horticulture as a trade apart
from hobby gardening; fruit growing apart from pressing), new words of existing ones
(kitchens and canteens, bicycle repair, hobby painting as art, children's holiday
activities, digital maps, IT certificates, fashion and costume sewing, outdoor
carpentry, first-aid instructors) and the links the data file has (related skills and
what a skill includes): added as 0004's `widen` and 0007's `add_implied` do, adding
nothing when run again.

Some words moved to a new skill, because they had named the wrong one: a dentist,
optician or pharmacist is no nurse (and so was counted a first-aider), a "gartner" or
"hortonom" is more than hobby gardening, a "frugtavler" grows fruit rather than presses
it, a "kantineassistent" cooks; "kommunen" is a workplace, not the skill of writing to
it. Each is taken off the skill it left, where it is still one of that skill's lines
(an administrator's own words stay).
"""

import importlib

from django.db import migrations

widen = importlib.import_module("skills.migrations.0004_widen_taxonomy").widen
add_implied = importlib.import_module(
    "skills.migrations.0007_implied_skills"
).add_implied

# slug -> field -> the words that left that skill in the data file.
MOVED = {
    "sygepleje": {
        "synonyms": [
            "tandklinikassistent",
            "tandlæge",
            "tandplejer",
            "farmaceut",
            "bioanalytiker",
            "radiograf",
            "apoteker",
            "farmakonom",
            "apoteksassistent",
            "cand.odont.",
            "cand.pharm.",
            "tandlægeassistent",
            "tandtekniker",
            "optiker",
            "optometrist",
            "audiologiassistent",
            "audiolog",
            "apoteksmedhjælper",
            "apotekstekniker",
            "sonograf",
            "hospitalslaborant",
        ],
        "english_words": [
            "dentist",
            "dental hygienist",
            "pharmacist",
            "pharmacy",
            "optician",
            "dental nurse",
            "dental assistant",
        ],
    },
    "hoeringssvar": {
        "synonyms": ["kommunen"],
    },
    "koekkenhjaelp": {
        "synonyms": ["kantineassistent"],
    },
    "havearbejde": {
        "synonyms": [
            "gartner",
            "væksthusgartner",
            "planteskolegartner",
            "produktionsgartner",
            "gartneri",
            "planteskole",
            "havekonsulent",
            "gartneruddannet",
            "uddannet gartner",
            "gartnerlærling",
            "gartnerelev",
            "gartnersvend",
            "gartnermester",
            "gartneriarbejder",
            "gartnerimedarbejder",
            "gartneriejer",
            "planteskoleejer",
            "planteskolemedarbejder",
            "planteskoleassistent",
            "blomstergartner",
            "hortonom",
            "cand.hort.",
            "havebrugskandidat",
            "privatgartner",
            "herregårdsgartner",
            "slotsgartner",
            "gartnerassistent",
            "gartnere",
        ],
        "english_words": [
            "gardener",
            "horticulture",
            "horticulturist",
            "plant nursery",
            "horticulturalist",
            "nurseryman",
            "head gardener",
        ],
        "misspellings": ["gartnr", "gartneer", "gardner", "gartener", "gartnner"],
    },
    "frugt-og-most": {
        "synonyms": [
            "frugttræer",
            "frugtplantage",
            "pomolog",
            "pomologi",
            "podning",
            "pode frugttræer",
            "frugtavler",
            "gamle æblesorter",
            "æblesorter",
            "frugtplantageejer",
            "plantageejer",
            "bæravler",
            "jordbæravler",
            "frugtavlskonsulent",
            "frugtavl",
            "æbleplantage",
        ],
        "english_words": [
            "orchard",
            "fruit trees",
            "grafting",
            "fruit growing",
            "fruit grower",
            "orchardist",
            "fruit farmer",
        ],
        "misspellings": ["æbeltræer"],
    },
}


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def move_words(apps, schema_editor, moved=None):
    Skill = apps.get_model("skills", "Skill")
    for slug, fields in (MOVED if moved is None else moved).items():
        skill = Skill.objects.filter(slug=slug).first()
        if skill is None:
            continue
        changed = []
        for field, words in fields.items():
            gone = {word.casefold() for word in words}
            have = _lines(getattr(skill, field))
            kept = [line for line in have if line.casefold() not in gone]
            if kept != have:
                setattr(skill, field, "\n".join(kept))
                changed.append(field)
        if changed:
            skill.save(update_fields=changed)


def third_widening(apps, schema_editor):
    move_words(apps, schema_editor)
    widen(apps, schema_editor)
    add_implied(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [("skills", "0007_implied_skills")]

    operations = [migrations.RunPython(third_widening, migrations.RunPython.noop)]
