"""Interview questions as plain text: the question, then the points an answer covers."""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from mlpath.render.cells import CellWrapper
from mlpath.render.cells import wrap as cell_wrap
from mlpath.textsafe import visible

if TYPE_CHECKING:
    from mlpath.models import Question


def render_questions(
    found: list[Question], heading: str, lang: str = "en", width: int | None = None
) -> str:
    width = max(width or shutil.get_terminal_size((80, 24)).columns, 30)
    out = [*cell_wrap(f"{visible(heading)} ({len(found)})", width), ""]
    points = CellWrapper(width=width, initial_indent="   - ", subsequent_indent="     ")
    refs = CellWrapper(width=width, initial_indent="     ", subsequent_indent="       ")
    for number, q in enumerate(found, 1):
        title = f"{number:>2}. {visible(q.question.get(lang))}"
        out += cell_wrap(title, width, subsequent_indent="    ")
        for point in q.answer_points:
            out += points.wrap(visible(point.get(lang)))
        out += refs.wrap(f"milestones: {', '.join(q.milestones)} · roles: {', '.join(q.roles)}")
        out.append("")
    return "\n".join(out)
