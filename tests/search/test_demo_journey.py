"""Issue 5's "done when", on the seeded demo site itself (as `make run` shows it)."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from clusters.models import MeetingPlacePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    call_command("seed_demo", "--no-progress", "--volunteers", "80", stdout=StringIO())
    client.force_login(get_user_model().objects.get(email="kommune@syddjurs.dk"))
    return client


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_demo_municipality_finds_its_resources(staff, tmp_path):
    # Every forsamlingshus with a kitchen for 80 people in the municipality.
    soup = _soup(
        staff.get(
            "/kommune/moedesteder/",
            {"type": "forsamlingshus", "facilitet": "koekken", "kapacitet": "80"},
        )
    )
    found = [th.get_text(strip=True) for th in soup.select("tbody th[scope=row]")]
    expected = {
        place.title
        for place in MeetingPlacePage.objects.live().filter(
            kind="forsamlingshus", capacity__gte=80, facilities__slug="koekken"
        )
        if place.cluster.municipality == "syddjurs"
    }
    assert found and set(found) == expected

    # How many residents offer carpentry (håndværk) in each cluster.
    soup = _soup(staff.get("/kommune/faerdigheder/", {"kategori": "haandvaerk"}))
    assert "Mols i Udvikling" in soup.get_text()
    assert soup.select("tbody td")

    # Which tasks nobody fits, to Excel.
    soup = _soup(staff.get("/kommune/mangler/"))
    assert soup.select_one("table") is not None
    response = staff.get("/kommune/mangler/", {"eksport": "xlsx"})
    path = tmp_path / "mangler.xlsx"
    path.write_bytes(response.content)
    assert load_workbook(path).active.max_row >= 2

    # Each cluster's phase and progress.
    soup = _soup(staff.get("/kommune/oversigt/"))
    text = soup.get_text()
    assert "Mols i Udvikling" in text
    assert "Landet mellem fjordene" not in text  # Randers' cluster
    assert soup.select("svg[role=img]")
