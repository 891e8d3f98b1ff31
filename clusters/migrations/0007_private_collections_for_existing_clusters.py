"""Give every existing cluster its steering group's private collection.

New clusters get it from ``cluster_provision_editing``; this does the same for the
clusters made before, with the historical models (no treebeard methods, so the tree
path is computed as treebeard would).
"""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
NAME = "%s – styregruppens filer"
GROUPS = "groups"


def _next_child_path(Collection, parent) -> str:
    last = (
        Collection.objects.filter(
            path__startswith=parent.path, depth=parent.depth + 1
        )
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    if last is None:
        number = 1
    else:
        number = 0
        for char in last[-STEPLEN:]:
            number = number * len(ALPHABET) + ALPHABET.index(char)
        number += 1
    step = ""
    while number:
        number, digit = divmod(number, len(ALPHABET))
        step = ALPHABET[digit] + step
    return parent.path + step.rjust(STEPLEN, "0")


def create_private_collections(apps, schema_editor):
    ClusterAdministration = apps.get_model("clusters", "ClusterAdministration")
    Collection = apps.get_model("wagtailcore", "Collection")
    CollectionViewRestriction = apps.get_model(
        "wagtailcore", "CollectionViewRestriction"
    )
    for admin in ClusterAdministration.objects.filter(
        private_collection__isnull=True
    ).select_related("collection", "editors_group"):
        parent = admin.collection
        private = Collection.objects.create(
            name=(NAME % parent.name)[:255],
            path=_next_child_path(Collection, parent),
            depth=parent.depth + 1,
            numchild=0,
        )
        Collection.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
        restriction = CollectionViewRestriction.objects.create(
            collection=private, restriction_type=GROUPS
        )
        restriction.groups.add(admin.editors_group)
        admin.private_collection = private
        admin.save(update_fields=["private_collection"])


class Migration(migrations.Migration):
    dependencies = [
        ("clusters", "0006_private_collection"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(create_private_collections, migrations.RunPython.noop)
    ]
