"""`plantrack changes` as a Report: a summary a leader can be handed, Markdown to paste, csv and JSON.

The table and markdown are laid out here: the period, the totals, then one
section per unit (by name), its plans by name and what changed in each. csv
is one row per change; json keeps its lists (and adds totals and names).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from plantrack.history.changes import Changes, Item
from plantrack.i18n import LPAREN, RPAREN, Msg, t
from plantrack.models import Unit
from plantrack.report import labels as L
from plantrack.report.formats import Report, head, md, write_csv
from plantrack.report.grid import Cell, Column, Grid
from plantrack.report.layout import plain, terminal_width, wrap
from plantrack.report.safe import clean
from plantrack.vocab import PLAN_KINDS

# (key, what the change is called, in en and zh): the order a unit's changes are listed in.
KINDS = (
    ("completed", "done", "完成"),
    ("overdue", "newly late", "新增逾期"),
    ("extended", "extension granted", "批准延期"),
    ("moved", "deadline moved", "调整期限"),
    ("added", "plan added", "新增规划"),
    ("notes", "note", "备注"),
    ("logged", "supervision log", "督办记录"),
)
HEADERS = (("plan", "规划"), ("change", "变化"), ("milestone", "节点"), ("details", "内容"), ("recorded", "记录"))


# What the columns may do at a narrow width (HEADERS' order): names and details wrap, dates never.
SPECS: tuple[dict[str, Any], ...] = (
    {"wrap": True, "min_width": 8, "key": True},
    {},
    {"wrap": True, "min_width": 6, "key": True},
    {"wrap": True, "min_width": 10},  # a date is 10 wide: it never folds
    {"wrap": True, "min_width": 10},
)


def _recorded(item: Item, lang: str) -> str:
    if item.by is None:
        return t("(not committed)", "（未提交）", lang) if item.days is None else ""
    c = item.by.commit
    return f"{c.day} {c.author} {c.short}"


def _detail(key: str, item: Item, lang: str) -> str:
    if key == "moved":
        return f"{item.old} → {item.new}"
    if key == "overdue":  # due 2020-05-31 (107d late) / 2020-05-31（逾期107天）
        late = L.days_left(-(item.days or 0), lang)
        return f"{item.new}{LPAREN}{late}{RPAREN}" if lang == "zh" else f"{item.new} ({late})"
    if key == "extended":
        return f"{t('until', '延至', lang)} {item.new}"
    if key == "added":
        return L.kind(item.new, lang) if item.new in PLAN_KINDS else item.new or ""
    if key == "logged":
        return f"{item.old} {item.new}"
    return item.new or ""


def _period(changes: Changes, lang: str) -> str:
    return t(
        f"Changes after {changes.since} up to {changes.as_of}",
        f"规划编制进展{LPAREN}{changes.since} 之后至 {changes.as_of}{RPAREN}",
        lang,
    )


def totals(changes: Changes) -> dict[str, int]:
    return {
        "plans": changes.plans,
        "completed": len(changes.completed),
        "newly_overdue": len(changes.overdue),
        "extensions": len(changes.extended),
        "deadlines_moved": len(changes.moved),
        "plans_added": len(changes.added),
    }


def _totals(changes: Changes, lang: str) -> str:
    n = totals(changes)
    return Msg(
        f"Plans: {n['plans']} · done this period: {n['completed']} · newly late: {n['newly_overdue']}"
        f" · extensions granted: {n['extensions']} · deadlines moved: {n['deadlines_moved']}"
        f" · plans added: {n['plans_added']}",
        f"规划 {n['plans']} 项 · 本期完成节点 {n['completed']} 个 · 新增逾期 {n['newly_overdue']} 个"
        f" · 批准延期 {n['extensions']} 个 · 调整期限 {n['deadlines_moved']} 个 · 新增规划 {n['plans_added']} 项",
    )(lang)


def _unit_name(units: Mapping[str, Unit], uid: str | None, lang: str) -> str:
    if uid is None:
        return t("(no owner)", "（未填牵头单位）", lang)
    unit = units.get(uid)
    return unit.name if unit else uid


def _by_unit(changes: Changes, units: Mapping[str, Unit]) -> list[tuple[str | None, list[tuple[str, Item]]]]:
    """Every change, grouped by the plan's owner in the order of `units:`, then plan, then kind of change."""
    order = {uid: i for i, uid in enumerate(units)}
    kinds = {k: i for i, (k, _, _) in enumerate(KINDS)}
    found: dict[str | None, list[tuple[str, Item]]] = {}
    for key, _, _ in KINDS:
        for item in getattr(changes, key):
            found.setdefault(item.owner, []).append((key, item))
    for items in found.values():
        items.sort(key=lambda ki: (ki[1].plan, kinds[ki[0]]))
    return sorted(found.items(), key=lambda kv: (order.get(kv[0] or "", len(order)), kv[0] or ""))


