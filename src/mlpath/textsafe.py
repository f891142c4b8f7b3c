"""Making text from data files and arguments safe for every output. Pure: no I/O.

Data and arguments can hold control characters: terminal escape sequences,
C1 controls (U+009B is a CSI on many terminals), bidi overrides that make text
read backwards, line separators. Each output format treats them its own way,
but always through the one test here, so no format can forget one of them.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urlsplit

# Controls, format characters (bidi, zero-width), surrogates, line/paragraph separators.
# Spaces (Zs) are kept: Japanese text uses the ideographic space U+3000.
_UNSAFE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
REPLACEMENT = "\ufffd"


def is_unsafe(ch: str) -> bool:
    return unicodedata.category(ch) in _UNSAFE_CATEGORIES


def replace_unsafe(text: str, by: str, *, keep: str = "") -> str:
    """Every unsafe character of ``text`` (but those in ``keep``) replaced by ``by``."""
    if text.isprintable():  # the common case: nothing to look at per character
        return text
    return "".join(ch if ch in keep or not is_unsafe(ch) else by for ch in text)


def visible(text: str, *, keep: str = "") -> str:
    """Unsafe characters shown as U+FFFD: for the terminal and plain text."""
    return replace_unsafe(text, REPLACEMENT, keep=keep)


def dropped(text: str, *, keep: str = "") -> str:
    """Unsafe characters removed: for documents (Markdown, HTML, calendars)."""
    return replace_unsafe(text, "", keep=keep)


def escaped(text: str) -> str:
    r"""Unsafe characters spelled as Python escapes (``\x1b``): for error messages."""
    if text.isprintable():
        return text
    return "".join(repr(ch)[1:-1] if is_unsafe(ch) else ch for ch in text)


def one_line(text: str) -> str:
    """Runs of white space and line breaks folded to single spaces."""
    return " ".join(text.split())


# In JSON strings, ``\uXXXX`` means the same character: escaping changes nothing for a
# parser but keeps a terminal that shows the JSON from obeying the characters.
_JSON_UNSAFE = re.compile(
    "[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]"
)


def json_text(encoded: str) -> str:
    """JSON text with the characters ``json.dumps(ensure_ascii=False)`` leaves raw escaped."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)


def web_url(url: object) -> str | None:
    """``url`` as text if it is an http(s) address with a host, else None.

    Only such URLs become links: a ``javascript:`` or ``file:`` URL in a data
    file must never become clickable.
    """
    text = str(url)
    if any(is_unsafe(ch) for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return text
