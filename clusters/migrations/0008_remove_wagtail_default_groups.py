"""Remove Wagtail's default groups "Editors" and "Moderators".

Wagtail's first migrations create them with rights on the root page and the root
collection: anyone put in them would edit every cluster's pages and see every
cluster's sign-ups, candidates and files. Klyngeportal's groups are made per cluster
("Redaktører: <klynge>") and per municipality ("Kommune: <navn>"); see the README.
Removing a group removes its page and collection permissions with it. A group that
already has members is kept, so nobody's membership is lost silently, but stripped
of every right: an administrator then moves its members to their cluster's group.
"""

from django.db import migrations

DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    for group in Group.objects.filter(name__in=DEFAULT_GROUPS):
        if group.user_set.exists():
            GroupPagePermission.objects.filter(group=group).delete()
            GroupCollectionPermission.objects.filter(group=group).delete()
            group.permissions.clear()
        else:
            group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0007_private_collections_for_existing_clusters"),
        # After every Wagtail migration that creates the groups or gives them rights.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RunPython(remove_default_groups, migrations.RunPython.noop)
    ]
