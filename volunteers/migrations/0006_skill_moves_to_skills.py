"""The skill taxonomy now lives in the `skills` app (the tables stay where they are)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("volunteers", "0005_email_links_key"),
        ("skills", "0001_initial"),
        ("matching", "0006_synonym_proposals_move_to_skills"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="volunteerskill",
                    name="skill",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="skills.skill",
                        verbose_name="skill",
                    ),
                ),
                migrations.DeleteModel(name="Skill"),
            ],
            database_operations=[],
        )
    ]
