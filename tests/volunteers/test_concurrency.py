"""Concurrent sign-ups to the last places of a task, on PostgreSQL with real threads."""

import contextlib
import threading

from django.db import connection

import pytest

from clusters.models import TaskStatus
from tests import factories as f
from volunteers import services
from volunteers.models import Signup, SignupStatus

pytestmark = [
    pytest.mark.integration,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RESIDENTS = 12
PLACES = 3


def run_at_once(action, profiles) -> list[BaseException]:
    """Run `action(profile)` in one thread per profile, all released together."""
    barrier = threading.Barrier(len(profiles))
    errors: list[BaseException] = []

    def run(profile):
        try:
            barrier.wait(timeout=10)
            action(profile)
        except BaseException as error:  # reported by the caller
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in profiles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return errors


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are proven on PostgreSQL (make test runs it)")


def test_concurrent_sign_ups_never_exceed_volunteers_needed(postgres_only):
    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan, volunteers_needed=PLACES)
    profiles = [f.VolunteerProfileFactory() for _ in range(RESIDENTS)]
    barrier = threading.Barrier(RESIDENTS)
    errors: list[BaseException] = []

    def sign_up(profile):
        try:
            barrier.wait(timeout=10)
            services.sign_up(profile, task)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(p,)) for p in profiles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    statuses = list(Signup.objects.filter(task=task).values_list("status", flat=True))
    assert len(statuses) == RESIDENTS
    assert statuses.count(SignupStatus.INTERESTED) == PLACES
    assert statuses.count(SignupStatus.WAITING) == RESIDENTS - PLACES
    task.refresh_from_db()
    assert task.status == TaskStatus.FILLED


def test_concurrent_withdrawals_move_up_each_waiting_resident_once(postgres_only):
    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan, volunteers_needed=PLACES)
    holders = [f.VolunteerProfileFactory() for _ in range(PLACES)]
    waiting = [f.VolunteerProfileFactory() for _ in range(PLACES + 2)]
    for profile in [*holders, *waiting]:
        services.sign_up(profile, task)
    barrier = threading.Barrier(PLACES)
    errors: list[BaseException] = []

    def withdraw(profile):
        try:
            barrier.wait(timeout=10)
            services.withdraw(profile, task)
        except BaseException as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=withdraw, args=(p,)) for p in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert not errors, errors
    by_profile = dict(
        Signup.objects.filter(task=task).values_list("volunteer_id", "status")
    )
    moved_up = [p for p in waiting if by_profile[p.pk] == SignupStatus.INTERESTED]
    # The first three in line, in the order they signed up.
    assert moved_up == waiting[:PLACES]
    assert [by_profile[p.pk] for p in waiting[PLACES:]] == [SignupStatus.WAITING] * 2


def test_concurrent_confirmations_never_overfill_a_task(postgres_only):
    cluster = f.ClusterPageFactory()
    plan = f.ActionPlanPageFactory(parent=cluster)
    task = f.TaskFactory(page=plan, volunteers_needed=2)
    services.sign_up(f.VolunteerProfileFactory(), task)  # one of two places taken
    waiting = [
        f.SignupFactory(
            volunteer=f.VolunteerProfileFactory(),
            task=task,
            status=SignupStatus.WAITING,
        )
        for _ in range(4)
    ]

    def confirm(signup):
        # "The task is full" is the answer an editor gets when too late.
        with contextlib.suppress(services.SignupError):
            services.confirm_signup(signup)

    errors = run_at_once(confirm, waiting)

    assert not errors, errors
    holding = Signup.objects.filter(
        task=task, status__in=[SignupStatus.INTERESTED, SignupStatus.CONFIRMED]
    )
    assert holding.count() == 2
