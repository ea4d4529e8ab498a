"""Which language to speak: --lang, else PLANTRACK_LANG, else the locale."""

from __future__ import annotations

import os

LANGS = ("zh", "en")


def detect(explicit: str | None = None) -> str:
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


def t(en: str, zh: str, lang: str | None = None) -> str:
    """Pick one of two texts; without a language, the environment's."""
    return zh if (lang or detect()) == "zh" else en
