from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ClusterPage
from .services import cluster_provision_editing


@receiver(post_save, sender=ClusterPage)
def provision_new_cluster(sender, instance, created, raw=False, **kwargs):
    """Give every new cluster its editors' group and collection, however it is made."""
    if created and not raw:
        cluster_provision_editing(cluster=instance)
