"""Bring the shipped taxonomy's occupations, educations and tools into an existing
database.

The words residents write for what they are rather than what they do ("SOSU-elev",
"cand.merc.aud.", "skovhugger", "Business Central") and the new related skills.
The same step as 0004 (its `widen`): adds what the data file has and the database
lacks, removes and overwrites nothing an administrator added or changed, and adds
nothing when run again.
"""

import importlib

from django.db import migrations

widen = importlib.import_module("skills.migrations.0004_widen_taxonomy").widen


class Migration(migrations.Migration):
    dependencies = [("skills", "0004_widen_taxonomy")]

    operations = [migrations.RunPython(widen, migrations.RunPython.noop)]
