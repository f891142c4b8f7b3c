"""Placement answers: read from a file, or asked one question at a time on a terminal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.models import Milestone, Quiz
    from mlpath.placement import Answer, Graph, Placement

# What a learner may type (or write in a file) for each answer.
WORDS: dict[str, Answer] = {
    "y": "yes",
    "yes": "yes",
    "p": "partly",
    "partly": "partly",
    "n": "no",
    "no": "no",
}
Say = Callable[[str], None]
PROMPT = "Yes, partly or no? [y/p/n, ? details, b back]"


def read_answers(path: Path, catalog: Catalog) -> dict[str, Answer]:
    """A YAML or JSON mapping of milestone (or phase) id -> yes, partly or no."""
    from mlpath.cli.parsing import normalize, unknown_id
    from mlpath.skills import milestone_ids
    from mlpath.yamlfile import read_yaml

    if not path.is_file():
        raise UsageError(f"{path}: answers file not found")
    data: Any = _read_json(path) if path.suffix.lower() == ".json" else read_yaml(path).data
    if not isinstance(data, dict):
        raise UsageError(
            f"{path}: expected a mapping of milestone id to yes, partly or no"
            " (e.g. 'python-basics: yes')"
        )
    answers: dict[str, Answer] = {}
    for key, value in data.items():
        mid = normalize(str(key))
        if mid not in catalog.milestones and mid not in catalog.phases:
            raise unknown_id(catalog, str(key), f"{path}: ")
        # YAML 1.1 reads a bare yes/no as a boolean.
        word = {True: "yes", False: "no"}.get(value) if isinstance(value, bool) else None
        answer = WORDS.get(word or normalize(str(value)))
        if answer is None:
            raise UsageError(f"{path}: {key}: {value!r} is not an answer; use yes, partly or no")
        for one in milestone_ids(catalog, [mid]):
            answers[one] = answer
    return answers


def _read_json(path: Path) -> Any:
    # JSON needs no YAML parser (and no 12 ms to import one).
    import json

    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"{path}: not a readable JSON file ({exc})") from None


def left_open(path: Path | None, ids: list[str]) -> UsageError:
    """The error for answers that leave questions open off a terminal."""
    if path is None:
        return UsageError("assess asks its questions on a terminal; off one, give --answers FILE")
    shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
    return UsageError(f"{path} leaves open: {shown}; answer them in the file or run on a terminal")


def check_consistent(graph: Graph, answers: dict[str, Answer], where: str) -> None:
    from mlpath.placement import conflicts

    found = conflicts(graph, answers)
    if found:
        pairs = "; ".join(
            f"{c.known!r} ({answers[c.known]}) builds on {c.missing!r} ({answers[c.missing]})"
            for c in found[:5]
        )
        raise UsageError(
            f"{where}: answers contradict each other: {pairs}; a milestone you know needs"
            " what it builds on"
        )


def ask_all(placement: Placement, catalog: Catalog) -> None:
    """Ask until nothing is open; Ctrl-C keeps nothing and exits 130."""
    from mlpath.cli import EXIT_INTERRUPTED
    from mlpath.cli.context import current

    app = current()
    say = app.terminal.info
    try:
        _loop(placement, catalog, say, app.lang)
        say("")
    except (KeyboardInterrupt, typer.Abort, EOFError):
        say("\nInterrupted: nothing was saved.")
        raise typer.Exit(EXIT_INTERRUPTED) from None


def _loop(placement: Placement, catalog: Catalog, say: Say, lang: str) -> None:
    total = len(placement.graph.ids)
    shown: str | None = None
    while (mid := placement.next_question()) is not None:
        milestone = catalog.milestones[mid]
        if shown != mid:
            settled = total - len(placement.undecided())
            _show(say, lang, milestone, len(placement.history) + 1, settled, total)
            shown = mid
        reply = typer.prompt(PROMPT, err=True, default="", show_default=False).strip().lower()
        if reply in ("?", "h", "help"):
            _details(say, lang, milestone)
        elif reply in ("b", "back"):
            previous = placement.back()
            if previous is None:
                say("  This is the first question; there is nothing to go back to.")
            else:
                say(f"  Back to [{previous}].")
        elif reply in WORDS:
            answer = WORDS[reply]
            if (
                answer == "yes"
                and milestone.quiz is not None
                and not _quiz(say, lang, milestone.quiz)
            ):
                answer = "partly"
            placement.answer(mid, answer)
        else:
            say("  Please answer y, p or n (? shows details, b goes back).")


def _show(say: Say, lang: str, milestone: Milestone, number: int, settled: int, total: int) -> None:
    title = milestone.title.get(lang)
    say(f"\nQuestion {number} ({settled} of {total} settled) [{milestone.id}] {title}")
    if milestone.checks:
        for check in milestone.checks:
            say(f"  - {check.get(lang)}")
    else:  # custom data may have no checks: ask by the outcome
        say(f"  Can you already do this? {milestone.outcome.get(lang)}")


def _details(say: Say, lang: str, milestone: Milestone) -> None:
    say(f"  Outcome: {milestone.outcome.get(lang)}")
    say("  Topics:")
    for topic in milestone.topics:
        say(f"    - {topic.get(lang)}")
    say(f"  Deliverable: {milestone.deliverable.get(lang)}")


DONT_KNOW = frozenset({"n", "no", "?", "idk", "don't know", "i don't know", "dont know"})


def _quiz(say: Say, lang: str, quiz: Quiz) -> bool:
    """A quick self-test after a "yes"; a wrong or "don't know" answer makes it "partly"."""
    choices = [c.get(lang) for c in quiz.choices] + ["I don't know"]
    say(f"  Quick check: {quiz.question.get(lang)}")
    for number, choice in enumerate(choices, 1):
        say(f"    {number}) {choice}")
    last = len(choices)
    while True:
        reply = typer.prompt(f"  Your answer [1-{last}, n: I don't know]", err=True).strip()
        if reply.lower().replace("\u2019", "'") in DONT_KNOW:
            reply = str(last)
        if reply.isdigit() and 1 <= int(reply) <= last:
            break
        say(f"  Please type a number from 1 to {last}, or n if you don't know.")
    if int(reply) - 1 == quiz.answer:
        say("  Right.")
        return True
    say(f"  The answer is {quiz.answer + 1}) {choices[quiz.answer]}; counted as partly known.")
    return False
