"""Synonym proposals now live in the `skills` app (the table stays where it is)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0005_unrecognised_phrases"),
        ("skills", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="SynonymProposal")],
            database_operations=[],
        )
    ]
