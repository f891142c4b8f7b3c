"""Prerequisite graphs: finding a cycle, ordering milestones. Pure: no I/O."""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence

from mlpath.errors import DataError


def topological_order(ids: Sequence[str], prerequisites: dict[str, list[str]]) -> list[str]:
    """Order ``ids`` so prerequisites come first, otherwise keeping the given order.

    Prerequisites outside ``ids`` count as already met. Kahn's algorithm with a
    heap keyed on the original position: O(n log n + edges).
    """
    position = {mid: i for i, mid in enumerate(ids)}
    waiting = dict.fromkeys(ids, 0)
    dependents: dict[str, list[str]] = {mid: [] for mid in ids}
    for mid in ids:
        for pre in prerequisites.get(mid, ()):
            if pre in position:
                waiting[mid] += 1
                dependents[pre].append(mid)
    ready = [position[mid] for mid in ids if waiting[mid] == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        mid = ids[heapq.heappop(ready)]
        order.append(mid)
        for dep in dependents[mid]:
            waiting[dep] -= 1
            if waiting[dep] == 0:
                heapq.heappush(ready, position[dep])
    if len(order) != len(ids):
        raise DataError("prerequisite cycle among: " + ", ".join(sorted(set(ids) - set(order))))
    return order


def find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A prerequisite cycle as a list of ids (first id repeated at the end), or None."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(graph, white)
    for root in graph:
        if colour[root] != white:
            continue
        path: list[str] = []
        stack: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
        colour[root] = grey
        path.append(root)
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                colour[node] = black
                path.pop()
                stack.pop()
            elif child in colour and colour[child] == grey:
                return [*path[path.index(child) :], child]
            elif child in colour and colour[child] == white:
                colour[child] = grey
                path.append(child)
                stack.append((child, iter(graph[child])))
    return None
