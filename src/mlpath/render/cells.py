"""Wrapping plain text by terminal cells: Japanese breaks between characters, ids stay whole.

``textwrap`` counts characters and breaks only at spaces, so a Japanese line
(two cells a character, no spaces) runs past the margin. Here a wide
character counts two cells and a line may break before or after one; runs of
narrow characters (words, ids, URLs) break only at spaces, and a run longer
than the line stands alone rather than being cut.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata

# A token: a run of narrow non-space characters, one wide character, or spaces.
_TOKEN = re.compile(r"\s+|[^\s]")
# Closing punctuation that must not start a line (kinsoku): it stays with what precedes it.
_NO_START = set("、。，．・：；？！」』）】〉》”’ー々ゝゞ…")  # noqa: RUF001


# Wide and full-width characters (CJK, kana, hangul, full-width forms), the ones that
# need the slow path; text without any wraps like textwrap does, only faster.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60"
    "\uffe0-\uffe6\U00020000-\U0003fffd]"
)


def cell_width(text: str) -> int:
    if not _WIDE.search(text):
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _tokens(text: str) -> list[str]:
    out: list[str] = []
    for ch in _TOKEN.findall(text):
        wide = not ch.isspace() and unicodedata.east_asian_width(ch) in "WF"
        if ch.isspace() or wide or ch in _NO_START:
            if ch in _NO_START and out and not out[-1].isspace():
                out[-1] += ch  # never start a line with closing punctuation
            else:
                out.append(ch)
        elif out and not out[-1].isspace() and cell_width(out[-1][-1]) == 1:
            out[-1] += ch  # extend a narrow run
        else:
            out.append(ch)
    return out


def wrap(
    text: str,
    width: int,
    initial_indent: str = "",
    subsequent_indent: str = "",
    **_: object,  # textwrap's break_* options: ids and URLs are never broken here anyway
) -> list[str]:
    """Lines of at most ``width`` cells (a single over-long id or URL excepted)."""
    if not _WIDE.search(text):
        return textwrap.wrap(
            text,
            width,
            initial_indent=initial_indent,
            subsequent_indent=subsequent_indent,
            break_long_words=False,
            break_on_hyphens=False,
        ) or [initial_indent.rstrip()]
    lines: list[str] = []
    lead = text[: len(text) - len(text.lstrip(" "))]  # alignment the caller put first
    initial_indent += lead
    line, used = initial_indent, cell_width(initial_indent)
    indent = initial_indent
    for token in _tokens(" ".join(text.split())):
        size = cell_width(token)
        if token.isspace():
            if used + size <= width and line.strip():
                line, used = line + token, used + size
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            indent = subsequent_indent
            line, used = indent, cell_width(indent)
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines or [initial_indent.rstrip()]


class CellWrapper:
    """The part of ``textwrap.TextWrapper`` mlpath uses, measuring in cells."""

    def __init__(
        self, width: int, initial_indent: str = "", subsequent_indent: str = "", **_: object
    ) -> None:
        self.width = width
        self.initial_indent = initial_indent
        self.subsequent_indent = subsequent_indent

    def wrap(self, text: str) -> list[str]:
        return wrap(text, self.width, self.initial_indent, self.subsequent_indent)
