"""The municipal resource search: scoped to the staff's municipality, names only
with consent, every look-up of contact details logged, exports as filtered."""

import csv
import datetime as dt
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import openpyxl
import pytest
from bs4 import BeautifulSoup

from clusters.models import Facility, TaskStatus
from matching.models import Match
from search import resources
from tests import factories as f
from volunteers.models import AccessLog, Consent, ConsentPurpose, Skill

pytestmark = pytest.mark.django_db

PLACES = "/kommune/moedesteder/"
SKILLS = "/kommune/faerdigheder/"
CONTACTS = "/kommune/faerdigheder/kontakt/"
GAPS = "/kommune/mangler/"
EVENTS = "/kommune/aktiviteter/"


def _resident(village, name, *, skills=("tømrer",), contact=False, consent=True):
    profile = f.VolunteerProfileFactory(
        village=village, display_name=name, consent=consent
    )
    for phrase in skills:
        from skills.taxonomy import link

        f.VolunteerSkillFactory(profile=profile, phrase=phrase, skill=link(phrase))
    if contact:
        Consent.objects.create(
            user=profile.user, purpose=ConsentPurpose.CONTACT, text_version="test"
        )
    return profile


def _place(cluster, title, *, facilities=(), **kwargs):
    place = f.MeetingPlacePageFactory(parent=cluster, title=title, **kwargs)
    if facilities:
        place.facilities.set(Facility.objects.filter(slug__in=facilities))
        place.save()
    return place


@pytest.fixture
def world():
    """Two municipalities, each with a place, an event, a task and residents."""
    mols = f.ClusterPageFactory(
        title="Mols i Udvikling",
        municipality="syddjurs",
        villages=[
            ("Knebel", "8420", 56.2145, 10.4876),
            ("Agri", "8420", 56.2300, 10.5300),
        ],
    )
    fjord = f.ClusterPageFactory(
        title="Landet mellem fjordene",
        municipality="randers",
        villages=[("Ørsted", "8950", 56.5300, 10.3300)],
    )
    knebel, agri = list(mols.villages.order_by("name"))[::-1]
    orsted = fjord.villages.get()
    _place(mols, "Knebel Forsamlingshus", facilities=["koekken"])
    _place(fjord, "Fjordhuset", facilities=["koekken"])
    f.EventPageFactory(parent=mols, title="Fællesspisning på Mols")
    f.EventPageFactory(parent=fjord, title="Fjordfest")
    f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=mols), title="Byg shelter", skills="tømrer"
    )
    f.TaskFactory(
        page=f.ActionPlanPageFactory(parent=fjord),
        title="Fjordopgave",
        skills="tømrer",
    )
    people = {
        "birthe": _resident(knebel, "Birthe Mols", contact=True),
        "karl": _resident(agri, "Karl Agri", skills=("tømrer", "snedker")),
        "fjordbo": _resident(orsted, "Fjordbo Hansen", contact=True),
    }
    return {"mols": mols, "fjord": fjord, "knebel": knebel, **people}


@pytest.fixture
def staff(client):
    client.force_login(f.MunicipalStaffFactory(municipality="syddjurs"))
    return client


def _text(response) -> str:
    if response["Content-Type"].startswith("text/csv"):
        return response.content.decode("utf-8-sig")
    if "spreadsheetml" in response["Content-Type"]:
        book = openpyxl.load_workbook(io.BytesIO(response.content))
        return "\n".join(
            " ".join(str(c) for c in row if c is not None)
            for row in book.active.iter_rows(values_only=True)
        )
    return BeautifulSoup(response.content, "html.parser").get_text(" ")


OWN_AND_OTHER = [
    (PLACES, {}, "Knebel Forsamlingshus", "Fjordhuset"),
    (SKILLS, {"opdel": "faerdighed"}, "Mols i Udvikling", "Landet mellem fjordene"),
    (CONTACTS, {"kategori": "haandvaerk"}, "Birthe Mols", "Fjordbo Hansen"),
    (GAPS, {}, "Byg shelter", "Fjordopgave"),
    (EVENTS, {}, "Fællesspisning på Mols", "Fjordfest"),
]


