"""The command-line interface: a thin typer layer over catalog, planner and renderers.

Command modules import only typer and the standard library at the top; the
heavy pieces are imported inside the commands that use them, so ``--help``
and ``--version`` stay fast. Commands are registered by name in ``COMMANDS``
and their modules imported only when they run (pip's and hatch's lazy command
registries): typer's conversion of a command into a click command costs a few
milliseconds each, so building all of them would slow down every run.
"""

from __future__ import annotations

import importlib
import inspect
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer

from mlpath import __version__
from mlpath.cli import options
from mlpath.cli.compat import (
    TyperGroup,
    build_command,
    click,
    is_click_exception,
    readable_help,
    short_help,
)
from mlpath.errors import MlpathError

if TYPE_CHECKING:
    from mlpath.cli.terminal import Terminal

ISSUES_URL = "https://github.com/mlpath/mlpath/issues"
DEBUG_ENV = "MLPATH_DEBUG"
# No option value or argument needs more (a path is at most 4,096 bytes); longer ones
# are refused before any parsing, whose cost could grow with them.
MAX_ARG_CHARS = 4096

# Command name -> "module:function". Add new commands here; the order is the help's.
COMMANDS: dict[str, str] = {
    "plan": "mlpath.cli.plan:plan_command",
    "assess": "mlpath.cli.assess:assess_command",
    "resources": "mlpath.cli.resources:resources_command",
    "questions": "mlpath.cli.questions:questions_command",
    "roles": "mlpath.cli.info:roles_command",
    "phases": "mlpath.cli.info:phases_command",
    "milestones": "mlpath.cli.milestones:milestones_command",
    "status": "mlpath.cli.status:status_command",
    "done": "mlpath.cli.marks:done_command",
    "undo": "mlpath.cli.marks:undo_command",
    "skip": "mlpath.cli.marks:skip_command",
    "replan": "mlpath.cli.replan:replan_command",
    "show": "mlpath.cli.status:show_command",
    "plans": "mlpath.cli.status:plans_command",
    "schema": "mlpath.cli.schema:schema_command",
    "validate": "mlpath.cli.data:validate_command",
    "init-data": "mlpath.cli.data:init_data_command",
    "data": "mlpath.cli.entries:data_command",
}


# What help shows for an option's value, by parameter name: a word a person reads.
METAVARS: dict[str, str] = {
    "target": "ROLE",
    "level": "LEVEL",
    "hours_per_week": "HOURS",
    "start": "DATE",
    "on": "DATE",
    "as_of": "DATE",
    "horizon": "HORIZON",
    "focus": "FOCUS",
    "skip": "ID",
    "known": "ID",
    "partly": "ID",
    "answers": "FILE",
    "lang": "LANG",
    "output": "FILE",
    "fmt": "FORMAT",
    "sessions": "SESSIONS",
    "tz": "ZONE",
    "name": "NAME",
    "use": "NAME",
    "data_dir": "DIR",
    "phase": "PHASE",
    "kind": "KIND",
    "search": "WORDS",
    "target_role": "ROLE",
    "milestone": "ID",
}
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def command_function(name: str) -> Callable[..., Any]:
    module, _, attr = COMMANDS[name].partition(":")
    function: Callable[..., Any] = getattr(importlib.import_module(module), attr)
    return function


def _terminal() -> Terminal:
    from mlpath.cli.terminal import Terminal

    return Terminal()


class MlpathGroup(TyperGroup):
    """Loads commands on demand; turns the project's errors into one-line messages and exit codes.

    Living in the group (not in ``main``) means CliRunner tests see exactly
    what a user sees.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return [*COMMANDS, *(name for name in super().list_commands(ctx) if name not in COMMANDS)]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in COMMANDS:
            command = build_command(
                cmd_name,
                command_function(cmd_name),
                short=app.pretty_exceptions_short,
                rich_markup_mode=app.rich_markup_mode,
            )
            readable_help(command, METAVARS)
            self.add_command(command, cmd_name)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from the functions' docstrings, without building every command."""
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            if name in COMMANDS and name not in self.commands:
                doc = inspect.getdoc(command_function(name)) or ""
                rows.append((name, short_help(doc, limit)))
            elif (command := self.get_command(ctx, name)) is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def resolve_command(
        self, ctx: click.Context, args: list[str]
    ) -> tuple[str | None, click.Command | None, list[str]]:
        """An unknown command name gets the closest one suggested, as pip does."""
        name = args[0] if args else ""
        if args and self.get_command(ctx, name) is None and not name.startswith("-"):
            from mlpath.errors import did_you_mean

            hint = did_you_mean(name, self.list_commands(ctx))
            message = f"no such command {name!r}"
            message += f"; did you mean {hint!r}?" if hint else "; see 'mlpath --help'"
            raise click.exceptions.UsageError(message, ctx)
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MlpathError as exc:
            for problem in getattr(exc, "problems", None) or [str(exc)]:
                _terminal().error(problem)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if is_click_exception(exc):
                raise
            if ctx.meta.get("mlpath.debug") or os.environ.get(DEBUG_ENV):
                traceback.print_exc(file=sys.stderr)
            else:
                terminal = _terminal()
                terminal.error(f"unexpected {type(exc).__name__}: {exc}")
                terminal.info(
                    f"This is a bug in mlpath {__version__}; please report it at {ISSUES_URL}"
                    " (run again with --debug to see the traceback)."
                )
            raise typer.Exit(1) from None

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        """Option-parsing errors as one ``error:`` line too, instead of a boxed panel."""
        too_long = next(
            (a for a in (sys.argv[1:] if args is None else args) if len(a) > MAX_ARG_CHARS), None
        )
        if too_long is not None:
            _terminal().error(
                f"an argument is too long ({len(too_long):,} characters; the limit is"
                f" {MAX_ARG_CHARS:,}): {too_long[:30]}..."
            )
            sys.exit(2)
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        try:
            result = super().main(*call, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            # Bare `mlpath`: the help is what was asked for, on stdout, exit 0.
            sys.stdout.write(exc.format_message().rstrip("\n") + "\n")
            sys.exit(0)
        except click.exceptions.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            usage = isinstance(exc, click.exceptions.UsageError) and ctx is not None
            known = isinstance(exc, click.exceptions.UsageError) and "no such command" in str(exc)
            hint = f" (see '{ctx.command_path} --help')" if usage and ctx and not known else ""
            _terminal().error(exc.format_message() + hint)
            sys.exit(exc.exit_code)
        except (typer.Abort, KeyboardInterrupt):
            # Ctrl-C (click turns it into Abort): the shell's convention, no message.
            sys.stderr.write("\n")
            sys.exit(EXIT_INTERRUPTED)
        # Without standalone mode click returns the exit code of a typer.Exit.
        sys.exit(result if isinstance(result, int) else 0)


app = typer.Typer(
    cls=MlpathGroup,
    name="mlpath",
    help="Plan your way to data scientist, ML engineer or AI researcher.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help: typer's rich help imports rich's tables and markdown (~40 ms).
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mlpath {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of unexpected errors.")
    ] = False,
    lang: options.Lang = None,
) -> None:
    """Plan your way to data scientist, ML engineer or AI researcher.

    mlpath knows your level, your hours per week and today's date, and turns a
    role's roadmap into a dated study plan with the best resources for each step.
    """
    ctx.meta["mlpath.debug"] = debug


def main() -> None:
    # mlpath validates only its own data: no pydantic plugins, and so no scan of every
    # installed package's metadata for them at start-up (5 ms here, more in big venvs).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    app(prog_name="mlpath")