def grids(changes: Changes, lang: str, units: Mapping[str, Unit]) -> list[Grid]:
    """One grid per unit, titled with its name; the first carries the period and the totals."""
    words = {k: t(en, zh, lang) for k, en, zh in KINDS}
    cols = tuple(Column(t(en, zh, lang), **spec) for (en, zh), spec in zip(HEADERS, SPECS, strict=True))
    preamble = (_period(changes, lang), _totals(changes, lang))
    out: list[Grid] = []
    for uid, items in _by_unit(changes, units):
        rows = tuple(
            (
                Cell(item.plan_name or item.plan),
                Cell(words[key]),
                Cell(item.name if item.milestone else ""),
                Cell(_detail(key, item, lang)),
                Cell(_recorded(item, lang) if key != "overdue" else ""),
            )
            for key, item in items
        )
        out.append(Grid(cols, rows, title=_unit_name(units, uid, lang), preamble=() if out else preamble))
    if not out:
        out.append(Grid(cols, (), preamble=preamble, empty=t("No changes in the period.", "本期无变化。", lang)))
    return out


def text(changes: Changes, lang: str, units: Mapping[str, Unit], out: TextIO, width: int | None = None) -> None:
    total = terminal_width(width)
    lines = [ln for head in (_period(changes, lang), _totals(changes, lang)) for ln in wrap(clean(head), total)]
    for g in grids(changes, lang, units):
        if not g.rows:
            lines += ["", g.empty]
            continue
        lines += ["", clean(g.title)]
        lines += [("  " + ln).rstrip() for ln in plain(g, total - 2)]
    out.write("\n".join(lines) + "\n")


def markdown(changes: Changes, lang: str, units: Mapping[str, Unit], out: TextIO) -> None:
    lines = [f"## {md(_period(changes, lang))}", "", md(_totals(changes, lang))]
    for g in grids(changes, lang, units):
        if not g.rows:
            lines += ["", g.empty]
            continue
        lines += ["", f"### {md(g.title)}", ""]
        lines.append("| " + " | ".join(md(c.header) for c in g.columns) + " |")
        lines.append("|" + " --- |" * len(g.columns))
        lines += ["| " + " | ".join(md(c.text) for c in row) + " |" for row in g.rows]
    out.write("\n".join(lines) + "\n")


def _recorded_json(item: Item) -> dict[str, str] | None:
    if item.by is None:
        return None
    c = item.by.commit
    return {"date": c.day.isoformat(), "author": c.author, "commit": c.short}


def changes_doc(changes: Changes, units: Mapping[str, Unit] | None = None) -> dict[str, Any]:
    names = units or {}

    def base(i: Item) -> dict[str, Any]:
        return {
            "plan": i.plan,
            "milestone": i.milestone,
            "name": i.name,
            "owner": i.owner,
            "plan_name": i.plan_name,
            "owner_name": names[i.owner].name if i.owner is not None and i.owner in names else None,
        }

    return {
        **head(changes.as_of),
        "since": changes.since.isoformat() if changes.since else None,
        "completed": [base(i) | {"done": i.new, "recorded": _recorded_json(i)} for i in changes.completed],
        "deadlines_moved": [
            base(i) | {"from": i.old, "to": i.new, "recorded": _recorded_json(i)} for i in changes.moved
        ],
        "plans_added": [
            {"plan": i.plan, "name": i.name, "owner": i.owner, "kind": i.new, "recorded": _recorded_json(i)}
            for i in changes.added
        ],
        "newly_overdue": [base(i) | {"due": i.new, "days_overdue": i.days} for i in changes.overdue],
        "totals": totals(changes),
        "extensions": [base(i) | {"until": i.new, "was": i.old} for i in changes.extended],
        "notes": [base(i) | {"note": i.new, "recorded": _recorded_json(i)} for i in changes.notes],
        "log": [base(i) | {"date": i.old, "text": i.new} for i in changes.logged],
    }


def csv_grid(changes: Changes, lang: str, units: Mapping[str, Unit]) -> Grid:
    """Every change on one row, with the unit's name first (csv has no sections)."""
    gs = grids(changes, lang, units)
    unit = Column(t("unit", "单位", lang))
    rows = tuple((Cell(g.title), *row) for g in gs for row in g.rows)
    return Grid((unit, *gs[0].columns), rows)


def report(changes: Changes, lang: str, units: Mapping[str, Unit] | None = None) -> Report:
    """`units` names the owners (the file as it is now)."""
    names: Mapping[str, Unit] = units or {}
    return Report(
        lambda: grids(changes, lang, names),
        lambda: changes_doc(changes, names),
        changes,
        {
            "table": lambda _r, out, w: text(changes, lang, names, out, w),
            "markdown": lambda _r, out, _w: markdown(changes, lang, names, out),
            "csv": lambda _r, out, _w: write_csv([csv_grid(changes, lang, names)], out),
        },
    )
