"""The municipal overview: right numbers, own municipality only, few queries."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from clusters.models import Village
from matching.services import get_engine
from search.overview import (
    Scope,
    cluster_rows,
    month_starts,
    resident_totals,
    signups_per_month,
    skill_supply_and_demand,
    upcoming_deadlines,
)
from tests import factories as f
from volunteers.models import Skill, SkillCategory

pytestmark = pytest.mark.django_db

URL = "/kommune/oversigt/"
CPH = ZoneInfo("Europe/Copenhagen")


def _skill(category):
    return Skill.objects.filter(category=category).order_by("pk").first()


@pytest.fixture
def world():
    """Two clusters in Syddjurs and one in Randers, with people, tasks and sign-ups."""
    mols = f.ClusterPageFactory(
        title="Mols i Udvikling",
        municipality="syddjurs",
        phase="vision",
        villages=[("Knebel", "8420", 56.21, 10.49), ("Agri", "8420", 56.23, 10.53)],
    )
    helgenaes = f.ClusterPageFactory(
        title="Helgenæs",
        municipality="syddjurs",
        phase="etablering",
        villages=[("Helgenæs", "8420", 56.1, 10.5)],
    )
    fjord = f.ClusterPageFactory(
        title="Landet mellem fjordene",
        municipality="randers",
        villages=[("Værum", "8940", 56.5, 10.1)],
    )
    mols_plan = f.ActionPlanPageFactory(parent=mols, title="Plantekasser på torvet")
    helgenaes_plan = f.ActionPlanPageFactory(parent=helgenaes, title="Ny hjemmeside")
    fjord_plan = f.ActionPlanPageFactory(parent=fjord, title="Shelterpladsen")
    tasks = {
        "planters": f.TaskFactory(page=mols_plan, skills="tømrer, snedker"),
        "budget": f.TaskFactory(page=mols_plan, skills="regnskab"),
        "filled": f.TaskFactory(page=mols_plan, skills="regnskab", status="filled"),
        "done": f.TaskFactory(page=mols_plan, skills="tømrer", status="done"),
        "web": f.TaskFactory(page=helgenaes_plan, skills="tømrer\nsociale medier"),
        "shelter": f.TaskFactory(page=fjord_plan, skills="tømrer, regnskab"),
        "shelter2": f.TaskFactory(page=fjord_plan, skills="tømrer"),
    }
    knebel = Village.objects.get(name="Knebel")
    vaerum = Village.objects.get(name="Værum")
    people = {
        # Lives in Mols, not in an association: a new volunteer.
        "anna": f.VolunteerProfileFactory(village=knebel, in_association=False),
        # Follows Mols, already in an association.
        "bo": f.VolunteerProfileFactory(in_association=True),
        # Lives in Mols and follows it too: counted once; did not say.
        "carl": f.VolunteerProfileFactory(village=knebel, in_association=None),
        # Follows both Syddjurs clusters, new.
        "dorte": f.VolunteerProfileFactory(in_association=False),
        # Randers only.
        "erik": f.VolunteerProfileFactory(village=vaerum, in_association=False),
    }
    people["bo"].clusters.add(mols)
    people["carl"].clusters.add(mols)
    people["dorte"].clusters.add(mols, helgenaes)
    crafts, finance = _skill(SkillCategory.HAANDVAERK), _skill(SkillCategory.OEKONOMI)
    for name, skill in [
        ("anna", crafts),
        ("anna", finance),
        ("bo", crafts),
        ("carl", crafts),
        ("erik", crafts),
        ("erik", finance),
    ]:
        f.VolunteerSkillFactory(profile=people[name], phrase=skill.name_da, skill=skill)
    # Two skills of one category count the resident once.
    second_crafts = Skill.objects.filter(category=SkillCategory.HAANDVAERK).order_by(
        "pk"
    )[1]
    f.VolunteerSkillFactory(
        profile=people["bo"], phrase=second_crafts.name_da, skill=second_crafts
    )
    # A phrase not linked to the taxonomy offers nothing countable.
    f.VolunteerSkillFactory(profile=people["dorte"], phrase="gøgl", skill=None)
    return {"mols": mols, "helgenaes": helgenaes, "fjord": fjord, "tasks": tasks} | {
        "people": people,
        "plans": {"mols": mols_plan, "helgenaes": helgenaes_plan, "fjord": fjord_plan},
    }


def _soup(response):
    return BeautifulSoup(response.content, "html.parser")


def _table_rows(table):
    return {
        row.th.get_text(" ", strip=True): [td.get_text(strip=True) for td in row("td")]
        for row in table.tbody("tr")
    }


@pytest.fixture
def staff_client(client):
    client.force_login(f.MunicipalStaffFactory(municipality="syddjurs"))
    return client


# Access and isolation -------------------------------------------------------------


def test_the_url_is_named_and_shown_in_the_municipal_navigation(staff_client, world):
    assert reverse("municipal:overview") == URL
    soup = _soup(staff_client.get("/kommune/"))
    assert soup.select_one(f'.subnav a[href="{URL}"]') is not None
    link = _soup(staff_client.get(URL)).select_one(f'.subnav a[href="{URL}"]')
    assert link["aria-current"] == "page"


def test_visitors_log_in_and_residents_are_refused(client, world):
    assert client.get(URL).status_code == 302
    client.force_login(f.ResidentFactory())
    assert client.get(URL).status_code == 403


def test_staff_see_nothing_of_another_municipality(staff_client, world):
    for params in ({}, {"kommune": "randers"}):
        response = staff_client.get(URL, params)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Landet mellem fjordene" not in html
        assert "Shelterpladsen" not in html
        assert "Værum" not in html
        clusters = _table_rows(_soup(response).select_one("#cluster-table"))
        assert set(clusters) == {"Mols i Udvikling", "Helgenæs"}


def test_administrators_choose_one_municipality(client, world):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    response = client.get(URL, {"kommune": "randers"})
    clusters = _table_rows(_soup(response).select_one("#cluster-table"))
    assert set(clusters) == {"Landet mellem fjordene"}


# The numbers ----------------------------------------------------------------------


def test_residents_newcomers_and_tasks_per_cluster(world):
    rows = {cluster.title: cluster for cluster in cluster_rows(Scope(["syddjurs"]))}
    assert list(rows) == ["Helgenæs", "Mols i Udvikling"]
    mols, helgenaes = rows["Mols i Udvikling"], rows["Helgenæs"]
    assert (mols.residents, mols.newcomers) == (4, 2)  # anna, bo, carl, dorte
    assert (helgenaes.residents, helgenaes.newcomers) == (1, 1)  # dorte
    assert (mols.open_tasks, mols.filled_tasks, mols.done_tasks) == (2, 1, 1)
    assert (helgenaes.open_tasks, helgenaes.filled_tasks, helgenaes.done_tasks) == (
        1,
        0,
        0,
    )
    assert [v.name for v in mols.villages.all()] == ["Knebel", "Agri"]
    # Each resident once across the municipality's clusters; Erik lives in Randers.
    assert resident_totals(Scope(["syddjurs"])) == {"residents": 4, "newcomers": 2}
    assert resident_totals(Scope(["randers"])) == {"residents": 1, "newcomers": 1}


def test_unpublished_action_plans_do_not_count(world):
    world["plans"]["helgenaes"].unpublish()
    rows = {c.title: c for c in cluster_rows(Scope(["syddjurs"]))}
    assert rows["Helgenæs"].open_tasks == 0
    assert rows["Mols i Udvikling"].open_tasks == 2


def test_month_starts_run_back_a_year_across_new_year():
    starts = month_starts(dt.date(2025, 2, 17))
    assert len(starts) == 12
    assert starts[0] == dt.date(2024, 3, 1)
    assert starts[-2:] == [dt.date(2025, 1, 1), dt.date(2025, 2, 1)]


def test_signups_per_month_in_danish_time(world):
    tasks, people = world["tasks"], world["people"]

    def signup(task, person, *when):
        f.SignupFactory(
            task=tasks[task],
            volunteer=people[person],
            created_at=dt.datetime(*when, tzinfo=CPH),
        )

    signup("planters", "anna", 2025, 5, 3, 12, 0)
    signup("budget", "anna", 2025, 5, 20, 9, 0)
    # Half past midnight on 1 June in Denmark is still 31 May in UTC.
    signup("web", "dorte", 2025, 6, 1, 0, 30)
    signup("filled", "bo", 2025, 4, 30, 23, 0)
    # A sign-up 13 months back and one in Randers are not counted.
    signup("done", "carl", 2024, 5, 31, 12, 0)
    signup("shelter", "erik", 2025, 5, 10, 12, 0)
    months = dict(signups_per_month(Scope(["syddjurs"]), today=dt.date(2025, 6, 15)))
    assert list(months)[0] == dt.date(2024, 7, 1)
    assert list(months)[-1] == dt.date(2025, 6, 1)
    assert months[dt.date(2025, 6, 1)] == 1
    assert months[dt.date(2025, 5, 1)] == 2
    assert months[dt.date(2025, 4, 1)] == 1
    assert sum(months.values()) == 4


def test_skills_offered_against_open_tasks_needing_them(world):
    balance = {
        row.category: (row.supply, row.demand)
        for row in skill_supply_and_demand(Scope(["syddjurs"]))
    }
    # Offered: crafts by anna, bo (two crafts skills, once) and carl; finance by
    # anna. Needed: crafts by "planters" (tømrer and snedker, once) and "web";
    # finance by "budget" ("filled" is not open); communication by "web".
    assert balance == {
        SkillCategory.HAANDVAERK: (3, 2),
        SkillCategory.OEKONOMI: (1, 1),
        SkillCategory.KOMMUNIKATION: (0, 1),
    }
    randers = {
        row.category: (row.supply, row.demand)
        for row in skill_supply_and_demand(Scope(["randers"]))
    }
    assert randers == {
        SkillCategory.HAANDVAERK: (1, 2),
        SkillCategory.OEKONOMI: (1, 1),
    }


# What the page shows ---------------------------------------------------------------


def _chart(soup, section_id):
    section = soup.select_one(f"#{section_id}")
    svg = section.select_one("svg[role=img]")
    return section, svg


def _accessible_name(soup, svg):
    ids = svg["aria-labelledby"].split()
    return [soup.find(id=i).get_text(strip=True) for i in ids]


def test_charts_are_svg_with_a_name_and_a_table_of_the_same_numbers(
    staff_client, world
):
    # In English, whose texts are the message ids, so translations do not break it.
    soup = _soup(staff_client.get("/en" + URL))
    section, svg = _chart(soup, "chart-tasks")
    name, description = _accessible_name(soup, svg)
    assert name == "Tasks per cluster by status"
    assert description
    assert svg.title.get_text(strip=True) == name
    # One labelled bar per status and cluster; the table says the same.
    bars = [t.get_text(strip=True) for t in svg.select("text.chart__value")]
    assert bars == ["1", "0", "0", "2", "1", "1"]  # Helgenæs, then Mols
    table = section.select_one("details table")
    assert table.caption.get_text(strip=True) == name
    assert [th["scope"] for th in table.thead("th")] == ["col"] * 4
    assert [th["scope"] for th in table.tbody("th")] == ["row"] * 2
    assert _table_rows(table) == {
        "Helgenæs": ["1", "0", "0"],
        "Mols i Udvikling": ["2", "1", "1"],
    }
    # Patterns and a legend, not colour alone.
    legend = [li.get_text(strip=True) for li in section.select(".chart__legend li")]
    assert len(legend) == 3
    assert svg.select('rect[fill^="url(#tasks-chart-fill-"]')

    section, svg = _chart(soup, "chart-skills")
    assert _accessible_name(soup, svg)[0]
    table = section.select_one("details table")
    rows = _table_rows(table)
    assert len(rows) == 3
    assert sorted(rows.values()) == [["0", "1"], ["1", "1"], ["3", "2"]]
    values = [t.get_text(strip=True) for t in svg.select("text.chart__value")]
    assert values == [v for row in rows.values() for v in row]


def test_the_signup_chart_has_twelve_months_and_a_table(staff_client, world):
    now = timezone.now()
    f.SignupFactory(task=world["tasks"]["planters"], volunteer=world["people"]["anna"])
    f.SignupFactory(
        task=world["tasks"]["budget"],
        volunteer=world["people"]["anna"],
        created_at=now,
    )
    soup = _soup(staff_client.get(URL))
    section, svg = _chart(soup, "chart-signups")
    assert _accessible_name(soup, svg)[0]
    columns = svg.select("rect.chart__fill-0")
    assert len(columns) == 12
    values = [t.get_text(strip=True) for t in svg.select("text.chart__value")]
    assert values == ["0"] * 11 + ["2"]
    rows = list(_table_rows(section.select_one("details table")).values())
    assert rows == [["0"]] * 11 + [["2"]]


def test_numbers_are_written_the_danish_way(staff_client, world):
    f.FundingPoolFactory(
        name="Stor pulje",
        amount=1_250_000,
        deadline=timezone.localdate() + dt.timedelta(days=3),
    )
    soup = _soup(staff_client.get(URL))
    row = _table_rows(soup.select_one("#funding-table"))["Stor pulje"]
    assert row[1] == "1.250.000 kr."


# Funding deadlines ----------------------------------------------------------------


@pytest.fixture
def pools(world):
    today = timezone.localdate()

    def pool(name, days, municipality="", **kwargs):
        return f.FundingPoolFactory(
            name=name,
            deadline=today + dt.timedelta(days=days),
            municipality=municipality,
            **kwargs,
        )

    made = {
        "national": pool("Landdistriktspuljen", 5, url="https://example.org/lp"),
        "own": pool("Syddjurs' landsbypulje", 30, "syddjurs"),
        "today": pool("Sidste chance", 0),
        "last_day": pool("Om 90 dage", 90),
        "other": pool("Randers' landsbypulje", 10, "randers"),
        "past": pool("Lukket pulje", -1),
        "later": pool("Senere pulje", 91),
        "undated": f.FundingPoolFactory(name="Løbende pulje", deadline=None),
    }
    plans = world["plans"]
    for plan, linked in [
        (plans["mols"], ["national", "own"]),
        (plans["helgenaes"], ["national"]),
        (plans["fjord"], ["national", "other"]),
    ]:
        plan.funding_pools.set([made[name] for name in linked])
        plan.save_revision().publish()
    return made


def test_upcoming_deadlines_soonest_first_own_and_national_only(pools):
    found = upcoming_deadlines(Scope(["syddjurs"]), today=timezone.localdate())
    assert [pool.name for pool in found] == [
        "Sidste chance",
        "Landdistriktspuljen",
        "Syddjurs' landsbypulje",
        "Om 90 dage",
    ]
    assert [pool.days_left for pool in found] == [0, 5, 30, 90]
    national = found[1]
    # Randers' plan links to it too, but Syddjurs sees its own plans only.
    assert [(p.title, p.cluster_title) for p in national.plans] == [
        ("Ny hjemmeside", "Helgenæs"),
        ("Plantekasser på torvet", "Mols i Udvikling"),
    ]
    randers = upcoming_deadlines(Scope(["randers"]), today=timezone.localdate())
    assert "Randers' landsbypulje" in [pool.name for pool in randers]
    assert "Syddjurs' landsbypulje" not in [pool.name for pool in randers]


def test_the_page_lists_deadlines_with_days_left_and_linked_plans(staff_client, pools):
    soup = _soup(staff_client.get(URL))
    table = soup.select_one("#funding-table")
    assert table.caption.get_text(strip=True)
    rows = _table_rows(table)
    assert list(rows) == [
        "Sidste chance",
        "Landdistriktspuljen",
        "Syddjurs' landsbypulje",
        "Om 90 dage",
    ]
    owner, amount, deadline, plans = rows["Landdistriktspuljen"]
    assert amount == "250.000 kr."
    assert "5" in deadline
    assert "Plantekasser på torvet" in plans
    assert "Ny hjemmeside" in plans
    assert "Shelterpladsen" not in plans
    link = table.select_one('a[href="https://example.org/lp"]')
    assert link.get_text(strip=True) == "Landdistriktspuljen"
    html = str(table)
    assert "Lukket pulje" not in html
    assert "Randers' landsbypulje" not in html
    assert "Senere pulje" not in html


def test_the_public_action_plan_page_shows_its_funding_pools(client, pools):
    plan = pools["own"].action_plans.get()
    soup = _soup(client.get(plan.url))
    funding = soup.find("h2", string="Finansiering")
    assert funding is not None
    assert "Syddjurs' landsbypulje" in funding.find_next("ul").get_text()


def test_administrators_filter_funding_pools_by_municipality(client, pools):
    client.force_login(f.UserFactory(is_superuser=True, is_staff=True))
    url = reverse("wagtailsnippets_clusters_fundingpool:list")
    listed = _soup(client.get(url, {"municipality": "randers"})).select_one("tbody")
    assert "Randers' landsbypulje" in listed.get_text()
    assert "Syddjurs' landsbypulje" not in listed.get_text()
    assert "Landdistriktspuljen" not in listed.get_text()


# Queries ------------------------------------------------------------------------


def _grow(count, start=0):
    """`count` clusters in Syddjurs, each with a plan, tasks, residents, sign-ups."""
    for n in range(start, start + count):
        cluster = f.ClusterPageFactory(municipality="syddjurs", title=f"Klynge {n:02}")
        plan = f.ActionPlanPageFactory(parent=cluster)
        task = f.TaskFactory(page=plan, skills="tømrer")
        f.TaskFactory(page=plan, status="done")
        village = cluster.villages.first()
        resident = f.VolunteerProfileFactory(village=village, in_association=False)
        resident.clusters.add(cluster)
        f.SignupFactory(task=task, volunteer=resident)
        pool = f.FundingPoolFactory(deadline=timezone.localdate())
        plan.funding_pools.add(pool)
        plan.save_revision().publish()


def _queries(client):
    client.get(URL)  # warm caches: site root, taxonomy
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries), response


@pytest.mark.parametrize("count", [2, 20])
def test_the_overview_costs_a_constant_number_of_queries(
    staff_client, django_assert_max_num_queries, count
):
    get_engine()
    _grow(count)
    staff_client.get(URL)
    with django_assert_max_num_queries(20):
        response = staff_client.get(URL)
    assert len(_table_rows(_soup(response).select_one("#cluster-table"))) == count


def test_twenty_clusters_cost_as_many_queries_as_two(staff_client):
    _grow(2)
    few, _response = _queries(staff_client)
    _grow(18, start=2)
    many, response = _queries(staff_client)
    assert len(_table_rows(_soup(response).select_one("#cluster-table"))) == 20
    assert many == few, (few, many)


def test_the_overview_shows_what_people_search_for_without_who(staff_client, world):
    for term in ["forsamlingshus", "Forsamlingshus", "FORSAMLINGSHUS", "multibane"]:
        staff_client.get("/soeg/", {"q": term})
    soup = BeautifulSoup(staff_client.get("/kommune/oversigt/").content, "html.parser")
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in soup.select("#searches tbody tr")
    ]
    # Searched once (it may be someone's name): not shown.
    assert rows == [["forsamlingshus", "3"]]


def test_a_municipal_pool_must_name_its_municipality():
    from django.core.exceptions import ValidationError

    from clusters.models import FundingPool

    pool = FundingPool(name="Landsbypuljen", owner="Syddjurs Kommune")
    with pytest.raises(ValidationError) as error:
        pool.full_clean()
    assert "municipality" in error.value.message_dict
    pool.municipality = "syddjurs"
    pool.full_clean()
    FundingPool(
        name="Landdistriktspuljen", owner="Staten", owner_type="national"
    ).full_clean()


def test_search_term_counts_are_summed_over_the_days_once(staff_client, world):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    today = timezone.localdate()
    for term, per_day in [("jens hansen", [1, 1]), ("multibane", [2, 2])]:
        query = Query.get(term)
        for n, hits in enumerate(per_day):
            QueryDailyHits.objects.create(
                query=query, date=today - dt.timedelta(days=n), hits=hits
            )
    old = Query.get("gammel")
    QueryDailyHits.objects.create(
        query=old, date=today - dt.timedelta(days=40), hits=50
    )
    soup = BeautifulSoup(staff_client.get("/kommune/oversigt/").content, "html.parser")
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in soup.select("#searches tbody tr")
    ]
    assert rows == [["multibane", "4"]]


def test_filtering_a_search_does_not_count_it_again(client, world):
    from wagtail.contrib.search_promotions.models import Query

    client.get("/soeg/", {"q": "multibane"})
    client.get("/soeg/", {"q": "multibane", "type": "nyhed"})
    client.get("/soeg/", {"q": "multibane", "kommune": "syddjurs"})
    assert Query.get("multibane").hits == 1


def test_a_municipal_pool_without_its_municipality_is_shown_to_nobody(staff_client):
    f.FundingPoolFactory(
        name="Gammel kommunal pulje",
        owner_type="kommunal",
        municipality="",
        deadline=timezone.localdate() + dt.timedelta(days=10),
    )
    f.FundingPoolFactory(
        name="Statens pulje",
        owner_type="national",
        municipality="",
        deadline=timezone.localdate() + dt.timedelta(days=10),
    )
    text = staff_client.get("/kommune/oversigt/").content.decode()
    assert "Statens pulje" in text
    assert "Gammel kommunal pulje" not in text


# Downloads --------------------------------------------------------------------------


def _csv(response):
    assert response["Content-Type"].startswith("text/csv"), response["Content-Type"]
    assert response["Content-Disposition"].startswith("attachment")
    text = response.content.decode("utf-8-sig")
    return [line.split(";") for line in text.splitlines()]


def test_every_table_of_the_overview_downloads(staff_client, pools):
    """?eksport=csv is a file, not the page: the clusters by default, each table by
    its own link, and the whole overview as one workbook; only the staff member's
    own municipality is in any of them."""
    import io

    import openpyxl

    page = _soup(staff_client.get(URL))
    links = [a["href"] for a in page.select("p.exports a") if "tabel=" in a["href"]]
    tables = {href.split("tabel=")[1] for href in links}
    assert tables == {
        "klynger",
        "opgaver",
        "tilmeldinger",
        "faerdigheder",
        "puljer",
        "soegninger",
    } - ({"soegninger"} if not page.select_one("#searches table") else set())

    clusters = _csv(staff_client.get(URL, {"eksport": "csv"}))
    assert clusters[0][:3] == ["Klynge", "Fase", "Landsbyer"]
    assert {row[0] for row in clusters[1:]} == {"Mols i Udvikling", "Helgenæs"}
    for href in links:
        response = staff_client.get(URL + href.replace("&amp;", "&"))
        assert response.status_code == 200, href
        if "eksport=csv" in href:
            rows = _csv(response)
            assert len(rows) >= 2, href  # headers and at least one row
    funding = _csv(staff_client.get(URL, {"eksport": "csv", "tabel": "puljer"}))
    assert "Landdistriktspuljen" in {row[0] for row in funding}
    assert "Randers' landsbypulje" not in {row[0] for row in funding}

    book = openpyxl.load_workbook(
        io.BytesIO(staff_client.get(URL, {"eksport": "xlsx"}).content)
    )
    assert len(book.sheetnames) == 6
    everything = " ".join(
        str(cell)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for cell in row
        if cell is not None
    )
    assert "Mols i Udvikling" in everything
    assert "Landet mellem fjordene" not in everything
    unknown = staff_client.get(URL, {"eksport": "csv", "tabel": "ingen"})
    assert unknown.status_code == 404
