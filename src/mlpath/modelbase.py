"""The base of every data model: frozen, no unknown fields, cheap to unpickle; ids and texts.

Re-exported by :mod:`mlpath.models`, which holds the data and plan models.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, model_validator

# Ids are lowercase slugs so they are safe in URLs, file names, Markdown
# anchors and Mermaid ids, and easy to type on a command line.
Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$", min_length=1, max_length=64),
]


class Model(BaseModel):
    # Validators are built on first validation: a run served from the catalogue cache
    # validates nothing, so it never pays for building them. No string may be longer
    # than 5,000 characters (the longest shipped has ~350): a huge word takes seconds to wrap.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, str_max_length=5_000)

    def __reduce__(self) -> tuple[Any, ...]:
        # The catalogue cache unpickles ~1,000 models for the shipped data and
        # ~100,000 at 100x; pydantic's generic state dict and per-object set cost
        # a third of that. Models are frozen, so one fields-set per class is shared.
        cls = type(self)
        fields_set = _FIELDS_SET.get(cls)
        if fields_set is None:
            fields_set = _FIELDS_SET[cls] = set(cls.model_fields)
        return (_restore, (cls, self.__dict__, fields_set))


_FIELDS_SET: dict[type[Model], set[str]] = {}


_set = object.__setattr__  # bound once: _restore runs for every model in the cache


def _restore(cls: type[Model], values: dict[str, Any], fields_set: set[str]) -> Model:
    """Rebuild a pickled model without validation: it was valid when it was pickled."""
    obj = cls.__new__(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", fields_set)
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


class Text(Model):
    """A piece of prose: English is required, a Japanese variant is optional.

    In YAML a plain string is accepted as shorthand for ``{en: ...}``.
    """

    en: Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
    ja: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_plain_string(cls, value: Any) -> Any:
        if isinstance(value, str):
            return {"en": value}
        return value

    def __str__(self) -> str:
        return self.en

    def get(self, lang: str | None = None) -> str:
        if lang == "ja" and self.ja:
            return self.ja
        return self.en


def share_texts(root: object) -> None:
    """Make equal ``Text`` values one shared object throughout ``root``, in place.

    Texts are frozen, so sharing them is safe, and a pickle then stores and
    restores each distinct text once: the 100x benchmark catalogue holds
    141,000 texts but only 2,600 distinct ones. The catalogue cache calls this
    before it pickles.
    """
    canon: dict[tuple[str, str | None], Text] = {}
    seen: set[int] = set()

    def fix(value: Any) -> Any:
        if isinstance(value, Text):
            return canon.setdefault((value.en, value.ja), value)
        if isinstance(value, list):
            value[:] = [fix(v) for v in value]
        elif isinstance(value, dict):
            for key, item in value.items():
                value[key] = fix(item)
        elif hasattr(value, "__dict__") and not isinstance(value, type) and id(value) not in seen:
            seen.add(id(value))
            fields = value.__dict__  # a frozen model's own dict: no __setattr__ involved
            for key, item in fields.items():
                fields[key] = fix(item)
        return value

    fix(root)
