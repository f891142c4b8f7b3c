"""The command-line interface: a thin typer layer over catalog, planner and renderers.

Command modules import only typer and the standard library at the top; the
heavy pieces are imported inside the commands that use them, so ``--help``
and ``--version`` stay fast.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer import _click as click  # typer vendors click; this is its Context
from typer.core import TyperGroup

from mlpath import __version__
from mlpath.cli import data, info, plan, progress, resources, schema
from mlpath.errors import MlpathError

ISSUES_URL = "https://github.com/mlpath/mlpath/issues"
DEBUG_ENV = "MLPATH_DEBUG"


class MlpathGroup(TyperGroup):
    """Turns the project's errors into one-line messages and exit codes.

    Living in the group (not in ``main``) means CliRunner tests see exactly
    what a user sees.
    """

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except MlpathError as exc:
            for problem in getattr(exc, "problems", None) or [str(exc)]:
                # Messages can quote data or arguments: never let control codes through.
                typer.echo(f"error: {data.printable(problem)}", err=True)
            raise typer.Exit(exc.exit_code) from None
        except (typer.Exit, typer.Abort, KeyboardInterrupt, BrokenPipeError):
            raise
        except Exception as exc:
            if _click_exception(exc):
                raise
            if ctx.meta.get("mlpath.debug") or os.environ.get(DEBUG_ENV):
                traceback.print_exc(file=sys.stderr)
            else:
                typer.echo(
                    f"error: unexpected {type(exc).__name__}: {exc}\n"
                    f"This is a bug in mlpath {__version__}; please report it at {ISSUES_URL}"
                    " (run again with --debug to see the traceback).",
                    err=True,
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
        call = (args, prog_name, complete_var, False, windows_expand_args)
        if not standalone_mode:
            return super().main(*call, **extra)
        try:
            result = super().main(*call, **extra)
        except click.exceptions.NoArgsIsHelpError as exc:
            sys.exit(exc.exit_code)  # the help has already been printed
        except click.exceptions.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            message = data.printable(exc.format_message())
            usage = isinstance(exc, click.exceptions.UsageError) and ctx is not None
            hint = f" (see '{ctx.command_path} --help')" if usage and ctx else ""
            typer.echo(f"error: {message}{hint}", err=True)
            sys.exit(exc.exit_code)
        except typer.Abort:
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        # Without standalone mode click returns the exit code of a typer.Exit.
        sys.exit(result if isinstance(result, int) else 0)


def _click_exception(exc: Exception) -> bool:
    # Usage errors from option parsing must keep their exit code 2 and formatting.
    return type(exc).__module__.startswith(("typer._click", "click"))


app = typer.Typer(
    cls=MlpathGroup,
    name="mlpath",
    help="Plan your way to data scientist, ML engineer or AI researcher.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
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
) -> None:
    """Plan your way to data scientist, ML engineer or AI researcher.

    mlpath knows your level, your hours per week and today's date, and turns a
    role's roadmap into a dated study plan with the best resources for each step.
    """
    ctx.meta["mlpath.debug"] = debug


app.command("plan")(plan.plan_command)
app.command("resources")(resources.resources_command)
app.command("roles")(info.roles_command)
app.command("phases")(info.phases_command)
app.command("status")(progress.status_command)
app.command("done")(progress.done_command)
app.command("undo")(progress.undo_command)
app.command("skip")(progress.skip_command)
app.command("replan")(progress.replan_command)
app.command("show")(progress.show_command)
app.command("plans")(progress.plans_command)
app.command("schema")(schema.schema_command)
app.command("validate")(data.validate_command)
app.command("init-data")(data.init_data_command)


def main() -> None:
    app(prog_name="mlpath")
