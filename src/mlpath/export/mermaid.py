"""A Mermaid ``gantt`` chart of the plan, for the Markdown export (GitHub renders it).

Mermaid's gantt grammar has no quoting: ``:`` ends a task title, ``;`` ends
a statement, ``#`` starts an entity code and ``%%`` a comment, and a line
that starts with a keyword (``section``, ``title``...) is read as that
keyword. Titles are therefore rewritten into something the grammar cannot
misread, keeping them readable.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from mlpath.textsafe import replace_unsafe

if TYPE_CHECKING:
    from mlpath.view import ItemView, PlanView

# Tokens the gantt lexer tries before a task title, at the start of a line
# (case-insensitively, first match wins); a date also counts.
KEYWORDS = (
    "accdescr",
    "accdescription",
    "acctitle",
    "axisformat",
    "click",
    "dateformat",
    "excludes",
    "gantt",
    "includes",
    "inclusiveenddates",
    "section",
    "tickinterval",
    "title",
    "todaymarker",
    "topaxis",
    "vert",
    "weekday",
    "weekend",
)
_LEADING_TOKEN = re.compile(rf"^(?:(?:{'|'.join(KEYWORDS)})\b|\d{{4}}-\d\d-\d\d)", re.IGNORECASE)
_REPLACEMENTS = {
    ":": "\u2236",  # a ratio sign looks like a colon; "Step 1: x" became "Step 1 - x" before
    ";": ",",
    "#": "♯",  # "C#" still reads as C sharp
    # Any "%" can open a comment ("5% more" is read as "5" plus a comment).
    "%": "\uff05",
    "{": "(",
    "}": ")",
    "<": "\u2039",  # single angle quotes: look alike, never read as HTML
    ">": "\u203a",
    "`": "'",
    '"': "'",
}
_TRANSLATE = str.maketrans(_REPLACEMENTS)


def clean_title(text: str) -> str:
    """A title Mermaid's gantt grammar reads as plain text, on one line."""
    text = replace_unsafe(text, " ")
    text = re.sub(r":\s", " - ", text)  # "Step 1: Python" -> "Step 1 - Python"
    text = text.translate(_TRANSLATE)
    text = re.sub(r"\s+", " ", text).strip(" -")
    if not text:
        return "untitled"
    if _LEADING_TOKEN.match(text):
        text = f"“{text}”"  # quoted, the line no longer starts with the keyword
    return text


def task_id(item: ItemView) -> str:
    return "m_" + item.id.replace("-", "_")


def gantt(view: PlanView) -> str:
    """The chart as a fenced ``mermaid`` block, one section per phase, one bar per milestone.

    Mermaid reads a task's end date as exclusive, so the bar ends the day
    after the milestone's last day of study.
    """
    sections: dict[str, list[ItemView]] = {}
    for item in view.items:
        sections.setdefault(item.phase, []).append(item)
    lines = [
        "```mermaid",
        "gantt",
        f"    title {clean_title('Study plan - ' + view.role_title)}",
        "    dateFormat YYYY-MM-DD",
        "    axisFormat %b %Y",
    ]
    for items in sections.values():
        lines.append(f"    section {clean_title(items[0].phase_title)}")
        for item in items:
            # Mermaid's own states: done bars are drawn finished, core ones critical.
            tags = (["done"] if item.state == "done" else []) + (["crit"] if item.core else [])
            end = item.end + dt.timedelta(days=1)
            meta = ", ".join([*tags, task_id(item), item.start.isoformat(), end.isoformat()])
            lines.append(f"    {clean_title(item.title)} :{meta}")
    lines.append("```")
    return "\n".join(lines) + "\n"
