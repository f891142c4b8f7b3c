"""What ``mlpath plan`` takes as known: --known/--partly, --answers, the saved profile, or asks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import complete
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.cli.context import AppContext
    from mlpath.models import Plan, Profile, Role
    from mlpath.skills import SkillProfile
    from mlpath.state import SavedPlan

SKILLS_PANEL = "What you know"

Known = Annotated[
    list[str] | None,
    typer.Option(
        "--known",
        help="Milestone or phase ids you can already do: left out with what they build on"
        " (repeat or comma-separate).",
        rich_help_panel=SKILLS_PANEL,
        show_default=False,
        autocompletion=complete.skips,
    ),
]
Partly = Annotated[
    list[str] | None,
    typer.Option(
        "--partly",
        help="Milestone or phase ids you partly know: kept with half their hours.",
        rich_help_panel=SKILLS_PANEL,
        show_default=False,
        autocompletion=complete.skips,
    ),
]
Answers = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="Placement answers: a YAML or JSON file of milestone id -> yes, partly or no;"
        " on a terminal only what it leaves open is asked.",
        rich_help_panel=SKILLS_PANEL,
        show_default=False,
    ),
]


@dataclass
class Skills:
    """Known and partly known ids for the plan, and where they came from."""

    known: list[str] = field(default_factory=list)
    partly: list[str] = field(default_factory=list)
    assessed: SkillProfile | None = None  # a placement run now, to save with the plan
    asked: bool = False  # questions were asked on the terminal

    @property
    def given(self) -> bool:
        return bool(self.known or self.partly or self.assessed)


def from_flags(catalog: Catalog, known: list[str] | None, partly: list[str] | None) -> Skills:
    from mlpath.cli.parsing import parse_skips

    # Phase ids stay as given: the planner expands them, as it does for --skip.
    return Skills(
        known=parse_skips(catalog, known or [], "--known"),
        partly=parse_skips(catalog, partly or [], "--partly"),
    )


def resolve(
    app: AppContext,
    catalog: Catalog,
    role: Role,
    focus: str | None,
    *,
    flags: Skills,
    answers: Path | None,
    level_given: bool,
    prompting: bool,
) -> Skills:
    """The skills to plan with; asks "questions or a level?" when nothing says."""
    if flags.given:
        if answers is not None:
            raise UsageError("--answers conflicts with --known/--partly; use one of them")
        return flags
    if answers is not None:
        return _place(app, catalog, role, focus, answers, prompting)
    if level_given:
        return Skills()
    from mlpath.progress import load_state

    saved = load_state(app.state_path).skills
    if saved is not None:
        app.terminal.note(
            f"using your saved skill profile ({len(saved.known)} known,"
            f" {len(saved.partly)} partly known; assessed on {saved.on.isoformat()});"
            " --level or --known set another"
        )
        return Skills(known=list(saved.known), partly=list(saved.partly))
    if prompting and _wants_questions():
        return _place(app, catalog, role, focus, None, prompting)
    return Skills()


def _wants_questions() -> bool:
    from mlpath.cli.prompts import ask

    def choice(value: str) -> bool:
        text = value.strip().lower()
        if text in ("q", "questions"):
            return True
        if text in ("l", "level", "beginner", "intermediate", "advanced"):
            return False  # a level named here is asked for (with its default) next
        raise UsageError("type q for questions or l for a level")

    return ask(
        "Answer a few questions so the plan skips what you know, or pick a level?"
        " (q = questions, l = level)",
        "q",
        choice,
    )


def _place(
    app: AppContext,
    catalog: Catalog,
    role: Role,
    focus: str | None,
    answers: Path | None,
    prompting: bool,
) -> Skills:
    from mlpath.cli.asking import ask_all, check_consistent, left_open, read_answers
    from mlpath.placement import Placement, role_graph
    from mlpath.skills import SkillProfile, with_implied

    chosen = focus or role.default_focus
    graph = role_graph(catalog, role.id, chosen)
    given = with_implied(catalog, read_answers(answers, catalog)) if answers else {}
    check_consistent(graph, given, str(answers))
    placement = Placement(graph, given=given)
    asked = placement.next_question() is not None
    if asked:
        if not prompting:
            raise left_open(answers, placement.undecided())
        ask_all(placement, catalog)
    result = placement.result()
    profile = SkillProfile.from_result(result, role.id, chosen, app.today)
    return Skills(list(result.known), list(result.partly), assessed=profile, asked=asked)


def equivalent_command(profile: Profile, catalog: Catalog) -> str:
    """The ``mlpath plan`` line that makes this plan again without a question."""
    from mlpath.skills import shortest_known

    parts = [
        "mlpath plan",
        f"--target {profile.role}",
        f"--level {profile.level.value}",
        f"--hours-per-week {profile.hours_per_week:g}",
        f"--start {profile.start.isoformat()}",
    ]
    known = shortest_known(catalog, profile.known, profile.partly)
    for flag, values in (
        ("--focus", [profile.focus] if profile.focus else []),
        ("--horizon", [profile.horizon.isoformat()] if profile.horizon else []),
        ("--skip", profile.skip),
        ("--known", known),
        ("--partly", profile.partly),
        ("--lang", [profile.lang] if profile.lang else []),
    ):
        if values:
            parts.append(f"{flag} {','.join(values)}")
    if profile.free_only:
        parts.append("--free")
    return " ".join(parts)


def offer_save(
    app: AppContext, plan: Plan, catalog: Catalog, name: str | None, assessed: SkillProfile | None
) -> None:
    """After an interactive plan: the command line that makes it again, and an offer to save."""
    app.terminal.info(f"\nSame plan, no questions: {equivalent_command(plan.profile, catalog)}")
    if typer.confirm(
        "Save this plan (and what you know) so status, done and replan can follow it?",
        default=False,
        err=True,
    ):
        from mlpath.cli.saved import save_plan

        save_plan(app, plan, name, replace=False)
        save_skills(app, assessed)


def save_skills(app: AppContext, profile: SkillProfile | None) -> None:
    """Store ``profile`` (if any) as the learner's skill profile, atomically."""
    if profile is None:
        return
    from mlpath.progress import updating

    with updating(app.state_path) as box:
        box[0] = box[0].model_copy(update={"skills": profile})
    app.terminal.info(f"saved your skill profile in {app.state_path}")


def known_but_open(saved_plan: SavedPlan, skills: SkillProfile | None) -> list[str]:
    """Milestones of a saved plan, neither done nor skipped, that the skill profile knows."""
    if skills is None:
        return []
    known = set(skills.known)
    return [
        item.milestone.id
        for item in saved_plan.plan.items
        if item.milestone.id in known and item.milestone.id not in saved_plan.marks
    ]


def skip_known(app: AppContext, saved: SavedPlan, skills: SkillProfile | None) -> SavedPlan:
    """Mark skipped what the saved skill profile places as known (``replan``'s default)."""
    from mlpath.state import apply_marks

    known = known_but_open(saved, skills)
    if known:
        saved, _ = apply_marks(saved, known, "skipped", app.today)
        app.terminal.info(
            f"skipped, as your skill profile places them as known: {', '.join(known)}"
            " (--ignore-profile keeps them)"
        )
    return saved
