"""The interface's two languages: which one to speak, and one message in both.

Data (plan names, unit names, notes) is never translated; only what plantrack
itself says. Chinese punctuation is full width (COLON, COMMA, …), written as
escapes so no editor or tool on the way can quietly turn it into ASCII.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

LANGS = ("zh", "en")

COLON, COMMA, SEMICOLON, LPAREN, RPAREN = "\uff1a", "\uff0c", "\uff1b", "\uff08", "\uff09"


@dataclass(frozen=True, slots=True)
class Msg:
    """One message in both of the interface's languages."""

    en: str
    zh: str

    def __call__(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


def detect(explicit: str | None = None) -> str:
    """--lang, else PLANTRACK_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else English."""
    if explicit in LANGS:
        return explicit  # type: ignore[return-value]
    env = os.environ.get("PLANTRACK_LANG", "").lower()
    if env[:2] in LANGS:
        return env[:2]
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


# Every text picked without a language (help texts, picked when the commands
# are imported), both ways, so the command line can switch them to `--lang`.
_PAIRS: dict[str, tuple[str, str]] = {}


def t(en: str, zh: str, lang: str | None = None) -> str:
    """Pick one of two texts; without a language, the environment's."""
    if lang is None:
        _PAIRS[en] = _PAIRS[zh] = (en, zh)
        lang = detect()
    return zh if lang == "zh" else en


def pair(text: str) -> tuple[str, str] | None:
    """(en, zh) of a text t() picked without a language, from either of them."""
    return _PAIRS.get(text)
