"""Hooks through which other apps protect the content they point at.

`clusters` knows nothing of sign-ups, yet a task with sign-ups must not disappear
when an editor removes it from an action plan. Apps that point at tasks register a
check here (volunteers does, for its Signup rows), and the action-plan form asks
before it deletes.
"""

from collections.abc import Callable, Iterable

TaskRemovalCheck = Callable[[list[int]], dict[int, str]]

_task_removal_checks: list[TaskRemovalCheck] = []


def register_task_removal_check(check: TaskRemovalCheck) -> TaskRemovalCheck:
    """Register a function that maps task ids to the reason each must be kept."""
    if check not in _task_removal_checks:
        _task_removal_checks.append(check)
    return check


def unregister_task_removal_check(check: TaskRemovalCheck) -> None:
    if check in _task_removal_checks:
        _task_removal_checks.remove(check)


def task_removal_blockers(task_ids: Iterable[int]) -> dict[int, str]:
    """Return {task id: reason} for the tasks that must not be removed."""
    ids = [task_id for task_id in task_ids if task_id is not None]
    blockers: dict[int, str] = {}
    if not ids:
        return blockers
    for check in _task_removal_checks:
        for task_id, reason in check(ids).items():
            blockers.setdefault(task_id, reason)
    return blockers


# Demo content ------------------------------------------------------------------------
# `manage.py seed_demo` builds the clusters; apps that build on them (volunteers) add
# their own demo data through an extension with three methods:
#   add_arguments(parser)        options of their own, e.g. --volunteers N
#   validate(options)            raise CommandError for a bad option, before any work
#   run(*, options, progress, admin)
#                                -> ({model name: rows created},
#                                    [(role, e-mail, password or None), …])

_demo_extensions: list = []


def register_demo_extension(extension) -> None:
    if extension not in _demo_extensions:
        _demo_extensions.append(extension)


def demo_extensions() -> list:
    return list(_demo_extensions)
