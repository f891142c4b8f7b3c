"""The typer floor: the smallest typer app with one command that prints a word.

mlpath's start-up is measured against this: whatever it costs is typer's, not ours.
"""

import typer

app = typer.Typer()


@app.command()
def hello() -> None:
    """Print a word."""
    print("hello")


if __name__ == "__main__":
    app()
