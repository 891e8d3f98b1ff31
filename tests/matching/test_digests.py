"""The weekly digest: fitting new tasks, never twice, never without consent."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest

from tests import factories as f
from volunteers.models import ConsentPurpose, SentEmail
from volunteers.services import withdraw_consent

pytestmark = pytest.mark.django_db


@pytest.fixture
def mols():
    cluster = f.ClusterPageFactory(title="Mols i Udvikling")
    plan = f.ActionPlanPageFactory(parent=cluster, title="Grønne landsbyer")
    return {
        "cluster": cluster,
        "plan": plan,
        "planter": f.TaskFactory(page=plan, title="Byg plantekasser", skills="tømrer"),
    }


def _resident(mols, phrase="tømre", **kwargs):
    profile = f.VolunteerProfileFactory(
        village=mols["cluster"].villages.first(), **kwargs
    )
    profile.clusters.add(mols["cluster"])
    f.VolunteerSkillFactory(profile=profile, phrase=phrase)
    return profile


def _run(*args):
    out = StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def test_dry_run_shows_what_would_go_out_and_sends_nothing(mols):
    profile = _resident(mols)
    output = _run("--dry-run")
    assert profile.user.email in output and "Byg plantekasser" in output
    assert "Would send 1 digest(s)." in output
    # The mail itself, as the resident would read it.
    assert "Du skrev “tømre” – opgaven søger “tømrer”." in output
    assert not mail.outbox


def test_a_digest_in_danish_and_html_with_one_click_unsubscribe(client, mols):
    profile = _resident(mols)
    _run()
    (message,) = mail.outbox
    assert message.subject == "Nye opgaver, der passer til dig, på Klyngeportal"
    assert "Byg plantekasser" in message.body
    assert "Du skrev “tømre” – opgaven søger “tømrer”." in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and 'lang="da"' in html
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert SentEmail.objects.filter(user=profile.user, kind="digest").exists()
    # One click, without logging in.
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.post(f"/{path}").status_code == 200
    profile.refresh_from_db()
    assert profile.notify_new_tasks is False


def test_english_residents_get_it_in_english(mols):
    _resident(mols, phrase="carpenter", language="en")
    _run()
    assert mail.outbox[0].subject == "New tasks that fit you on Klyngeportal"


def test_never_the_same_task_twice_and_new_ones_next_time(mols):
    _resident(mols)
    _run()
    assert "Sent 0 digest(s)." in _run()
    f.TaskFactory(page=mols["plan"], title="Byg en bænk", skills="tømrer")
    _run()
    assert "Byg en bænk" in mail.outbox[-1].body
    assert "Byg plantekasser" not in mail.outbox[-1].body


def test_never_without_consent_or_when_turned_off(mols):
    withdrawn = _resident(mols)
    withdraw_consent(withdrawn.user, ConsentPurpose.MATCHING)
    _resident(mols, notify_new_tasks=False)
    assert "Sent 0 digest(s)." in _run()
    assert not mail.outbox


def test_a_forged_unsubscribe_link_does_nothing(client, mols):
    profile = _resident(mols)
    assert client.post("/frivillig/afmeld-nye-opgaver/forfalsket/").status_code == 404
    profile.refresh_from_db()
    assert profile.notify_new_tasks is True
