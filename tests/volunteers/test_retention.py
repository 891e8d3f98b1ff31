"""Long-inactive residents are warned, then deleted; the privacy page says so."""

import datetime as dt
from io import StringIO

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

import pytest

from tests import factories as f
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


def _inactive_resident(months: int, **kwargs):
    then = timezone.now() - dt.timedelta(days=months * 31)
    profile = f.VolunteerProfileFactory(last_active_at=then, **kwargs)
    get_user_model().objects.filter(pk=profile.user_id).update(
        last_login=then, date_joined=then
    )
    return VolunteerProfile.objects.get(pk=profile.pk)


def _run(*args):
    out = StringIO()
    call_command("purge_inactive", *args, stdout=out)
    return out.getvalue()


def test_inactive_residents_are_warned_then_deleted_after_the_warning_period():
    sleeper = _inactive_resident(25, display_name="Sovende Søren")
    active = _inactive_resident(3)
    assert "warn 1 account" in _run()
    (warning,) = mail.outbox
    assert warning.to == [sleeper.user.email]
    assert "Kære Sovende Søren" in warning.body
    sleeper.refresh_from_db()
    assert sleeper.inactivity_warned_at is not None

    # Running again the same day neither warns twice nor deletes yet.
    assert "delete 0 account" in _run()
    assert len(mail.outbox) == 1

    VolunteerProfile.objects.filter(pk=sleeper.pk).update(
        inactivity_warned_at=timezone.now() - dt.timedelta(days=31)
    )
    assert "delete 1 account" in _run()
    assert not get_user_model().objects.filter(pk=sleeper.user_id).exists()
    assert get_user_model().objects.filter(pk=active.user_id).exists()


def test_logging_in_after_the_warning_keeps_the_account():
    sleeper = _inactive_resident(25)
    _run()
    VolunteerProfile.objects.filter(pk=sleeper.pk).update(
        inactivity_warned_at=timezone.now() - dt.timedelta(days=31)
    )
    get_user_model().objects.filter(pk=sleeper.user_id).update(
        last_login=timezone.now()
    )
    assert "delete 0 account" in _run()
    assert get_user_model().objects.filter(pk=sleeper.user_id).exists()


def test_staff_and_editors_are_never_purged():
    editor = _inactive_resident(30)
    editor.user.is_staff = True
    editor.user.save()
    _run()
    assert not mail.outbox


def test_dry_run_changes_nothing_and_bad_arguments_are_refused():
    sleeper = _inactive_resident(25)
    assert "Would warn 1 account" in _run("--dry-run")
    assert not mail.outbox
    sleeper.refresh_from_db()
    assert sleeper.inactivity_warned_at is None
    with pytest.raises(CommandError):
        _run("--months", "0")


def test_a_shorter_period_can_be_configured(settings):
    settings.VOLUNTEER_INACTIVE_MONTHS = 6
    _inactive_resident(7)
    assert "warn 1 account" in _run("--months", "6")


def test_the_privacy_page_says_what_is_stored_why_how_long_and_who_sees_it(client):
    html = client.get("/frivillig/privatliv/").content.decode()
    for heading in ("Det gemmer vi", "Hvorfor", "Hvem ser det", "Hvor længe"):
        assert heading in html
    assert "24 måneder" in html
    assert 'href="/frivillig/privatliv/"' in client.get("/").content.decode()
