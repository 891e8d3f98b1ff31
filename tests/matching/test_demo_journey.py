"""Issue 4's "done when", on the seeded demo site itself.

The demo resident writes "tømre" on her profile, sees the planter task first with a
reason, the editor of her cluster sees her among the candidates, and the digest
command shows the mail she would get.
"""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from clusters.models import Task
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db

PLANTER = "Byg plantekasser til torvet"


@pytest.fixture
def demo():
    call_command("seed_demo", "--no-progress", "--volunteers", "40", stdout=StringIO())
    return VolunteerProfile.objects.get(user__email="beboer@klyngeportal.dk")


def _writes_tømre(client, profile):
    skills = list(profile.skills.order_by("sort_order"))
    data = {
        "display_name": profile.display_name,
        "village_name": profile.village.name,
        "postcode": profile.postcode,
        "evenings": "on",
        "weekends": "on",
        "seasons": ["spring", "summer"],
        "hours_per_month": "6",
        "in_association": "no",
        "notify_new_tasks": "on",
        "language": "da",
        "skills-TOTAL_FORMS": str(len(skills)),
        "skills-INITIAL_FORMS": str(len(skills)),
    }
    for n, skill in enumerate(skills):
        data[f"skills-{n}-id"] = str(skill.pk)
        data[f"skills-{n}-phrase"] = (
            "tømre" if skill.phrase == "tømrer" else skill.phrase
        )
        data[f"skills-{n}-level"] = skill.level
    response = client.post("/frivillig/profil/", data)
    assert response.status_code == 302, response.content.decode()[:2000]


def test_the_demo_resident_who_writes_tømre_is_matched_both_ways(client, demo):
    client.force_login(demo.user)
    _writes_tømre(client, demo)
    assert demo.skills.filter(phrase="tømre").exists()

    soup = BeautifulSoup(
        client.get("/frivillig/opgaver/til-dig/").content, "html.parser"
    )
    first = soup.select("ol.task-list > li")[0]
    assert first.find("h2").get_text(strip=True) == PLANTER
    reasons = [li.get_text(strip=True) for li in first.select("ul.reasons li")]
    assert "Du skrev “tømre” – opgaven søger “tømrer”." in reasons

    dismiss = first.find("form")["action"]  # /frivillig/opgaver/til-dig/<pk>/…
    task = Task.objects.get(pk=int(dismiss.rstrip("/").split("/")[-2]))
    assert task.title == PLANTER
    editor = get_user_model().objects.get(email="redaktoer@molsiudvikling.dk")
    client.force_login(editor)
    html = client.get(f"/admin/kandidater/{task.pk}/").content.decode()
    assert demo.display_name in html
    assert "Skrev “tømre” for “tømrer”" in html

    out = StringIO()
    call_command("send_digests", "--dry-run", stdout=out)
    mails = out.getvalue()
    assert "beboer@klyngeportal.dk" in mails
    mail = mails[mails.index("beboer@klyngeportal.dk") :]
    assert PLANTER in mail


def test_the_demo_stores_matches_so_gaps_are_real_from_the_start(demo):
    from matching.models import Match

    planter = Task.objects.filter(title=PLANTER).values_list("pk", flat=True)
    matched = Match.objects.filter(task__in=planter)
    assert matched.filter(volunteer=demo).exists()
    assert all(m.engine_version for m in matched)