@pytest.mark.parametrize("fmt", ["", "csv", "xlsx"])
@pytest.mark.parametrize(("url", "params", "own", "other"), OWN_AND_OTHER)
def test_staff_see_nothing_of_another_municipality(
    staff, world, url, params, own, other, fmt
):
    for extra in ({}, {"kommune": "randers"}):
        query = {**params, **extra, **({"eksport": fmt} if fmt else {})}
        response = staff.get(url, query)
        assert response.status_code == 200
        text = _text(response)
        assert own in text
        assert other not in text
        assert "Ørsted" not in text


@pytest.mark.parametrize(("url", "params", "own", "other"), OWN_AND_OTHER)
def test_a_cluster_of_another_municipality_is_a_form_error(
    staff, world, url, params, own, other
):
    response = staff.get(url, {**params, "klynge": world["fjord"].pk})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select("#id_klynge_error, .errorlist")
    text = soup.get_text(" ")
    assert other not in text
    assert own not in text.replace("Mols i Udvikling", "")  # only the chooser shows it
    export = staff.get(url, {**params, "klynge": world["fjord"].pk, "eksport": "csv"})
    assert export["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("url", [PLACES, SKILLS, CONTACTS, GAPS, EVENTS])
def test_residents_are_refused_and_visitors_asked_to_log_in(client, world, url):
    assert client.get(url).status_code == 302
    client.force_login(world["birthe"].user)
    assert client.get(url).status_code == 403


def test_administrators_see_every_municipality(client, world):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    text = _text(client.get(PLACES))
    assert "Knebel Forsamlingshus" in text
    assert "Fjordhuset" in text
    text = _text(client.get(PLACES, {"kommune": "randers"}))
    assert "Knebel Forsamlingshus" not in text
    assert "Fjordhuset" in text


# Meeting places ---------------------------------------------------------------------


def test_kitchen_capacity_and_kind_find_exactly_the_right_places(staff, world):
    mols = world["mols"]
    _place(mols, "Rigtigt hus", facilities=["koekken", "scene"], capacity=120)
    _place(mols, "Præcis 80", facilities=["koekken"], capacity=80)
    _place(mols, "For lille", facilities=["koekken", "scene"], capacity=79)
    _place(mols, "Ingen køkken", facilities=["scene"], capacity=200)
    _place(mols, "Hallen", kind="hal", facilities=["koekken"], capacity=300)
    _place(mols, "Ukendt plads", facilities=["koekken"], capacity=None)
    kladde = _place(mols, "Kladde", facilities=["koekken"], capacity=100)
    kladde.unpublish()
    _place(world["fjord"], "Randers hus", facilities=["koekken"], capacity=500)

    def titles(**query):
        response = staff.get(PLACES, query)
        soup = BeautifulSoup(response.content, "html.parser")
        return {a.get_text(strip=True) for a in soup.select("table tbody th a")}

    assert titles(type="forsamlingshus", facilitet="koekken", kapacitet="80") == {
        "Knebel Forsamlingshus",  # the world's own: 120 seats and a kitchen
        "Rigtigt hus",
        "Præcis 80",
    }
    assert titles(
        type="forsamlingshus", facilitet=["koekken", "scene"], kapacitet="80"
    ) == {"Rigtigt hus"}


def test_pages_behind_a_view_restriction_are_left_out(staff, world):
    from wagtail.models import PageViewRestriction

    hidden = _place(world["mols"], "Lukket hus", facilities=["koekken"])
    secret = f.EventPageFactory(parent=world["mols"], title="Lukket fest")
    for page in (hidden, secret):
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    for url in (PLACES, EVENTS):
        for fmt in ("", "csv"):
            text = _text(staff.get(url, {"eksport": fmt} if fmt else {}))
            assert "Lukket" not in text
    assert "Knebel Forsamlingshus" in _text(staff.get(PLACES))


def test_places_come_with_a_map_of_the_same_places(staff, world):
    response = staff.get(PLACES)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("#places-map[role=region][aria-label]")
    data = soup.select_one("#places-map-data").string
    assert "Knebel Forsamlingshus" in data
    assert "Fjordhuset" not in data
    assert soup.select_one("table caption")
    assert soup.select('thead th[scope="col"]')
    assert soup.select_one('.subnav a[aria-current="page"]')["href"] == PLACES
    # The facility checkboxes are a group with a legend.
    assert soup.select_one("fieldset legend")


# Skills on offer --------------------------------------------------------------------


def _count_rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("th, td")]
        for row in soup.select("table tbody tr")
    ]


