"""``mlpath assess``: a placement that asks what you can already do, and remembers it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from mlpath.cli import options, skill_options
from mlpath.errors import UsageError

if TYPE_CHECKING:
    from mlpath.catalog import Catalog
    from mlpath.cli.context import AppContext
    from mlpath.models import Role
    from mlpath.placement import Result


def assess_command(
    target: options.Target = None,
    focus: options.Focus = None,
    answers: skill_options.Answers = None,
    save: Annotated[
        bool,
        typer.Option(
            "--save", help="Save the result as your skill profile; plan, replan and status use it."
        ),
    ] = False,
    json_output: options.Json = False,
    recheck: Annotated[
        bool,
        typer.Option(
            "--recheck", help="Ask again only about what your saved profile places as known."
        ),
    ] = False,
    data_dir: options.DataDir = None,
    lang: options.Lang = None,
) -> None:
    """Find what you already know on a role's path in a few yes/partly/no questions.

    A "yes" also settles what the milestone builds on and a "no" what builds on
    it, so few questions place you. Keys: y, p, n; ? shows details; b goes back.
    """
    from mlpath.cli import parsing
    from mlpath.cli.asking import ask_all, check_consistent, left_open, read_answers
    from mlpath.cli.context import current
    from mlpath.cli.prompts import ask, interactive
    from mlpath.cli.skill_options import save_skills
    from mlpath.placement import Placement, merge_recheck, role_graph
    from mlpath.progress import load_state
    from mlpath.render.placement import command_line
    from mlpath.skills import SkillProfile, shortest_known, with_implied

    app = current()
    catalog = app.catalog(data_dir)
    saved = load_state(app.state_path).skills if recheck else None
    if recheck and saved is None:
        raise UsageError("no saved skill profile to re-check; run `mlpath assess --save` first")
    role: Role | None = parsing.parse_target(catalog, target) if target is not None else None
    if role is None and saved is not None:
        role = catalog.role(saved.role)
    if role is None:
        if not interactive():
            raise UsageError(f"missing --target; choices: {', '.join(catalog.roles)}")
        role = ask(
            f"Target role ({', '.join(catalog.roles)})",
            "mle",
            lambda v: parsing.parse_target(catalog, v),
        )
    chosen_focus = parsing.parse_focus(focus) or (saved.focus if saved else None)
    chosen_focus = chosen_focus or role.default_focus
    graph = role_graph(catalog, role.id, chosen_focus)
    given = with_implied(catalog, read_answers(answers, catalog)) if answers else {}
    check_consistent(graph, given, str(answers))

    before: Result | None = None
    if saved is not None:
        before = Placement(graph, given=saved.answers()).result()
        placement = Placement(graph.restricted(before.known), given=given)
    else:
        placement = Placement(graph, given=given)
    if placement.next_question() is not None:
        if not interactive():
            raise left_open(answers, placement.undecided())
        ask_all(placement, catalog)
    result = placement.result()
    if before is not None:
        result = merge_recheck(graph, before, result)
    _report(app, result, catalog, role, chosen_focus, json_output)
    profile = SkillProfile.from_result(result, role.id, chosen_focus, app.today)
    if save or (interactive() and not json_output and _offer_save()):
        save_skills(app, profile)
    elif interactive():
        known = shortest_known(catalog, result.known, result.partly)
        line = command_line(role.id, chosen_focus, known, list(result.partly))
        app.terminal.info(f"Not saved. The same plan without questions: {line}")


def _report(
    app: AppContext,
    result: Result,
    catalog: Catalog,
    role: Role,
    focus: str | None,
    json_output: bool,
) -> None:
    if json_output:
        from mlpath.export.json import encode
        from mlpath.render.placement import result_data

        app.terminal.result(encode(result_data(result, role.id, focus)))
        return
    from mlpath.render.placement import print_result

    print_result(result, catalog, role.title.get(app.lang), focus, app.lang)


def _offer_save() -> bool:
    return typer.confirm(
        "Save this as your skill profile, so plan, replan and status use it?",
        default=True,
        err=True,
    )
