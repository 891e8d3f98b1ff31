"""The matching engine on its own: Danish skill understanding, scoring and teams."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from matching.engine import (
    RELEVANCE_THRESHOLD,
    Match,
    MatchEngine,
    Task,
    Volunteer,
    normalise,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def engine():
    return MatchEngine()


def ranked_ids(engine, task, volunteers):
    return [m.volunteer_id for m in engine.rank([task], volunteers)[task.id]]


def test_the_engine_is_pure():
    """Imported on its own, the engine pulls in no framework and nothing of ours."""
    code = (
        "import sys, json, matching.engine as e; e.MatchEngine(); "
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
    )
    loaded = set(json.loads(result.stdout))
    tops = {name.split(".")[0] for name in loaded}
    assert not tops & {"django", "wagtail", "rest_framework", "celery"}
    ours = {"cms", "core", "accounts", "home", "clusters", "skills", "volunteers"}
    assert not tops & (ours | {"search"})
    matching = {name for name in loaded if name.startswith("matching")}
    assert matching - {"matching"} <= {
        f"matching.engine{part}"
        for part in (
            "",
            ".assign",
            ".contract",
            ".explain",
            ".index",
            ".scoring",
            ".taxonomy",
            ".text",
            ".vocabulary",
        )
    }


def test_the_contract_needs_only_ids_and_phrases(engine):
    ranked = engine.rank([Task("t1", ["tømrer"])], [Volunteer("v1", ["tømre"])])
    (match,) = ranked["t1"]
    assert isinstance(match, Match)
    assert match.volunteer_id == "v1"
    assert 0 <= match.score <= 100
    assert match.reasons


@pytest.mark.parametrize(
    ("requirement", "offered", "how"),
    [
        ("tømrer", "tømre", "synonym"),
        ("tømrer", "tømrerarbejde", "same skill"),
        ("tømrer", "carpenter", "English word"),
        ("tømrer", "Tømrerne", "same word, other form"),
        ("regnskab", "bogføring og regnskap", "spelling variant"),
        ("sociale medier", "facebok", "spelling variant"),
        ("sociale medier", "SoMe", "synonym"),
        ("tømrer", "snedker", "related skill"),
    ],
)
def test_danish_skill_understanding_with_reasons(engine, requirement, offered, how):
    (match,) = engine.rank([Task("t", [requirement])], [Volunteer("v", [offered])])["t"]
    (reason,) = [r for r in match.reasons if r.kind == "skill"]
    assert reason.requirement == requirement and reason.phrase == offered
    assert reason.how == how, reason


@pytest.mark.parametrize(
    ("requirement", "look_alike", "right"),
    [
        ("bogholder", "bogbinder", "bogføring"),
        ("rydning", "ridning", "rydde krat"),
        ("lærer", "lærling", "underviser"),
    ],
)
def test_look_alikes_are_kept_apart(engine, requirement, look_alike, right):
    volunteers = [Volunteer("look-alike", [look_alike]), Volunteer("right", [right])]
    assert ranked_ids(engine, Task("t", [requirement]), volunteers) == ["right"]


def test_normalisation_reads_aa_as_å_and_drops_punctuation():
    assert normalise("  Tømrer-Arbejde!! ") == "tømrer arbejde"
    assert normalise("Haandvaerker") == normalise("håndvaerker")


def test_every_required_skill_counts_not_just_one(engine):
    task = Task("budget", ["regnskab", "sociale medier"])
    both = Volunteer("both", ["regnskab", "facebook"])
    one = Volunteer("one", ["regnskab"])
    matches = engine.rank([task], [one, both])["budget"]
    assert [m.volunteer_id for m in matches][0] == "both"
    scores = {m.volunteer_id: m for m in matches}
    assert scores["both"].skill_coverage > scores["one"].skill_coverage


def test_place_breaks_ties_same_village_before_cluster_before_municipality(engine):
    task = Task("t", ["tømrer"], village="Knebel", cluster="mols", municipality="syd")
    volunteers = [
        Volunteer("far", ["tømrer"], village="Odder"),
        Volunteer("municipality", ["tømrer"], municipality="syd"),
        Volunteer("cluster", ["tømrer"], cluster="mols"),
        Volunteer("village", ["tømrer"], village="Knebel"),
    ]
    assert ranked_ids(engine, task, volunteers) == [
        "village",
        "cluster",
        "municipality",
        "far",
    ]


def test_availability_and_load_count(engine):
    task = Task("t", ["tømrer"], when={"weekdays"}, hours=4)
    free = Volunteer("free", ["tømrer"], availability={"weekdays"}, hours_per_month=8)
    evenings = Volunteer(
        "evenings", ["tømrer"], availability={"evenings"}, hours_per_month=8
    )
    busy = Volunteer(
        "busy", ["tømrer"], availability={"weekdays"}, hours_per_month=4, load_hours=4
    )
    matches = engine.rank([task], [busy, evenings, free])["t"]
    scores = {m.volunteer_id: m.score for m in matches}
    assert scores["free"] > scores["evenings"]
    assert scores["free"] > scores["busy"]


def test_newcomers_are_brought_to_good_first_tasks(engine):
    first = Task("first", ["havearbejde"], good_first_task=True)
    regular = Volunteer("regular", ["havearbejde"])
    newcomer = Volunteer("newcomer", ["havearbejde"], newcomer=True)
    assert ranked_ids(engine, first, [regular, newcomer])[0] == "newcomer"
    (match,) = engine.rank([first], [newcomer])["first"]
    assert any(r.kind == "newcomer" for r in match.reasons)


def test_nothing_below_the_threshold_and_an_empty_list_is_an_answer(engine):
    ranked = engine.rank([Task("t", ["elektriker"])], [Volunteer("v", ["bagning"])])
    assert ranked == {"t": []}
    for matches in engine.rank(
        [Task("t", ["tømrer"])], [Volunteer("v", ["tømrer"])]
    ).values():
        assert all(m.score >= RELEVANCE_THRESHOLD for m in matches)


def test_dismissed_tasks_are_left_out_both_ways(engine):
    task = Task("t", ["tømrer"])
    volunteer = Volunteer("v", ["tømrer"], excluded_tasks={"t"})
    assert engine.rank([task], [volunteer]) == {"t": []}
    assert engine.rank_tasks(volunteer, [task]) == []


def test_top_k_and_order(engine):
    volunteers = [
        Volunteer(i, ["tømrer"], village="Knebel" if i < 3 else None) for i in range(30)
    ]
    matches = engine.rank(
        [Task("t", ["tømrer"], village="Knebel")], volunteers, top_k=5
    )["t"]
    assert len(matches) == 5
    assert [m.score for m in matches] == sorted(
        (m.score for m in matches), reverse=True
    )
    assert {m.volunteer_id for m in matches[:3]} == {0, 1, 2}


def test_rank_tasks_is_the_reverse_view(engine):
    tasks = [
        Task("planter", ["tømrer"]),
        Task("budget", ["regnskab"]),
        Task("fb", ["SoMe"]),
    ]
    volunteer = Volunteer("v", ["tømre", "facebok"])
    assert {m.task_id for m in engine.rank_tasks(volunteer, tasks)} == {"planter", "fb"}


def test_a_new_task_against_a_built_index_gives_the_full_rankings_answer(engine):
    volunteers = [
        Volunteer("a", ["tømrer"]),
        Volunteer("b", ["regnskab"]),
        Volunteer("c", ["tømrerarbejde", "maling"]),
    ]
    index = engine.index(volunteers)
    task = Task("new", ["tømrer", "maler"])
    assert index.rank([task]) == engine.rank([task], volunteers)


def test_teams_fill_places_optimally_within_capacity(engine):
    # Greedy would give the best resident to the first task and leave the second empty.
    tasks = [
        Task("planter", ["tømrer", "maler"], volunteers_needed=1, hours=4),
        Task("bench", ["tømrer"], volunteers_needed=1, hours=4),
    ]
    volunteers = [
        Volunteer("both", ["tømrer", "maler"], hours_per_month=4),
        Volunteer("carpenter", ["tømrer"], hours_per_month=4),
    ]
    team = engine.assign(tasks, volunteers)
    assert team == {"planter": ["both"], "bench": ["carpenter"]}


def test_nobody_gets_more_than_their_hours_allow(engine):
    tasks = [Task(f"t{i}", ["tømrer"], hours=4) for i in range(3)]
    volunteers = [Volunteer("only", ["tømrer"], hours_per_month=8)]
    team = engine.assign(tasks, volunteers)
    assert sum(len(members) for members in team.values()) == 2


@pytest.mark.parametrize("sampled", [False, True], ids=["whole", "sampled"])
def test_dropping_hopeless_candidates_early_never_changes_a_top_k(
    engine, monkeypatch, sampled
):
    """The prune (and the chunked, threaded join) give exactly the exhaustive answer,
    whether its histogram counts every candidate or a sample (as in a national
    rematch)."""
    import random

    from matching.engine import scoring

    monkeypatch.setattr(scoring, "_SAMPLE_FROM", 0 if sampled else 10**9)
    monkeypatch.setattr(scoring, "_SAMPLE_STRIDE", 3)

    from matching.engine import index as engine_module

    rng = random.Random(7)
    words = [
        "tømrer",
        "tømre",
        "maler",
        "regnskab",
        "bogholder",
        "SoMe",
        "facebok",
        "have",
        "hækklipning",
        "kage",
        "lydanlæg",
        "kørsel",
        "snedker",
        "IT",
    ]
    slots = ["weekdays", "evenings", "weekends", "summer"]
    volunteers = [
        Volunteer(
            i,
            rng.sample(words, rng.randint(1, 4)),
            levels=rng.choices(["teach", "do", "learn"], k=4),
            village=rng.choice(["Knebel", "Rønde", "Ebeltoft", None]),
            cluster=rng.choice(["Mols", "Djursland", None]),
            availability=frozenset(rng.sample(slots, rng.randint(0, 3))),
            hours_per_month=rng.choice([0, 4, 8]),
            load_hours=rng.choice([0, 2, 6]),
            newcomer=rng.random() < 0.2,
        )
        for i in range(600)
    ]
    tasks = [
        Task(
            f"t{i}",
            rng.sample(words, rng.randint(1, 3)),
            village=rng.choice(["Knebel", "Rønde", None]),
            cluster=rng.choice(["Mols", None]),
            when=frozenset(rng.sample(slots, rng.randint(0, 2))),
            hours=rng.choice([2.0, 4.0]),
            good_first_task=rng.random() < 0.3,
        )
        for i in range(40)
    ]
    monkeypatch.setattr(engine_module, "TASK_CHUNK", 7)
    pruned = engine.rank(tasks, volunteers, top_k=5)
    monkeypatch.setattr(engine_module, "_prune", lambda coverage, k, *_: coverage)
    exhaustive = engine.rank(tasks, volunteers, top_k=5)
    assert pruned == exhaustive
    assert sum(len(m) for m in pruned.values()) == 5 * len(tasks)


def test_the_floor_of_the_prune_leaves_room_for_what_the_other_parts_add(
    engine, monkeypatch
):
    """The prune scores the best few by coverage first and drops whoever could not
    reach their k-th best even with the most place, time, load and the newcomer boost
    can add. A learner (less coverage) in the task's village, free at its time, new
    to volunteering on a good first task, beats fifty who can do it but live
    elsewhere and are busy then: a floor bound that forgot any of those parts would
    prune them away."""
    from matching.engine import index as engine_module

    task = Task(
        "t",
        ["tømrer"],
        village="Knebel",
        cluster="Mols",
        municipality="Syddjurs",
        when={"weekdays"},
        hours=2.0,
        good_first_task=True,
    )
    busy = [
        Volunteer(
            f"busy{i}",
            ["tømrer"],
            village=f"Landsby {i}",
            availability={"evenings"},
        )
        for i in range(50)
    ]
    learner = Volunteer(
        "learner",
        ["tømrer"],
        levels=["learn"],
        village="Knebel",
        cluster="Mols",
        municipality="Syddjurs",
        availability={"weekdays"},
        hours_per_month=8,
        newcomer=True,
    )
    volunteers = [*busy, learner]
    pruned = engine.rank([task], volunteers, top_k=10)
    assert pruned["t"][0].volunteer_id == "learner"
    assert pruned["t"][0].skill_coverage < pruned["t"][1].skill_coverage
    monkeypatch.setattr(engine_module, "_prune", lambda coverage, k, *_: coverage)
    assert pruned == engine.rank([task], volunteers, top_k=10)


def test_residents_who_ruled_a_task_out_leave_room_for_the_next(engine):
    # The two who fit best said "not for me"; the next two still fill the top 2
    # (they must not have been dropped early for trailing the two who left).
    both = [
        Volunteer(f"both{i}", ["tømrer", "maler"], excluded_tasks={"t"})
        for i in range(2)
    ]
    half = [Volunteer(f"half{i}", ["tømrer"]) for i in range(2)]
    matches = engine.rank([Task("t", ["tømrer", "maler"])], both + half, top_k=2)
    assert [m.volunteer_id for m in matches["t"]] == ["half0", "half1"]


# Feedback ---------------------------------------------------------------------------


def _carpentry(n, cluster="mols"):
    return Task(id=f"t{n}", skills=["tømrer"], cluster=cluster)


def test_a_no_thanks_lowers_tasks_like_it_everywhere_with_a_reason():
    engine = MatchEngine()
    tasks = [_carpentry(1), _carpentry(2, cluster="fyn"), Task("t3", ["regnskab"])]
    plain = Volunteer("v", ["tømrer", "regnskab"])
    said_no = Volunteer("v", ["tømrer", "regnskab"], declined={("", "tømrerarbejde")})
    before = {m.task_id: m.score for m in engine.rank_tasks(plain, tasks)}
    after = {m.task_id: m for m in engine.rank_tasks(said_no, tasks)}
    assert after["t1"].score < before["t1"] and after["t2"].score < before["t2"]
    assert after["t3"].score == before["t3"]  # not alike
    kinds = {(r.kind, r.how) for r in after["t1"].reasons}
    assert ("feedback", "declined") in kinds


def test_an_editors_unsuitable_holds_in_that_cluster_only():
    engine = MatchEngine()
    tasks = [_carpentry(1, cluster="mols"), _carpentry(2, cluster="fyn")]
    ruled = Volunteer("v", ["tømrer"], declined={("mols", "tømrer")})
    plain = {
        m.task_id: m.score for m in engine.rank_tasks(Volunteer("v", ["tømrer"]), tasks)
    }
    after = {m.task_id: m.score for m in engine.rank_tasks(ruled, tasks)}
    assert after["t1"] < plain["t1"]
    assert after["t2"] == plain["t2"]


def test_skills_a_resident_was_confirmed_for_count_more():
    engine = MatchEngine()
    task = Task("t", ["tømrer", "maler"], cluster="mols")
    plain = Volunteer("v", ["tømrer", "maling"])
    proven = Volunteer("v", ["tømrer", "maling"], proven={"tømrer"})
    (before,) = engine.rank_tasks(plain, [task])
    (after,) = engine.rank_tasks(proven, [task])
    assert after.score > before.score
    assert ("feedback", "proven") in {(r.kind, r.how) for r in after.reasons}


def test_proven_points_go_to_exactly_the_residents_who_earned_them():
    """Many residents, a few proven: each pair gets its own points, nobody else's."""
    engine = MatchEngine()
    tasks = [Task("wood", ["tømrer"]), Task("money", ["regnskab"])]
    volunteers = [
        Volunteer(
            f"v{n}",
            ["tømrer", "regnskab"],
            proven={"tømrer"}
            if n % 7 == 0
            else ({"regnskab"} if n % 5 == 0 else set()),
        )
        for n in range(60)
    ]
    ranked = engine.rank(tasks, volunteers, top_k=60)
    for task_id, skill in (("wood", "tømrer"), ("money", "regnskab")):
        for match in ranked[task_id]:
            volunteer = volunteers[int(match.volunteer_id[1:])]
            said = ("feedback", "proven") in {(r.kind, r.how) for r in match.reasons}
            assert said == (skill in volunteer.proven), match.volunteer_id
        top = {m.volunteer_id for m in ranked[task_id][:3]}
        assert all(skill in volunteers[int(v[1:])].proven for v in top)