@pytest.fixture
def exact_counts(monkeypatch):
    """Counts shown exactly from 1 (they are "fewer than 3" on the site), for the
    tests of what is counted."""
    from search import resources

    monkeypatch.setattr(resources, "SMALL_COUNT", 1)


def test_counts_are_per_cluster_and_village_and_never_name_anyone(
    staff, world, exact_counts
):
    _resident(world["knebel"], "Uden Samtykke", consent=False)
    _resident(world["knebel"], "Vil Lære", skills=())
    learner = world["birthe"].__class__.objects.get(display_name="Vil Lære")
    f.VolunteerSkillFactory(
        profile=learner,
        phrase="tømrer",
        skill=Skill.objects.get(slug="toemrer"),
        level="learn",
    )
    response = staff.get(SKILLS, {"kategori": "haandvaerk"})
    rows = _count_rows(response)
    assert ["Mols i Udvikling", "Agri", "Håndværk", "1"] in rows
    assert ["Mols i Udvikling", "Knebel", "Håndværk", "1"] in rows
    per_cluster = _count_rows(
        staff.get(SKILLS, {"kategori": "haandvaerk", "pr": "klynge"})
    )
    assert per_cluster == [["Mols i Udvikling", "Håndværk", "2"]]
    for query in ({}, {"opdel": "faerdighed"}, {"eksport": "csv"}, {"eksport": "xlsx"}):
        text = _text(staff.get(SKILLS, query))
        for name in ("Birthe", "Karl", "Uden Samtykke", "Vil Lære", "@example.dk"):
            assert name not in text


def test_counts_by_skill(staff, world, exact_counts):
    rows = _count_rows(staff.get(SKILLS, {"opdel": "faerdighed", "pr": "klynge"}))
    assert ["Mols i Udvikling", "Håndværk", "Snedkerarbejde", "1"] in rows
    assert ["Mols i Udvikling", "Håndværk", "Tømrerarbejde", "2"] in rows


def test_counts_under_three_are_never_shown_exactly(staff, world):
    """In a small village "1 resident offers carpentry" can say who it is: counts of
    one or two are "færre end 3", on the page and in both exports; three and more
    are exact."""
    for name in ("Tredje Tømrer", "Fjerde Tømrer"):
        _resident(world["knebel"], name)
    rows = _count_rows(staff.get(SKILLS, {"opdel": "faerdighed", "pr": "klynge"}))
    assert ["Mols i Udvikling", "Håndværk", "Snedkerarbejde", "færre end 3"] in rows
    assert ["Mols i Udvikling", "Håndværk", "Tømrerarbejde", "4"] in rows
    for fmt in ("csv", "xlsx"):
        text = _text(
            staff.get(SKILLS, {"opdel": "faerdighed", "pr": "klynge", "eksport": fmt})
        )
        assert "færre end 3" in text
        lines = [line for line in text.splitlines() if "Snedkerarbejde" in line]
        assert lines and all(not line.rstrip().endswith("1") for line in lines)


# Contacts and the access log --------------------------------------------------------


