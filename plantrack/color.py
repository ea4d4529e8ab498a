"""Colour only for a terminal, and never when NO_COLOR is set (no-color.org)."""

from __future__ import annotations

import os
from typing import TextIO

_CODES = {"red": "31", "yellow": "33", "green": "32", "bold": "1", "dim": "2"}


def enabled(stream: TextIO) -> bool:
    if "NO_COLOR" in os.environ:
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def paint(text: str, style: str, on: bool) -> str:
    return f"\x1b[{_CODES[style]}m{text}\x1b[0m" if on else text
