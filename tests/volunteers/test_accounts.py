"""Sign-up with consent and e-mail verification, log-in, and locking out guessers."""

import re

from django.core import mail

import pytest
from bs4 import BeautifulSoup

from accounts.models import User
from tests import factories as f
from volunteers.consent import TEXTS
from volunteers.models import Consent, ConsentPurpose, SentEmail, VolunteerProfile

pytestmark = pytest.mark.django_db

PASSWORD = "Plantekasse-på-torvet-7"


def _signup_data(**overrides):
    data = {
        "email": "Birthe@Example.dk",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Birthe",
        "consent_matching": "on",
        "age_confirmed": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_signup_page_in_danish_and_english_with_consent_unticked(client):
    da = BeautifulSoup(client.get("/konto/signup/").content, "html.parser")
    assert da.html["lang"] == "da"
    assert "Hvad skal vi kalde dig?" in da.get_text()
    for name in ("consent_matching", "consent_contact", "age_confirmed"):
        box = da.find("input", attrs={"name": name})
        assert box["type"] == "checkbox"
        assert not box.has_attr("checked"), name
        assert da.find("label", attrs={"for": box["id"]}), name
    en = BeautifulSoup(client.get("/en/konto/signup/").content, "html.parser")
    assert en.html["lang"] == "en"
    assert "What should we call you?" in en.get_text()


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("consent_matching", "kun matche dig med opgaver med dit samtykke"),
        ("age_confirmed", "være fyldt 15 år"),
    ],
)
def test_signup_without_consent_or_age_is_refused_and_stores_nothing(
    client, missing, message
):
    response = client.post("/konto/signup/", _signup_data(**{missing: None}))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert not Consent.objects.exists()
    assert not mail.outbox


def test_signup_records_consent_and_profile_and_verifies_the_address(client):
    response = client.post("/konto/signup/", _signup_data())
    assert response.status_code == 302
    user = User.objects.get(email="birthe@example.dk")
    assert user.check_password(PASSWORD)
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.display_name == "Birthe"
    consent = Consent.objects.get(user=user)
    assert consent.purpose == ConsentPurpose.MATCHING
    assert consent.text_version == TEXTS[ConsentPurpose.MATCHING].version
    assert consent.given_at is not None and consent.withdrawn_at is None
    # The optional contact consent was not ticked, so it was not given.
    assert not Consent.objects.filter(purpose=ConsentPurpose.CONTACT).exists()

    # Not logged in until the address is verified.
    assert client.get("/frivillig/profil/").status_code == 302
    (message,) = mail.outbox
    assert message.to == ["birthe@example.dk"]
    # Logged for the resident's data export.
    (sent,) = SentEmail.objects.filter(user=user)
    assert sent.kind == "email_confirmation_signup"
    assert sent.subject == message.subject
    link = re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", message.body)
    confirm_page = client.get(link.group(1))
    assert confirm_page.status_code == 200
    response = client.post(link.group(1))
    assert response.status_code == 302
    assert client.get("/frivillig/profil/").status_code == 200


def test_optional_contact_consent_is_recorded_when_ticked(client):
    client.post("/konto/signup/", _signup_data(consent_contact="on"))
    purposes = set(Consent.objects.values_list("purpose", flat=True))
    assert purposes == {ConsentPurpose.MATCHING, ConsentPurpose.CONTACT}


def test_script_in_the_name_is_cleaned_and_an_empty_name_is_refused(client):
    client.post(
        "/konto/signup/", _signup_data(display_name="<script>alert(1)</script>Ole")
    )
    assert VolunteerProfile.objects.get().display_name == "alert(1)Ole"
    response = client.post(
        "/konto/signup/",
        _signup_data(email="tom@example.dk", display_name="<b></b> 🎉"),
    )
    assert "Skriv mindst ét bogstav eller tal." in response.content.decode()
    assert not User.objects.filter(email="tom@example.dk").exists()


def test_passwords_are_hashed_with_argon2(settings):
    from cms.settings import base

    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    user = User.objects.create_user("argon@example.dk", PASSWORD)
    assert user.password.startswith("argon2$")


def test_repeated_failed_logins_are_slowed_down(client):
    f.ResidentFactory(email="ole@example.dk")
    for _ in range(5):
        client.post("/konto/login/", {"login": "ole@example.dk", "password": "forkert"})
    response = client.post(
        "/konto/login/", {"login": "ole@example.dk", "password": "forkert"}
    )
    assert "for mange mislykkede" in response.content.decode()


def test_many_failed_logins_lock_the_address_with_a_clear_message(client, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # reach django-axes' lock directly
    f.ResidentFactory(email="ole@example.dk", password=PASSWORD)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            "/konto/login/", {"login": "ole@example.dk", "password": "forkert"}
        )
        assert response.status_code == 200
    response = client.post(
        "/konto/login/", {"login": "ole@example.dk", "password": "forkert"}
    )
    assert response.status_code == 429
    assert "Log-in er spærret lige nu" in response.content.decode()
    # Even the right password is refused while locked.
    response = client.post(
        "/konto/login/", {"login": "ole@example.dk", "password": PASSWORD}
    )
    assert response.status_code == 429


def test_password_reset_mails_a_link_and_the_new_password_works(client):
    f.ResidentFactory(email="ole@example.dk")
    response = client.post("/konto/password/reset/", {"email": "ole@example.dk"})
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["ole@example.dk"]
    link = re.search(
        r"https?://[^/\s]+(/konto/password/reset/key/[^\s]+/)", message.body
    )
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    response = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else link.group(1),
        {"password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = User.objects.get(email="ole@example.dk")
    assert user.check_password(PASSWORD)


def test_log_in_and_out_in_english(client):
    f.ResidentFactory(email="tom@example.dk", password=PASSWORD)
    page = client.get("/en/konto/login/").content.decode()
    assert 'lang="en"' in page
    response = client.post(
        "/en/konto/login/", {"login": "tom@example.dk", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/en/frivillig/profil/").status_code == 200
    client.post("/en/konto/logout/")
    assert client.get("/en/frivillig/profil/").status_code == 302
