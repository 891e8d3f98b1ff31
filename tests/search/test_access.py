"""Municipal staff see their own municipality only; everyone else sees nothing."""

import pytest
from bs4 import BeautifulSoup

from tests import factories as f

pytestmark = pytest.mark.django_db

URL = "/kommune/"


@pytest.fixture
def two_municipalities():
    return {
        "mols": f.ClusterPageFactory(title="Mols i Udvikling", municipality="syddjurs"),
        "fjord": f.ClusterPageFactory(
            title="Landet mellem fjordene", municipality="randers"
        ),
    }


def _cluster_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a.get_text(strip=True) for a in soup.select(".card-list a")}


def test_a_visitor_is_asked_to_log_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/?next=/kommune/")


def test_a_resident_without_a_staff_group_is_refused(client, two_municipalities):
    client.force_login(f.ResidentFactory())
    assert client.get(URL).status_code == 403


def test_staff_see_only_their_municipalitys_clusters(client, two_municipalities):
    client.force_login(f.MunicipalStaffFactory(municipality="syddjurs"))
    response = client.get(URL)
    assert response.status_code == 200
    assert _cluster_titles(response) == {"Mols i Udvikling"}
    # Asking for another municipality shows nothing of it, and says nothing of it.
    response = client.get(URL, {"kommune": "randers"})
    assert _cluster_titles(response) == {"Mols i Udvikling"}
    assert "Landet mellem fjordene" not in response.content.decode()


def test_administrators_see_every_municipality_and_can_choose_one(
    client, two_municipalities
):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    assert _cluster_titles(client.get(URL)) == {
        "Mols i Udvikling",
        "Landet mellem fjordene",
    }
    assert _cluster_titles(client.get(URL, {"kommune": "randers"})) == {
        "Landet mellem fjordene"
    }


def test_staff_find_the_municipal_pages_from_the_admin_and_editors_do_not(client):
    staff = f.MunicipalStaffFactory(municipality="syddjurs")
    from django.contrib.auth.models import Permission

    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    assert "/kommune/oversigt/" in client.get("/admin/").content.decode()
    editor = f.UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "/kommune/oversigt/" not in client.get("/admin/").content.decode()
