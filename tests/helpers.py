"""Small helpers shared by the tests."""

from __future__ import annotations

import datetime as dt

from mlpath.models import Level, Profile

START = dt.date(2027, 1, 4)


def profile(role: str = "mle", level: str = "beginner", **kw: object) -> Profile:
    """A profile with the tests' fixed start date unless another is given."""
    values: dict[str, object] = {"start": START, "hours_per_week": 10.0, **kw}
    return Profile(role=role, level=Level(level), **values)  # type: ignore[arg-type]
