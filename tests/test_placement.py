"""The adaptive placement (mlpath.placement) and the skill profile (mlpath.skills)."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mlpath.catalog import Catalog
from mlpath.models import FOCUSES, Level
from mlpath.placement import (
    Conflict,
    Graph,
    Placement,
    conflicts,
    merge_recheck,
    partly_hours,
    place,
    role_graph,
)
from mlpath.skills import SkillProfile, expand

ROLES = ("ds", "mle", "researcher")


def closed_sets(graph: Graph) -> st.SearchStrategy[frozenset[str]]:
    """Any set of the graph's milestones closed under prerequisites."""

    def close(chosen: set[str]) -> frozenset[str]:
        return frozenset(chosen | {pre for mid in chosen for pre in graph.ancestors[mid]})

    return st.sets(st.sampled_from(graph.ids)).map(close)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("focus", [None, *FOCUSES])
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_truthful_answers_find_exactly_the_known_set_and_ask_nothing_implied(
    catalog: Catalog, role: str, focus: str | None, data: st.DataObject
) -> None:
    graph = role_graph(catalog, role, focus)
    known = data.draw(closed_sets(graph))
    placement = Placement(graph)
    answered: dict[str, bool] = {}
    while (mid := placement.next_question()) is not None:
        # Not implied by an earlier answer: no "yes" below it, no "no" above it.
        assert not any(yes and mid in graph.ancestors[other] for other, yes in answered.items())
        assert not any(not yes and other in graph.ancestors[mid] for other, yes in answered.items())
        answered[mid] = mid in known
        placement.answer(mid, "yes" if mid in known else "no")
    result = placement.result()
    assert set(result.known) == known
    assert set(result.to_learn) == set(graph.ids) - known
    assert result.partly == ()
    assert result.questions == len(answered) <= len(graph.ids)


def test_the_path_leaves_out_other_specialisations(catalog: Catalog) -> None:
    ids = role_graph(catalog, "researcher", "cv").ids
    assert "cv-detection-segmentation" in ids and "nlp-transformers" not in ids
    default = role_graph(catalog, "researcher").ids  # the role's default focus: nlp
    assert "nlp-transformers" in default and "cv-advanced" not in default


def test_yes_settles_prerequisites_and_no_settles_dependents(catalog: Catalog) -> None:
    graph = role_graph(catalog, "mle")
    placement = Placement(graph)
    placement.answer("pytorch-cnns", "yes")
    assert placement.status("python-basics") == "known"
    assert placement.status("neural-nets-from-scratch") == "known"
    placement.answer("transfer-learning", "no")
    assert placement.status("nlp-transformers") == "to_learn"
    assert placement.next_question() not in {"python-basics", "nlp-transformers"}


def test_partly_keeps_it_and_reduces_its_hours(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    placement = Placement(graph)
    placement.answer("ml-fundamentals", "partly")
    assert placement.status("ml-fundamentals") == "partly"
    assert placement.status("numpy-pandas-matplotlib") == "known"
    assert placement.status("classical-ml-in-depth") == "to_learn"
    assert partly_hours(40) == 20 and partly_hours(25) == 13 and partly_hours(1) == 1


def test_back_forgets_exactly_the_last_answer(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    placement = Placement(graph)
    assert placement.back() is None
    first = placement.next_question()
    assert first is not None
    placement.answer(first, "no")
    second = placement.next_question()
    assert second is not None and second != first
    placement.answer(second, "yes")
    assert placement.back() == second
    assert placement.next_question() == second
    assert placement.status(first) == "to_learn"
    assert placement.back() == first
    assert placement.undecided() == list(graph.ids)


def test_given_answers_are_never_asked(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    placement = Placement(graph, given={"sql-basics": "yes", "eda-visualisation": "no"})
    asked = []
    while (mid := placement.next_question()) is not None:
        asked.append(mid)
        placement.answer(mid, "no")
    assert "sql-basics" not in asked and "eda-visualisation" not in asked
    assert "storytelling-and-dashboards" not in asked  # follows from the "no" given
    assert placement.result().known == ("sql-basics",)
    assert placement.result().questions == len(asked)


def test_contradicting_answers_are_named(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    answers = {"ml-fundamentals": "yes", "python-basics": "no", "sql-basics": "yes"}
    assert conflicts(graph, answers) == [Conflict("ml-fundamentals", "python-basics")]  # type: ignore[arg-type]


def test_a_level_per_phase(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    known = {"python-basics", "numpy-pandas-matplotlib", "sql-basics"}
    levels = {p.phase: p for p in place(graph, known).phases}
    assert levels["python-foundations"].level is Level.beginner
    assert (levels["python-foundations"].known, levels["python-foundations"].total) == (2, 2)
    assert levels["data-analysis"].level is None  # eda-visualisation is not known
    assert levels["data-analysis"].known == 1


def test_recheck_undoes_a_lucky_yes(catalog: Catalog) -> None:
    graph = role_graph(catalog, "ds")
    before = dataclasses.replace(
        place(graph, {"python-basics", "numpy-pandas-matplotlib", "ml-fundamentals"}),
        partly=("first-three-projects",),
    )
    again = place(graph.restricted(before.known), {"python-basics", "numpy-pandas-matplotlib"})
    assert set(graph.restricted(before.known).ids) == set(before.known)
    merged = merge_recheck(graph, before, again)
    assert set(merged.known) == {"python-basics", "numpy-pandas-matplotlib"}
    assert merged.partly == ()  # it builds on ml-fundamentals, now to learn
    assert "ml-fundamentals" in merged.to_learn


def test_expand_counts_prerequisites_of_known_and_partly_as_known(catalog: Catalog) -> None:
    known, partly = expand(catalog, ["sql-basics"], ["pytorch-cnns", "python-foundations"])
    assert {"sql-basics", "python-basics", "neural-nets-from-scratch"} <= known
    assert "numpy-pandas-matplotlib" in known  # named partly via its phase, but a prerequisite
    assert partly == {"pytorch-cnns"}


def test_profile_round_trips_as_answers(catalog: Catalog) -> None:
    import datetime as dt

    graph = role_graph(catalog, "ds")
    result = place(graph, {"python-basics"})
    profile = SkillProfile.from_result(result, "ds", None, dt.date(2027, 1, 4))
    again = Placement(graph, given=profile.answers()).result()
    assert (again.known, again.to_learn) == (result.known, result.to_learn)


def test_a_long_chain_is_placed_by_bisection_without_recursion() -> None:
    ids = [f"m{i}" for i in range(3000)]
    graph = Graph.build(
        ids,
        {mid: [ids[i - 1]] if i else [] for i, mid in enumerate(ids)},
        dict.fromkeys(ids, "p"),
        dict.fromkeys(ids, Level.beginner),
    )
    assert graph.ancestors["m2999"] == frozenset(ids[:2999])
    result = place(graph, set(ids[:1234]))
    assert len(result.known) == 1234
    assert result.questions <= 13  # log2(3001) rounded up: a chain is bisected