def test_names_only_with_contact_consent_and_every_lookup_is_logged(staff, world):
    staff_user = f.MunicipalStaffFactory._meta.model.objects.get(
        groups__name__startswith="Kommune"
    )
    query = {"faerdighed": "toemrer"}
    response = staff.get(CONTACTS, query)
    text = _text(response)
    assert "Birthe Mols" in text
    assert world["birthe"].user.email in text
    assert "Karl Agri" not in text  # matching consent only, no contact consent
    assert "Fjordbo Hansen" not in text
    logs = AccessLog.objects.filter(actor=staff_user)
    assert list(logs.values_list("subject_id", "action")) == [
        (world["birthe"].user_id, "municipal_lookup")
    ]
    assert "Tømrerarbejde" in logs.get().reason
    # Every look-up is logged, not once a day; downloads too.
    staff.get(CONTACTS, query)
    staff.get(CONTACTS, {**query, "eksport": "csv"})
    staff.get(CONTACTS, {**query, "eksport": "xlsx"})
    assert logs.filter(subject=world["birthe"].user).count() == 4
    assert not AccessLog.objects.exclude(subject=world["birthe"].user).exists()


def test_withdrawn_contact_consent_hides_the_resident(staff, world):
    Consent.objects.filter(
        user=world["birthe"].user, purpose=ConsentPurpose.CONTACT
    ).update(withdrawn_at=timezone.now())
    text = _text(staff.get(CONTACTS, {"kategori": "haandvaerk", "eksport": "csv"}))
    assert "Birthe" not in text
    assert not AccessLog.objects.exists()


def test_the_contact_page_asks_for_a_skill_before_showing_anyone(staff, world):
    response = staff.get(CONTACTS)
    assert response.status_code == 200
    assert "Birthe" not in _text(response)
    response = staff.get(CONTACTS, {"klynge": world["mols"].pk})
    assert "Birthe" not in _text(response)
    assert BeautifulSoup(response.content, "html.parser").select(".errorlist")
    assert not AccessLog.objects.exists()


def test_the_logged_reason_names_the_skill_in_danish_whatever_the_language():
    from django.utils import translation

    with translation.override("en"):
        assert resources.lookup_reason(category="haandvaerk").endswith(": håndværk")
        skill = Skill.objects.get(slug="toemrer")
        assert resources.lookup_reason(skill=skill).endswith(": Tømrerarbejde")


# Skill gaps -------------------------------------------------------------------------


def test_gaps_are_open_tasks_without_a_good_match(staff, world):
    plan = f.ActionPlanPageFactory(parent=world["mols"])
    good = f.TaskFactory(page=plan, title="Godt match", skills="tømrer")
    weak = f.TaskFactory(page=plan, title="Svagt match", skills="tømrer")
    filled = f.TaskFactory(
        page=plan, title="Besat", skills="tømrer", status=TaskStatus.FILLED
    )
    odd = f.TaskFactory(page=plan, title="Særlig opgave", skills="bikube-tæmmer")
    Match.objects.create(
        task=good,
        volunteer=world["birthe"],
        score=resources.GOOD_MATCH,
        engine_version="t",
    )
    Match.objects.create(
        task=weak,
        volunteer=world["birthe"],
        score=resources.GOOD_MATCH - 1,
        engine_version="t",
    )
    rows = _count_rows(staff.get(GAPS))
    by_skill = {row[0]: row for row in rows}
    assert "Godt match" not in str(rows)
    assert "Besat" not in str(rows)
    assert "Svagt match" in by_skill["Tømrerarbejde"][3]
    assert "Byg shelter" in by_skill["Tømrerarbejde"][3]
    assert by_skill["Tømrerarbejde"][2] == "Mols i Udvikling"
    own_words = next(key for key in by_skill if key.startswith("bikube-tæmmer"))
    assert by_skill[own_words][3] == "Særlig opgave · " + odd.page.title
    assert filled.status == TaskStatus.FILLED


def test_gaps_read_phrases_as_the_matching_does(staff, world):
    """Compounds and "og"-phrases are read by the engine's taxonomy, as the matching
    and the overview's demand read them."""
    plan = f.ActionPlanPageFactory(parent=world["mols"])
    f.TaskFactory(page=plan, title="Nye bænke", skills="tømrerarbejde og maling")
    by_skill = {row[0]: row for row in _count_rows(staff.get(GAPS))}
    assert "Nye bænke" in by_skill["Tømrerarbejde"][3]
    assert any(
        "Nye bænke" in row[3] for key, row in by_skill.items() if key.startswith("Mal")
    )


# Activities -------------------------------------------------------------------------


