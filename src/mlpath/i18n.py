"""The language mlpath speaks, and its message catalogs (gettext, managed with Babel).

The language comes from ``--lang``, else ``MLPATH_LANG``, else the locale
(``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, in that order), else
English. Messages are English msgids marked with :func:`_` (translated where
they are used) or :func:`N_` (marked only, for module-level constants that are
translated later); the compiled catalog ``locale/ja/LC_MESSAGES/mlpath.mo`` is
read on first use, so an English run never opens it. Ids, enum values and JSON
keys never translate.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "mlpath"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "ja")
LANG_ENV = "MLPATH_LANG"
_LOCALE_ENVS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_state: dict[str, object] = {"lang": None, "catalog": None}


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


def set_language(lang: str) -> None:
    if _state["lang"] != lang:
        _state["lang"] = lang
        _state["catalog"] = None


def language() -> str:
    lang = _state["lang"]
    if not isinstance(lang, str):
        lang = pick_language()
        _state["lang"] = lang
    return lang


def _catalog() -> _gettext.NullTranslations:
    catalog = _state["catalog"]
    if not isinstance(catalog, _gettext.NullTranslations):
        lang = language()
        catalog = (
            _gettext.NullTranslations()
            if lang == "en"
            else _gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang], fallback=True)
        )
        _state["catalog"] = catalog
    return catalog


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it with :func:`_` where it is used."""
    return message
