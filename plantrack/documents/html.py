"""The dashboard: one self-contained HTML file (no network, no fonts or scripts fetched).

jinja2 with autoescape: a note that holds `<script>` is shown as text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from plantrack.documents import gantt, prose, words
from plantrack.documents.data import ReportData, log_entries

TEMPLATES = Path(__file__).with_name("templates")


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(data: ReportData) -> str:
    lang = data.lang
    env = environment()
    env.globals.update(
        w=lambda key: words.w(key, lang),
        state=lambda key: words.state(key, lang),
        kind=lambda k: words.kind(k, lang),
        tier=lambda t: words.tier(t, lang),
        day=lambda d: words.day(d, lang),
        log=log_entries,
    )
    return env.get_template("dashboard.html.j2").render(context(data))


def context(data: ReportData) -> dict[str, Any]:
    lang = data.lang
    title = f"{data.district or ''}{words.w('title', lang)}" if lang == "zh" else words.w("title", lang)
    return {
        "lang": "zh-CN" if lang == "zh" else "en",
        "title": title,
        "d": data,
        "s": data.summary,
        "prose": prose.paragraphs(data),
        "skipped": words.skipped(data.skipped, lang),
        "colours": words.COLOURS,
        "state_keys": words.STATE_KEYS,
        "step_keys": ("done", "late", "overdue", "due-soon", "open", "extended"),
        "charts": gantt.charts(data),
        "change_kinds": [(k, words.pair(v, lang)) for k, v in words.CHANGE_KINDS.items()],
    }