def test_feedback_moves_the_residents_side_the_same_way():
    """The national path (rank) and the resident's (rank_tasks) agree."""
    engine = MatchEngine()
    tasks = [_carpentry(1), _carpentry(2)]
    volunteers = [
        Volunteer("a", ["tømrer"], declined={("", "tømrer")}),
        Volunteer("b", ["tømrer"]),
    ]
    ranked = engine.rank(tasks, volunteers)
    assert [m.volunteer_id for m in ranked["t1"]] == ["b", "a"]
    (alone,) = [m for m in engine.rank_tasks(volunteers[0], tasks) if m.task_id == "t1"]
    assert alone.score == next(m.score for m in ranked["t1"] if m.volunteer_id == "a")


# Newcomers --------------------------------------------------------------------------


def test_a_newcomer_with_no_skill_gets_the_good_first_tasks_near_them():
    engine = MatchEngine()
    tasks = [
        Task("near", ["tømrer"], village="knebel", good_first_task=True),
        Task("cluster", ["regnskab"], cluster="mols", good_first_task=True),
        Task("far", ["tømrer"], municipality="randers", good_first_task=True),
        Task("hard", ["tømrer"], village="knebel"),
    ]
    for volunteer in (
        Volunteer("v", [], village="knebel", cluster="mols", newcomer=True),
        Volunteer("v", ["jonglering"], village="knebel", cluster="mols"),
    ):
        matches = engine.rank_tasks(volunteer, tasks)
        assert [m.task_id for m in matches] == ["near", "cluster"]
        assert ("newcomer", "welcome") in {(r.kind, r.how) for r in matches[0].reasons}


