from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import ClusterPage, Task
from .services import cluster_provision_editing


@receiver(post_save, sender=ClusterPage)
def provision_new_cluster(sender, instance, created, raw=False, **kwargs):
    """Give every new cluster its editors' group and collection, however it is made."""
    if created and not raw:
        cluster_provision_editing(cluster=instance)


@receiver(post_save, sender=Task)
def read_task_phrases(sender, instance, raw=False, **kwargs):
    """Store the reading of a task's required skills, as residents' are stored."""
    if not raw:
        from skills.readings import readings_for

        readings_for(instance.skill_phrases)
