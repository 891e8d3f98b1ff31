"""Rematch when something that matching depends on changes (through the outbox)."""

from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished

from clusters.models import ActionPlanPage, TaskStatus
from skills.taxonomy import taxonomy_changed
from volunteers.signals import profile_changed, signup_confirmed

from .outbox import enqueue


@receiver(profile_changed)
def rematch_resident(sender, profile, **kwargs):
    """In the background: the resident's matches, and their words nothing reads
    put before the administrators (a profile save never waits or fails on it)."""
    enqueue("matching.rematch_volunteer", profile.pk)


@receiver(page_published, sender=ActionPlanPage)
@receiver(page_unpublished, sender=ActionPlanPage)
def rematch_plan_tasks(sender, instance, **kwargs):
    for task_id in instance.tasks.filter(
        status__in=[TaskStatus.OPEN, TaskStatus.FILLED, TaskStatus.DONE]
    ).values_list("pk", flat=True):
        enqueue("matching.rematch_task", task_id)


@receiver(signup_confirmed)
def learn_words(sender, signup, **kwargs):
    from .learning import learn_from_signup

    learn_from_signup(signup)
    # A confirmed sign-up raises the skills it used in the resident's next ranking.
    enqueue("matching.rematch_volunteer", signup.volunteer_id)


@receiver(taxonomy_changed)
def reread_phrases(sender, **kwargs):
    """A skill, a synonym or the taxonomy changed: every stored reading is re-read,
    then matches follow. One waiting message is enough, however many skills a
    change (or an import) touches: a later one would find nothing stale."""
    from .models import OutboxMessage

    waiting = OutboxMessage.objects.filter(
        task_name="matching.reread_phrases", published_at__isnull=True
    )
    if not waiting.exists():
        enqueue("matching.reread_phrases")


def readings_up_to_date(sender, using="default", **kwargs):
    """After `migrate`: readings of every phrase by the taxonomy and rules there are
    now. A release that loads skills or changes how phrases are read, or the first
    release with stored readings, needs it; otherwise it finds nothing to do."""
    from skills.models import PhraseReading
    from skills.readings import refresh
    from skills.taxonomy import fingerprint, taxonomy_moved
    from volunteers.models import VolunteerSkill
    from volunteers.services import skills_reread

    taxonomy_moved()
    stale = PhraseReading.objects.using(using).exclude(taxonomy=fingerprint())
    missing = VolunteerSkill.objects.using(using).filter(reading__isnull=True)
    if stale.exists() or missing.exclude(phrase="").exists():
        refresh()
        skills_reread()