def test_skills_come_first_and_welcome_tasks_after_them():
    engine = MatchEngine()
    tasks = [
        Task("first", ["sociale medier"], village="knebel", good_first_task=True),
        Task("skill", ["tømrer"], village="knebel"),
    ]
    volunteer = Volunteer("v", ["tømrer"], village="knebel", newcomer=True)
    assert [m.task_id for m in engine.rank_tasks(volunteer, tasks)] == [
        "skill",
        "first",
    ]
    # Someone who is not new, and whose words the engine reads, gets only their fit.
    settled = Volunteer("v", ["tømrer"], village="knebel")
    assert [m.task_id for m in engine.rank_tasks(settled, tasks)] == ["skill"]


def test_one_phrase_gives_one_reason_the_strongest():
    engine = MatchEngine()
    task = Task("t", ["tømrer", "tømrerarbejde", "snedker"])
    (match,) = engine.rank_tasks(Volunteer("v", ["tømrer"]), [task])
    skill_reasons = [r for r in match.reasons if r.kind == "skill"]
    assert len(skill_reasons) == 1
    assert skill_reasons[0].requirement == "tømrer" and skill_reasons[0].score == 95.0
    # Two phrases, two reasons, strongest first.
    (match,) = engine.rank_tasks(Volunteer("v", ["snedker", "tømrer"]), [task])
    skill_reasons = [r for r in match.reasons if r.kind == "skill"]
    assert {r.phrase for r in skill_reasons} == {"snedker", "tømrer"}
    scores = [r.score for r in skill_reasons]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("snedkersvend", "snedker"),  # + svend (not + s + vend)
        ("tømrerarbejde", "toemrer"),  # a generic head leaves the meaning
        ("regnskabshjælp", "regnskab"),
    ],
)
def test_a_compounds_generic_head_leaves_the_meaning_to_its_modifier(
    engine, phrase, slug
):
    (reading,) = engine.read([phrase])
    assert reading[slug][0] >= 0.85