def test_activities_default_to_the_next_three_months(staff, world):
    mols = world["mols"]
    now = timezone.now()
    f.EventPageFactory(
        parent=mols, title="Om fire måneder", start=now + dt.timedelta(days=120)
    )
    f.EventPageFactory(parent=mols, title="I går", start=now - dt.timedelta(days=1))
    text = _text(staff.get(EVENTS))
    assert "Fællesspisning på Mols" in text
    assert "Om fire måneder" not in text
    assert "I går" not in text
    today = timezone.localdate()
    text = _text(
        staff.get(
            EVENTS,
            {
                "fra": (today - dt.timedelta(days=2)).isoformat(),
                "til": (today + dt.timedelta(days=130)).isoformat(),
            },
        )
    )
    assert "Om fire måneder" in text
    assert "I går" in text
    # A start date alone runs three months on from it.
    text = _text(
        staff.get(EVENTS, {"fra": (today + dt.timedelta(days=100)).isoformat()})
    )
    assert "Om fire måneder" in text
    assert "Fællesspisning på Mols" not in text


# Bad input --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "query", "field"),
    [
        (PLACES, {"type": "slot"}, "type"),
        (PLACES, {"kapacitet": "-5"}, "kapacitet"),
        (PLACES, {"kapacitet": "mange"}, "kapacitet"),
        (PLACES, {"facilitet": "jacuzzi"}, "facilitet"),
        (PLACES, {"landsby": "999999"}, "landsby"),
        (SKILLS, {"kategori": "trylleri"}, "kategori"),
        (SKILLS, {"faerdighed": "findes-ikke"}, "faerdighed"),
        (EVENTS, {"fra": "2025-13-45"}, "fra"),
        (EVENTS, {"fra": "2025-06-01", "til": "2025-05-01"}, "til"),
        (EVENTS, {"fra": "9999-12-01", "til": "9999-12-31"}, "fra"),
        (GAPS, {"klynge": "abc"}, "klynge"),
    ],
)
def test_bad_input_is_a_form_error_not_a_500(staff, world, url, query, field):
    for fmt in ("", "csv"):
        response = staff.get(url, {**query, **({"eksport": fmt} if fmt else {})})
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one(
            f"#id_{field}_error, .field--error #id_{field}, "
            f".field--error [name={field}]"
        )
        assert soup.select_one("[role=alert]")
        assert "Knebel Forsamlingshus" not in soup.get_text()


# Exports ----------------------------------------------------------------------------


