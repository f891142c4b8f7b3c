"""Interview questions as plain text: the question, then the points an answer covers."""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING

from mlpath.render.text import clean

if TYPE_CHECKING:
    from mlpath.models import Question


def render_questions(found: list[Question], heading: str, width: int | None = None) -> str:
    width = max(width or shutil.get_terminal_size((80, 24)).columns, 30)
    out = [f"{clean(heading)} ({len(found)})", ""]
    points = textwrap.TextWrapper(width=width, initial_indent="   - ", subsequent_indent="     ")
    for number, q in enumerate(found, 1):
        out += textwrap.wrap(
            f"{number:>2}. {clean(q.question.en)}", width, subsequent_indent="    "
        )
        for point in q.answer_points:
            out += points.wrap(clean(point.en))
        out.append(f"     milestones: {', '.join(q.milestones)} · roles: {', '.join(q.roles)}")
        out.append("")
    return "\n".join(out)
