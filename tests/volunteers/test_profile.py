"""The resident's profile and consent pages: their own data only, clean input only."""

import pytest
from bs4 import BeautifulSoup

from tests import factories as f
from volunteers.models import Consent, ConsentPurpose, VolunteerProfile, VolunteerSkill

pytestmark = pytest.mark.django_db


def _form_data(**overrides):
    data = {
        "display_name": "Birthe",
        "village_name": "Knebel",
        "postcode": "",
        "weekdays": "",
        "evenings": "on",
        "weekends": "on",
        "seasons": ["spring", "summer"],
        "hours_per_month": "6",
        "in_association": "no",
        "notify_new_tasks": "on",
        "language": "da",
        "skills-TOTAL_FORMS": "2",
        "skills-INITIAL_FORMS": "0",
        "skills-MIN_NUM_FORMS": "0",
        "skills-MAX_NUM_FORMS": "40",
        "skills-0-phrase": "tømrer",
        "skills-0-level": "teach",
        "skills-1-phrase": "vil gerne lære regnskab",
        "skills-1-level": "learn",
    }
    data.update(overrides)
    return data


@pytest.fixture
def resident(client):
    profile = f.VolunteerProfileFactory(display_name="Birthe", postcode="")
    client.force_login(profile.user)
    return profile


@pytest.fixture
def mols():
    return f.ClusterPageFactory(title="Mols i Udvikling")  # village Knebel, 8420


def test_profile_needs_a_login(client):
    response = client.get("/frivillig/profil/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/login/")


def test_saving_the_profile_places_the_resident_in_their_cluster(
    client, resident, mols
):
    response = client.post("/frivillig/profil/", _form_data())
    assert response.status_code == 302
    resident.refresh_from_db()
    assert resident.village.name == "Knebel"
    assert list(resident.clusters.all()) == [mols]
    assert resident.evenings and resident.weekends and not resident.weekdays
    assert resident.seasons == ["spring", "summer"]
    assert resident.in_association is False
    skills = list(resident.skills.values_list("phrase", "level"))
    assert skills == [("tømrer", "teach"), ("vil gerne lære regnskab", "learn")]
    page = client.get("/frivillig/profil/").content.decode()
    assert "Din profil er gemt." in page
    assert 'value="tømrer"' in page


def test_a_postcode_alone_places_the_resident_too(client, resident, mols):
    client.post("/frivillig/profil/", _form_data(village_name="", postcode="8420"))
    resident.refresh_from_db()
    assert resident.village is None
    assert list(resident.clusters.all()) == [mols]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"village_name": "Atlantis"}, "Vi kender endnu ikke en landsby"),
        ({"village_name": "Knebl"}, "Mente du “Knebel”?"),
        (
            {"village_name": "", "postcode": ""},
            "Skriv din landsby eller dit postnummer",
        ),
        ({"postcode": "84"}, "Et postnummer har fire cifre."),
        ({"skills-0-phrase": "x" * 81}, "80 tegn"),
        ({"skills-0-phrase": "🔨🪚"}, "Skriv mindst ét bogstav eller tal."),
        ({"skills-1-phrase": "Tømrer"}, "Den færdighed har du allerede skrevet."),
        ({"display_name": "<script></script>"}, "Skriv mindst ét bogstav eller tal."),
        ({"hours_per_month": "1000"}, "160"),
    ],
)
def test_bad_input_gets_a_clear_danish_error_and_changes_nothing(
    client, resident, mols, overrides, message
):
    response = client.post("/frivillig/profil/", _form_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    resident.refresh_from_db()
    assert resident.village is None and not resident.clusters.exists()
    assert not VolunteerSkill.objects.exists()


def test_five_hundred_skills_at_once_are_refused_and_nothing_is_stored(
    client, resident, mols
):
    data = _form_data(**{"skills-TOTAL_FORMS": "500"})
    for i in range(500):
        data[f"skills-{i}-phrase"] = f"færdighed {i}"
        data[f"skills-{i}-level"] = "do"
    response = client.post("/frivillig/profil/", data)
    assert response.status_code == 200
    assert not VolunteerSkill.objects.exists()
    resident.refresh_from_db()
    assert resident.village is None


def test_markup_in_a_skill_is_cleaned_not_stored(client, resident, mols):
    client.post(
        "/frivillig/profil/",
        _form_data(**{"skills-0-phrase": "<b>murer</b><script>x()</script>"}),
    )
    assert (
        list(VolunteerSkill.objects.values_list("phrase", flat=True))[0] == "murerx()"
    )


def test_each_resident_sees_and_changes_only_their_own_profile(client, resident, mols):
    other = f.VolunteerProfileFactory(display_name="Ole")
    f.VolunteerSkillFactory(profile=other, phrase="bogholder")
    html = client.get("/frivillig/profil/").content.decode()
    assert "Ole" not in html and "bogholder" not in html
    # Posting another resident's skill id edits nothing of theirs.
    theirs = other.skills.get()
    client.post(
        "/frivillig/profil/",
        _form_data(
            **{
                "skills-TOTAL_FORMS": "1",
                "skills-INITIAL_FORMS": "1",
                "skills-0-id": str(theirs.pk),
                "skills-0-phrase": "hacket",
            }
        ),
    )
    theirs.refresh_from_db()
    assert theirs.phrase == "bogholder"
    assert VolunteerProfile.objects.get(pk=other.pk).display_name == "Ole"


def test_consent_is_withdrawn_and_given_again_in_one_click(client, resident):
    page = BeautifulSoup(client.get("/frivillig/samtykke/").content, "html.parser")
    assert page.find("button", attrs={"value": "withdraw"})
    response = client.post(
        "/frivillig/samtykke/", {"purpose": "matching", "action": "withdraw"}
    )
    assert response.status_code == 302
    assert not resident.has_consent(ConsentPurpose.MATCHING)
    withdrawn = Consent.objects.get(user=resident.user)
    assert withdrawn.withdrawn_at is not None

    client.post("/frivillig/samtykke/", {"purpose": "matching", "action": "give"})
    assert resident.has_consent(ConsentPurpose.MATCHING)
    assert Consent.objects.filter(user=resident.user).count() == 2


def test_an_unknown_consent_choice_changes_nothing(client, resident):
    response = client.post(
        "/frivillig/samtykke/", {"purpose": "everything", "action": "give"}, follow=True
    )
    assert "Det valg kender vi ikke. Intet er ændret." in response.content.decode()
    assert Consent.objects.filter(user=resident.user).count() == 1