def test_csv_has_a_bom_and_round_trips_danish_text(staff, world):
    _place(world["mols"], "Æblegården, Ørsted, Ålborg", facilities=["koekken"])
    response = staff.get(PLACES, {"facilitet": "koekken", "eksport": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="')
    assert response["Content-Disposition"].endswith('.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert len(rows[0]) == 8  # the header
    assert {row[0] for row in rows[1:]} == {
        "Æblegården, Ørsted, Ålborg",
        "Knebel Forsamlingshus",
    }
    assert all(row[1] == "Mols i Udvikling" for row in rows[1:])


def test_xlsx_opens_and_has_the_rows(staff, world):
    response = staff.get(EVENTS, {"eksport": "xlsx"})
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 2
    assert rows[1][2] == "Fællesspisning på Mols"
    assert rows[1][3] == "Mols i Udvikling"


def test_formulas_in_exports_are_defused(staff, world):
    _place(world["mols"], '=HYPERLINK("http://x")')
    text = staff.get(PLACES, {"eksport": "csv"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text


# Queries ----------------------------------------------------------------------------


def _rows(world, n, *, start=0):
    mols, knebel = world["mols"], world["knebel"]
    plan = f.ActionPlanPageFactory(parent=mols)
    for i in range(start, start + n):
        _place(mols, f"Sted {i}", facilities=["koekken", "scene"], capacity=100)
        f.EventPageFactory(parent=mols, title=f"Arrangement {i}")
        f.TaskFactory(page=plan, title=f"Opgave {i}", skills=f"tømrer, særord{i}")
        village = knebel.__class__.objects.create(
            cluster=mols, name=f"Landsby {i}", postcode="8420"
        )
        _resident(village, f"Beboer {i}", skills=("tømrer", "regnskab"), contact=True)


QUERY_PAGES = [
    (PLACES, {"facilitet": ["koekken", "scene"], "kapacitet": "50"}),
    (SKILLS, {"opdel": "faerdighed"}),
    (CONTACTS, {"kategori": "haandvaerk"}),
    (GAPS, {}),
    (EVENTS, {}),
]


@pytest.mark.parametrize(("url", "query"), QUERY_PAGES)
def test_a_constant_number_of_queries_whatever_the_rows(
    staff, world, url, query, django_assert_max_num_queries
):
    _rows(world, 3)
    staff.get(url, query)  # warm caches (site root paths, the taxonomy)
    with CaptureQueriesContext(connection) as few:
        assert staff.get(url, query).status_code == 200
    _rows(world, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        response = staff.get(url, query)
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]
    with django_assert_max_num_queries(16):
        staff.get(url, query)
    assert "Beboer 29" in _text(response) or url != CONTACTS


# The administrators' audit log ------------------------------------------------------

ACCESS_LOG = "/admin/adgang-til-persondata/"


def test_administrators_read_the_access_log_and_nobody_else(staff, world):
    from django.contrib.auth.models import Permission
    from django.test import Client

    staff.get(CONTACTS, {"faerdighed": "toemrer"})
    admin = Client()
    admin.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    text = _text(admin.get(ACCESS_LOG))
    assert world["birthe"].user.email in text
    assert "Kommunen slog beboere op for at kontakte dem" in text
    assert "Tømrerarbejde" in text
    assert world["birthe"].user.email not in _text(
        admin.get(ACCESS_LOG, {"actor": "ingen-saadan"})
    )
    today = timezone.localdate()
    future = (today + dt.timedelta(days=1)).isoformat()
    assert world["birthe"].user.email not in _text(
        admin.get(ACCESS_LOG, {"since": future})
    )
    bad = admin.get(ACCESS_LOG, {"until": "i morgen"})
    assert bad.status_code == 200
    assert BeautifulSoup(bad.content, "html.parser").select_one("[role=alert]")
    # An editor with access to the admin, but not an administrator, is refused.
    editor = f.UserFactory(is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    other = Client()
    other.force_login(editor)
    refused = other.get(ACCESS_LOG)
    # Wagtail turns the 403 into a redirect to the dashboard with a message.
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    # Municipal staff are not even let into the admin.
    assert staff.get(ACCESS_LOG).status_code in (302, 403)


def test_a_national_view_finds_what_the_per_cluster_filters_find(
    client, world, monkeypatch
):
    """Above MANY_CLUSTERS the scope filters by path prefix in one IN: same pages."""
    from search import forms, resources

    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    urls = [PLACES, GAPS, EVENTS, SKILLS]

    def tables():
        return [
            [
                tbody.get_text(" ", strip=True)
                for tbody in BeautifulSoup(
                    client.get(url).content, "html.parser"
                ).select("main table tbody")
            ]
            for url in urls
        ]

    ranged = tables()
    monkeypatch.setattr(resources, "MANY_CLUSTERS", 0)
    monkeypatch.setattr(forms, "MANY_CLUSTERS", 0)
    assert tables() == ranged
    assert "Knebel Forsamlingshus" in ranged[0][0]
    # Villages are offered within the chosen cluster only.
    soup = BeautifulSoup(client.get(PLACES).content, "html.parser")
    assert not soup.select("#id_landsby option[value]:not([value=''])")
    soup = BeautifulSoup(
        client.get(PLACES, {"klynge": world["mols"].pk}).content, "html.parser"
    )
    assert "Knebel" in soup.select_one("#id_landsby").get_text()


def test_the_access_log_takes_silly_dates_as_a_form_error(client):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    for query in ({"until": "9999-12-31"}, {"since": "0001-01-01"}):
        response = client.get(ACCESS_LOG, query)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one("[role=alert]") is not None
        assert soup.select_one("ul.errorlist") is not None