def test_a_compound_whose_head_is_something_else_is_only_a_hint(engine):
    """ "tømmerflåde" is a raft: its modifier does not make it carpentry."""
    (raft,) = engine.read(["tømmerflåde"])
    (trade,) = engine.read(["tømrerarbejde"])
    assert max((v[0] for v in raft.values()), default=0) < 0.85
    assert trade["toemrer"][0] >= 0.85


@pytest.mark.parametrize(
    ("phrase", "slug"),
    [
        ("fælde syge træer", "motorsav-og-traefaeldning"),
        ("klippe den store hæk", "haekklipning"),
        ("reparere gamle radioer", "reparation-af-elektronik"),
    ],
)
def test_a_two_word_entry_is_found_with_words_between(engine, phrase, slug):
    """Editors write "fælde syge træer", not "fælde træer"."""
    (reading,) = engine.read([phrase])
    assert reading[slug][0] >= 0.85


@pytest.mark.parametrize(
    ("phrase", "slug", "not_also"),
    [
        ("jeg beskærer æbletræerne hvert år", "beskaering", "frugtavl"),
        ("klipper hækkene i sommerferien", "haekklipning", None),
    ],
)
def test_an_entry_of_several_words_is_found_as_people_inflect_it(
    engine, phrase, slug, not_also
):
    """People write "beskærer æbletræerne", the taxonomy "beskære æbletræer": the
    entry is read by its words' stems, and then whole (the fruit trees in it do not
    make a fruit grower of the one who prunes them)."""
    (reading,) = engine.read([phrase])
    assert reading[slug][0] >= 0.85
    assert not_also is None or not_also not in reading


