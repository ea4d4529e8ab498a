"""Plain aligned columns that stay aligned with Chinese text.

A rich table costs about 0.6 ms a row (PERFORMANCE.md); history can run to
thousands of rows, so these reports pad by display width themselves: CJK
characters take two columns in a terminal.
"""

from __future__ import annotations

import unicodedata


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    """One line of at most `limit` columns, with … where it was cut."""
    text = " ".join(text.split())
    if width(text) <= limit:
        return text
    out, used = [], 0
    for c in text:
        used += width(c)
        if used > limit - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Lines of left-aligned columns, two spaces apart; the last column is not padded."""
    widths = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (widths[i] - width(c)) for i, c in enumerate(cells[:-1])]
        return "  ".join([*padded, cells[-1]]).rstrip()

    return [line(header), *(line(r) for r in rows)]
