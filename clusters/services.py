"""Writes for clusters: provisioning editors, and small helpers for content."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
)

from skills.taxonomy import split_phrases as skills_split

from .models import ClusterAdministration, ClusterPage

PAGE_PERMISSIONS = (
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
)
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}

# Collection names are data (Danish), like the editors' group's name.
PRIVATE_COLLECTION_NAME = "%s – styregruppens filer"


def split_phrases(text: str) -> list[str]:
    """Split a free-text list ("tømrer, regnskab\nsociale medier") into phrases.

    The skills app's one rule (the matching engine's), so that a task's phrases are
    the ones the matching reads.
    """
    return list(skills_split(text or ""))


def _unique_group_name(title: str, cluster_id: int) -> str:
    name = f"Redaktører: {title}"[:140]
    if Group.objects.filter(name=name).exists():
        name = f"{name} ({cluster_id})"
    return name


@transaction.atomic
def cluster_provision_editing(*, cluster: ClusterPage) -> ClusterAdministration:
    """Create the cluster's editors' group and collection, with their permissions.

    Editors may add, edit and publish pages in their own cluster's subtree only, and
    add, edit and choose images and documents in its own collection. That collection
    is public (its documents belong to published pages); the steering group's own
    files go in the private collection inside it. Idempotent.
    """
    existing = ClusterAdministration.objects.filter(cluster=cluster).first()
    if existing:
        return existing

    group = Group.objects.create(name=_unique_group_name(cluster.title, cluster.pk))
    group.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.create(
            group=group, page=cluster, permission=permission
        )

    root = Collection.get_first_root_node()
    collection = root.add_child(name=cluster.title[:255])
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for permission in Permission.objects.filter(
            content_type__app_label=app_label, codename__in=codenames
        ):
            GroupCollectionPermission.objects.create(
                group=group, collection=collection, permission=permission
            )
    return ClusterAdministration.objects.create(
        cluster=cluster,
        editors_group=group,
        collection=collection,
        private_collection=_private_collection(collection, group),
    )


def _private_collection(collection: Collection, group: Group) -> Collection:
    """The steering group's own files: a collection inside the cluster's, served
    only to the editors' group (and administrators). Its permissions to add and
    choose are inherited from the cluster's collection."""
    private = collection.add_child(name=PRIVATE_COLLECTION_NAME % collection.name)
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group)
    return private
