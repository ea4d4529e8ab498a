"""Did you mean: the closest known name to a mistyped one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from plantrack.problems import Msg


def closest(name: object, known: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(str(name), list(known), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(name: object, known: Iterable[str]) -> Msg:
    """A suffix for a message: `; did you mean 'x'?`, or nothing."""
    match = closest(name, known)
    if match is None:
        return Msg("", "")
    return Msg(f"; did you mean {match!r}?", f";是否想写 {match!r}?")
