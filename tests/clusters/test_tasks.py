"""Tasks keep their identity through edits and revisions; protected ones stay."""

from django.urls import reverse

import pytest

from clusters.models import Task
from clusters.registry import register_task_removal_check, unregister_task_removal_check
from tests import factories as f
from tests.admin_forms import admin_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cluster):
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    f.TaskFactory(page=plan, title="Byg plantekasser", sort_order=0)
    f.TaskFactory(
        page=plan, title="Driv Facebook-siden", skills="sociale medier", sort_order=1
    )
    plan.save_revision().publish()
    return plan


@pytest.fixture
def admin_client_(client):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def signed_up_task():
    """Pretend the planter task has a sign-up, as the volunteers app will register."""
    protected: set[int] = set()

    def check(task_ids):
        return {
            pk: "2 volunteers have signed up." for pk in task_ids if pk in protected
        }

    register_task_removal_check(check)
    yield protected
    unregister_task_removal_check(check)


def _edit_form(client, plan):
    url = reverse("wagtailadmin_pages:edit", args=[plan.pk])
    html = client.get(url).content.decode()
    return url, admin_form_data(html, streamfields={"body": []})


def _task_prefix(form, title):
    for key, value in form.items():
        if key.startswith("tasks-") and key.endswith("-title") and value == title:
            return key[: -len("-title")]
    raise AssertionError(f"task {title!r} not in form")


def test_task_identity_survives_editing_and_republishing(plan, admin_client_):
    before = {t.title: t.pk for t in Task.objects.filter(page=plan)}
    url, form = _edit_form(admin_client_, plan)
    prefix = _task_prefix(form, "Byg plantekasser")
    form[f"{prefix}-title"] = "Byg plantekasser til torvet"
    form["action-publish"] = "publish"
    response = admin_client_.post(url, form)
    assert response.status_code == 302
    after = {t.title: t.pk for t in Task.objects.filter(page=plan)}
    assert after["Byg plantekasser til torvet"] == before["Byg plantekasser"]
    assert after["Driv Facebook-siden"] == before["Driv Facebook-siden"]

    # Publishing once more without changes keeps every id too.
    url, form = _edit_form(admin_client_, plan)
    form["action-publish"] = "publish"
    admin_client_.post(url, form)
    assert set(Task.objects.filter(page=plan).values_list("pk", flat=True)) == set(
        before.values()
    )


def test_removing_a_task_with_signups_is_refused(plan, admin_client_, signed_up_task):
    task = Task.objects.get(page=plan, title="Byg plantekasser")
    signed_up_task.add(task.pk)
    url, form = _edit_form(admin_client_, plan)
    form[f"{_task_prefix(form, 'Byg plantekasser')}-DELETE"] = "1"
    form["action-publish"] = "publish"
    response = admin_client_.post(url, form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Byg plantekasser" in html
    assert "2 volunteers have signed up." in html
    assert Task.objects.filter(pk=task.pk).exists()


def test_removing_a_task_without_signups_works(plan, admin_client_, signed_up_task):
    url, form = _edit_form(admin_client_, plan)
    form[f"{_task_prefix(form, 'Driv Facebook-siden')}-DELETE"] = "1"
    form["action-publish"] = "publish"
    assert admin_client_.post(url, form).status_code == 302
    assert list(Task.objects.filter(page=plan).values_list("title", flat=True)) == [
        "Byg plantekasser"
    ]


def test_publishing_an_old_revision_keeps_tasks_with_signups(plan, signed_up_task):
    old_revision = plan.get_latest_revision()
    added = f.TaskFactory(
        page=plan, title="Lav budget", skills="regnskab", sort_order=2
    )
    plan.refresh_from_db()
    plan.save_revision().publish()
    signed_up_task.add(added.pk)

    old_revision.publish()

    assert Task.objects.filter(pk=added.pk).exists()
    titles = set(Task.objects.filter(page=plan).values_list("title", flat=True))
    assert titles == {"Byg plantekasser", "Driv Facebook-siden", "Lav budget"}


def test_task_dates_must_be_in_order(plan):
    import datetime as dt

    from django.core.exceptions import ValidationError

    task = Task(
        page=plan,
        title="Forkert",
        starts_on=dt.date(2026, 5, 1),
        deadline=dt.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        task.full_clean()
    assert "deadline" in error.value.message_dict
