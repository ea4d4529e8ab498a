"""Did you mean: the closest known name to a mistyped one."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from plantrack.i18n import Msg


def closest(name: object, known: Iterable[str]) -> str | None:
    """The best of difflib's close matches, fewest edits first: a swapped pair of
    letters (`dnoe`) is one edit from `done`, two from `note`; `fyp13` is as near
    `fyp14` as `fyp15`: ties are broken below."""
    text = str(name)
    matches = difflib.get_close_matches(text, list(known), n=3, cutoff=0.6)
    if not matches:
        return None
    # Fewest edits, then the closest by difflib's ratio (R99: R9 before R19), then the
    # longest shared start (edo: edu before eco), then by name (fyp13: fyp14 before fyp15).
    return min(
        matches,
        key=lambda m: (
            _edits(text, m),
            -difflib.SequenceMatcher(None, text, m).ratio(),
            -_shared_start(text, m),
            m,
        ),
    )


def _shared_start(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


def _edits(a: str, b: str) -> int:
    """Optimal string alignment distance: insertions, deletions, substitutions, transpositions."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[-1]


def did_you_mean(name: object, known: Iterable[str]) -> Msg:
    """A suffix for a message: `; did you mean 'x'?`, or nothing."""
    match = closest(name, known)
    if match is None:
        return Msg("", "")
    return Msg(f"; did you mean {match!r}?", f"；是否想写 {match!r}？")
