"""Which language mlpath speaks.

The language comes from ``--lang``, else ``MLPATH_LANG``, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in that order), else
English. It chooses the language of data texts (``Text.get``) and the
preferred language of resources; ids, enum values and JSON keys never change.
"""

from __future__ import annotations

import os

LANGUAGES = ("en", "ja")
LANG_ENV = "MLPATH_LANG"
_LOCALE_ENVS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def pick_language(explicit: str | None = None) -> str:
    """The first of ``explicit``, ``$MLPATH_LANG`` and the locale that mlpath speaks."""
    for value in (explicit, os.environ.get(LANG_ENV)):
        if value:
            code = _code(value)
            if code:
                return code
    for name in _LOCALE_ENVS:
        value = os.environ.get(name, "")
        if not value:
            continue
        # LANGUAGE may list several ("ja:en"); the first that mlpath speaks wins.
        for part in value.split(":"):
            code = _code(part)
            if code:
                return code
        if name != "LANGUAGE":
            break  # LC_ALL beats LC_MESSAGES beats LANG: the first one set decides
    return "en"


def _code(value: str) -> str | None:
    code = value.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return code if code in LANGUAGES else None
