"""seed_demo also creates residents: varied skills, newcomers, English, sign-ups."""

from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import Count, F

import pytest

from volunteers.models import (
    HOLDING_PLACE,
    Consent,
    Signup,
    VolunteerProfile,
    VolunteerSkill,
)

pytestmark = pytest.mark.django_db


def _seed(*args):
    out = StringIO()
    call_command("seed_demo", "--no-progress", *args, stdout=out)
    return out.getvalue()


def test_seed_demo_creates_realistic_residents_and_some_sign_ups():
    output = _seed("--volunteers", "60")
    assert "beboer@klyngeportal.dk" in output
    assert VolunteerProfile.objects.count() == 61
    phrases = set(VolunteerSkill.objects.values_list("phrase", flat=True))
    assert {"tømrer", "regnskab"} <= phrases
    assert phrases & {"carpenter", "social media", "accounting", "gardening"}
    assert VolunteerSkill.objects.filter(skill__isnull=False).count() > 0.8 * len(
        VolunteerSkill.objects.all()
    )
    # New kinds of volunteers: not in an association.
    assert VolunteerProfile.objects.filter(in_association=False).count() >= 10
    assert VolunteerProfile.objects.filter(language="en").exists()
    # Most, not all, consented to matching.
    consenting = Consent.objects.values("user").distinct().count()
    assert 40 < consenting < 61
    assert Signup.objects.exists()
    # No task has more people holding a place than it needs.
    over = (
        Signup.objects.filter(status__in=HOLDING_PLACE)
        .values("task")
        .annotate(n=Count("pk"), needed=F("task__volunteers_needed"))
        .filter(n__gt=F("needed"))
    )
    assert not over.exists()


def test_seeding_residents_again_duplicates_nothing():
    _seed("--volunteers", "20")
    counts = (VolunteerProfile.objects.count(), Signup.objects.count())
    assert "Nothing to create" in _seed("--volunteers", "20")
    assert (VolunteerProfile.objects.count(), Signup.objects.count()) == counts


def test_a_bad_volunteer_count_is_refused_before_anything_is_made():
    with pytest.raises(CommandError, match="--volunteers must be zero or more"):
        _seed("--volunteers", "-5")
    assert not VolunteerProfile.objects.exists()


def test_demo_residents_have_verified_addresses_even_if_seeded_before():
    from allauth.account.models import EmailAddress

    _seed("--volunteers", "20")
    assert VolunteerProfile.objects.reachable().count() == 21
    # A database seeded before addresses were verified is mended on the next run.
    EmailAddress.objects.filter(email__endswith="@demo.klyngeportal.dk").delete()
    assert VolunteerProfile.objects.reachable().count() == 1
    _seed("--volunteers", "20")
    assert VolunteerProfile.objects.reachable().count() == 21


def test_demo_residents_phrases_are_stored_with_their_reading():
    _seed("--volunteers", "20")
    assert not VolunteerSkill.objects.filter(reading__isnull=True).exists()
