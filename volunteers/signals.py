"""What volunteers tells the apps that build on it (matching) without knowing them."""

from django.dispatch import Signal

# Sent with `profile` after a resident's profile, skills or consents changed, inside the
# transaction that changed them.
profile_changed = Signal()

# Sent with `signup` when an editor confirms a sign-up, inside the transaction.
signup_confirmed = Signal()


def _read_phrase(sender, instance, raw=False, **kwargs):
    """Every resident's phrase is stored with its reading, however it is saved."""
    if raw or instance.reading_id is not None or not instance.phrase:
        return
    from skills.readings import reading_for
    from skills.taxonomy import link_id

    instance.reading = reading_for(instance.phrase)
    if instance.skill_id is None and instance.reading is not None:
        instance.skill_id = link_id(instance.phrase)
