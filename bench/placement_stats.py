"""How many questions ``mlpath assess`` asks on the shipped data, per role.

Random truthful learners answer every question honestly (yes or no); each is
drawn one of two ways:

- *any order*: the first k milestones (k uniform) of a random order that
  respects the prerequisites: a learner who studied anything in any order;
- *roadmap order*: the first k milestones of the role's roadmap, plus, with
  probability 0.1 each, later milestones whose prerequisites they know: a
  learner who followed a path like mlpath's with a few detours.

The lower bound is the smallest number of answers that pins a learner down
whatever the order of questions (a "yes" for each most advanced milestone known,
a "no" for each first milestone not known), averaged over the same learners.
Prints JSON: {role: {"milestones", "any_order", "roadmap_order", "lower_bound"}}.

Usage: python bench/placement_stats.py [--learners N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics

from mlpath.catalog import load_catalog
from mlpath.placement import Graph, place, role_graph

DETOUR = 0.1


def any_order_learner(graph: Graph, rng: random.Random) -> set[str]:
    known: set[str] = set()
    order: list[str] = []
    remaining = list(graph.ids)
    while remaining:
        mid = rng.choice([m for m in remaining if graph.ancestors[m] <= known])
        known.add(mid)
        order.append(mid)
        remaining.remove(mid)
    return set(order[: rng.randint(0, len(order))])


def roadmap_learner(graph: Graph, rng: random.Random) -> set[str]:
    cut = rng.randint(0, len(graph.ids))
    known: set[str] = set()
    for index, mid in enumerate(graph.ids):
        if graph.ancestors[mid] <= known and (index < cut or rng.random() < DETOUR):
            known.add(mid)
    return known


def lower_bound(graph: Graph, known: set[str]) -> int:
    unknown = set(graph.ids) - known
    tops = [m for m in known if not graph.descendants[m] & known]
    bottoms = [m for m in unknown if not graph.ancestors[m] & unknown]
    return len(tops) + len(bottoms)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=500, help="learners per role and kind")
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args(argv)
    catalog = load_catalog()
    out: dict[str, dict[str, float]] = {}
    for role in catalog.roles:
        graph = role_graph(catalog, role)
        rng = random.Random(f"{args.seed}-{role}")
        counts: dict[str, list[int]] = {"any_order": [], "roadmap_order": [], "lower_bound": []}
        for _ in range(args.learners):
            for kind, draw in (
                ("any_order", any_order_learner),
                ("roadmap_order", roadmap_learner),
            ):
                known = draw(graph, rng)
                result = place(graph, known)
                assert set(result.known) == known  # truthful answers find the learner exactly
                counts[kind].append(result.questions)
                if kind == "any_order":
                    counts["lower_bound"].append(lower_bound(graph, known))
        out[role] = {"milestones": len(graph.ids)} | {
            kind: round(statistics.mean(values), 2) for kind, values in counts.items()
        }
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