def test_a_two_word_entry_is_not_made_of_words_far_apart_or_swapped(engine):
    far, swapped = engine.read(["fælde de mange gamle syge træer", "træer fælde"])
    assert "motorsav-og-traefaeldning" not in far
    assert "motorsav-og-traefaeldning" not in swapped


def test_a_skill_that_includes_another_counts_for_it_one_way_only():
    """A forestry worker can clear scrub (nearly full marks, and says why); someone
    who clears scrub is no forester."""
    import json

    from matching.engine.taxonomy import TAXONOMY_PATH

    data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))["skills"]
    for item in data:
        item["related"] = []
        item["implies"] = ["rydning-af-krat"] if item["slug"] == "skovbrug" else []
    engine = MatchEngine(data)
    plain = MatchEngine([{**item, "implies": []} for item in data])
    forester = Volunteer("forester", ["skovarbejder"])
    clearer = Volunteer("clearer", ["rydning af krat"])
    scrub = Task("scrub", ["rydning af krat"])
    forest = Task("forest", ["skovbrug"])
    (match,) = engine.rank([scrub], [forester])["scrub"]
    assert match.score > 60
    assert match.reasons[0].how == "included in their work"
    assert match.reasons[0].skill_slug == "rydning-af-krat"
    assert not plain.rank([scrub], [forester])["scrub"]
    assert not engine.rank([forest], [clearer])["forest"]


