"""The report's summary in sentences, written from the data ("截至2020年9月15日，全区32项规划中……")."""

from __future__ import annotations

from plantrack.documents import words
from plantrack.documents.data import ReportData
from plantrack.i18n import COMMA, SEMICOLON
from plantrack.state import State

STOP = "。"
ENUM = "、"


def _scope(data: ReportData, lang: str) -> str:
    n = data.summary.plans
    if data.unit is not None:
        name = data.unit_name(data.unit)
        return f"{name}牵头的{n}项规划中{COMMA}" if lang == "zh" else f"of the {n} plans {name} leads"
    return f"全区{n}项规划中{COMMA}" if lang == "zh" else f"of the district's {n} plans"


def overview(data: ReportData) -> str:
    """The first paragraph: the plans, the headline step, what is late, the milestones."""
    s, lang = data.summary, data.lang
    ps, st = s.plan_states, s.steps
    complete = ps[State.DONE] + ps[State.LATE]
    done = st["done"] + st["late"]
    if lang == "zh":
        parts = [f"截至{words.day(s.as_of, lang)}{COMMA}{_scope(data, lang)}"]
        clauses = []
        if s.headline_total:
            clauses.append(f"已完成初稿{s.headline_done}项")
        clauses += [f"全部节点已完成{complete}项", f"逾期{ps[State.OVERDUE]}项", f"临期{ps[State.DUE_SOON]}项"]
        first = parts[0] + COMMA.join(clauses) + STOP
        second = (
            f"各规划共{st['total']}个节点{COMMA}已完成{done}个{_paren_zh(st['late'])}{COMMA}"
            f"逾期未完成{st['overdue']}个{COMMA}临期{st['due-soon']}个"
            + (f"{COMMA}批准延期{st['extended']}个" if st["extended"] else "")
            + STOP
        )
        return first + second
    clauses = []
    if s.headline_total:
        clauses.append(f"{s.headline_done} have a finished first draft")
    clauses += [
        f"{complete} have done every milestone",
        f"{ps[State.OVERDUE]} {_are(ps[State.OVERDUE])} overdue",
        f"{ps[State.DUE_SOON]} {_are(ps[State.DUE_SOON])} due soon",
    ]
    scope = _scope(data, lang)
    first = f"As of {words.day(s.as_of, lang)}, {scope}, " + ", ".join(clauses) + "."
    second = (
        f" Of their {st['total']} milestones, {done} are done ({st['late']} of them late), "
        f"{st['overdue']} overdue and {st['due-soon']} due soon"
        + (f"; {st['extended']} were extended by authorisation." if st["extended"] else ".")
    )
    return first + second


def _are(n: int) -> str:
    return "is" if n == 1 else "are"


def _paren_zh(late: int) -> str:
    return f"\uff08其中延期完成{late}个\uff09" if late else ""


def by_kind(data: ReportData) -> str:
    """One clause per kind: its plans, and how many did the step the scheme wanted done most recently."""
    s, lang = data.summary, data.lang
    clauses = []
    for kind, n in s.by_kind.items():
        stage = s.current(kind)
        name = words.kind(kind, lang)
        if lang == "zh":
            clauses.append(f"{name}{n}项" + (f"{COMMA}{stage.name}{stage.done}项" if stage else ""))
        else:
            clauses.append(f"{name}: {n}" + (f", {stage.done} done '{stage.name}'" if stage else ""))
    if not clauses:
        return ""
    if lang == "zh":
        return "分类型看" + "\uff1a" + SEMICOLON.join(clauses) + STOP
    return "By kind: " + "; ".join(clauses) + "."


def late_units(data: ReportData) -> str:
    """Which units owe overdue milestones, and how many."""
    lang = data.lang
    counts = [(g.name, sum(i.step.state is State.OVERDUE for i in g.items)) for g in data.overdue.groups]
    counts = [(name, n) for name, n in counts if n]
    if not counts:
        return "目前没有逾期未完成的节点。" if lang == "zh" else "No milestone is overdue."
    if lang == "zh":
        listing = ENUM.join(f"{name}{n}个" for name, n in counts)
        return f"逾期节点涉及{len(counts)}个责任单位{COMMA}分别为{listing}{STOP}"
    listing = ", ".join(f"{name} ({n})" for name, n in counts)
    return f"Overdue milestones are owed by {len(counts)} units: {listing}."


def period(data: ReportData) -> str:
    """The period's changes in one sentence (with --since)."""
    c, lang = data.changes, data.lang
    if c is None:
        return ""
    start = words.day(c.since, lang) if c.since else ("建档" if lang == "zh" else "the beginning")
    if lang == "zh":
        return (
            f"{start}至{words.day(c.as_of, lang)}{COMMA}完成节点{len(c.completed)}个{COMMA}"
            f"调整期限{len(c.moved)}个{COMMA}新增规划{len(c.added)}项{COMMA}新增逾期节点{len(c.overdue)}个{STOP}"
        )
    return (
        f"From {start} to {words.day(c.as_of, lang)}: {len(c.completed)} milestones completed, "
        f"{len(c.moved)} deadlines moved, {len(c.added)} plans added, {len(c.overdue)} milestones newly overdue."
    )


def paragraphs(data: ReportData) -> list[str]:
    return [p for p in (overview(data), by_kind(data), late_units(data), period(data)) if p]