def test_what_a_phrase_is_for_only_hints_at_a_skill(engine):
    """ "madlavning til 80 gæster til høstfesten" is cooking, not event planning: what
    follows "til", "for", "på", … after a named skill counts only as a hint, so a cook
    fits, and someone who plays at parties does not."""
    cooking, bikes, coach = engine.read(
        [
            "madlavning til 80 gæster til høstfesten",
            "cykelreparation for børn",
            "træner for børnefodbold",
        ]
    )
    assert cooking["madlavning-til-mange"][0] >= 0.85
    assert cooking["arrangementer"][0] < 0.6
    assert bikes["cykelreparation"][0] >= 0.85
    assert bikes["boernepasning"][0] < 0.6
    # "træner" says who, not what: the sport after "for" is the skill.
    assert coach["fodbold"][0] >= 0.85
    # A short word of its own ("DJ") is read inside a longer phrase too, and an entry
    # of several words before "til" is read whole ("face painting", not "painting").
    dj, face = engine.read(["DJ til fester", "face painting til børnefødselsdage"])
    assert dj["dj"][0] >= 0.85 and dj["arrangementer"][0] < 0.6
    assert set(face) == {"boerneaktiviteter"}
    # The first such word after a named skill: "for" follows no skill here.
    (maden,) = engine.read(["står for maden til høstfesten"])
    assert maden["madlavning-til-mange"][0] >= 0.85
    assert maden["arrangementer"][0] < 0.6
    task = Task("høstfest", ["madlavning til 80 gæster til høstfesten"])
    cook, party = Volunteer("cook", ["kok"]), Volunteer("party", ["fester"])
    ranked = engine.rank([task], [party, cook])["høstfest"]
    assert [m.volunteer_id for m in ranked][:1] == ["cook"]
    assert all(m.volunteer_id != "party" or m.score < 50 for m in ranked)
