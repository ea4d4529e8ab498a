"""The words of the views, in both languages: headers and phrases (vocab.py has kinds, states, types).

Data (plan names, unit names, notes) is never translated; only what plantrack
itself says is here. Each entry is an (en, zh) pair.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from plantrack.i18n import COLON, COMMA, LPAREN, RPAREN, Msg
from plantrack.state import State
from plantrack.vocab import UNIT_TYPES, kind, state, tier, unit_type  # noqa: F401  the views' words of the domain

if TYPE_CHECKING:
    from plantrack.models import Unit
    from plantrack.tracking import Step

WORDS: dict[str, tuple[str, str]] = {
    "id": ("id", "编号"),
    "plan": ("plan", "规划"),
    "kind": ("kind", "类型"),
    "owner": ("owner", "牵头单位"),
    "unit": ("unit", "单位"),
    "progress": ("progress", "进度"),
    "next": ("next", "下一节点"),
    "days_left": ("days", "天数"),
    "milestone": ("milestone", "节点"),
    "due": ("due", "期限"),
    "basis": ("basis", "依据"),
    "done_on": ("done", "完成日期"),
    "days": ("days", "天数"),
    "state": ("state", "状态"),
    "days_late": ("days late", "逾期天数"),
    "by": ("by", "审批单位"),
    "to": ("to", "报送单位"),
    "by_to": ("by → to", "审批 → 报送"),
    "note": ("note", "备注"),
    "responsible": ("responsible", "责任单位"),
    "plans": ("plans", "规划数"),
    "steps_done": ("done", "已完成"),
    "total": ("total", "节点总数"),
    "pending": ("to do", "待办"),
    "soon": ("soon", "临期"),
    "next_due": ("next due", "下一期限"),
    "own_due": ("own", "自定"),
    "scheme_due": ("scheme", "方案"),
    "type": ("type", "类型"),
    "host": ("sits at", "设在"),
    "as_of": ("as of", "基准日期"),
    "phase": ("phase", "阶段"),
    "name": ("name", "名称"),
    "start": ("start", "开始"),
    "end": ("end", "结束"),
    "at": ("date", "日期"),
    "none": ("nothing overdue or due soon", "没有逾期或临期的节点"),
    "no_plans": ("owns no plans", "未牵头编制规划"),
    "its_plans": ("Plans", "牵头规划"),
    "its_pending": ("Milestones still to do", "待完成节点"),
    "no_rows": ("no plans match", "没有符合条件的规划"),
    "problems": ("problems", "问题"),
    "line": ("line", "行"),
    "message": ("message", "说明"),
}


def word(key: str, lang: str) -> str:
    return Msg(*WORDS[key])(lang)


def pair(p: tuple[str, str], lang: str) -> str:
    return Msg(*p)(lang)


SEP = Msg(": ", COLON)  # between a label and its value
LIST = Msg(", ", "、")  # between the items of a list
NOT_RECORDED = Msg(" (not recorded)", f"{LPAREN}未指明{RPAREN}")
DAYS = Msg(" d", " 天")
# The state of a plan that did not load (a bad date, an unknown key): shown, never dropped.
INVALID = Msg("invalid", "数据有误")
INVALID_STATE = "invalid"  # its value in JSON and the style a table gives it


def problems_text(codes: list[str], line: int | None, lang: str) -> str:
    """`PT103 (line 154)` / `PT103（第154行）`: a plan's problem codes and where the first is."""
    text = " ".join(codes)
    if line is None:
        return text
    return Msg(f"{text} (line {line})", f"{text}{LPAREN}第{line}行{RPAREN}")(lang)


EXTENDED = Msg("extended", "批准延期")


def step_state(step: Step, lang: str) -> str:
    """A step's state in words; an authorised extension still to be met says so, with its date.

    The state itself stays (an extension that has run out is overdue again), and
    a step done is done, whether or not it was extended.
    """
    label = state(step.state, lang)
    ext = step.extended
    if ext is None or step.state in (State.DONE, State.LATE):
        return label
    until = ext.until.isoformat()
    granted = Msg(f"extended to {until}", f"批准延期至 {until}")(lang)
    return granted if step.state in (State.OPEN, State.DUE_SOON) else f"{label} · {granted}"


def unit_name(key: str, units: Mapping[str, Unit], lang: str) -> str:
    """A unit id as its name; a unit type (the data names no one unit) as the type's label."""
    if key in units:
        return units[key].name
    return unit_type(key, lang) if key in UNIT_TYPES else key


def days_left(n: int | None, lang: str) -> str:
    """A signed day count in words: days left, due today, or days late."""
    if n is None:
        return ""
    if n < 0:
        return Msg(f"{-n}d late", f"逾期{-n}天")(lang)
    if n == 0:
        return Msg("due today", "今天到期")(lang)
    return Msg(f"{n}d left", f"剩{n}天")(lang)


def footer(
    counts: dict[State, int], as_of: str, window: int, lang: str, what: tuple[str, str], invalid: int = 0
) -> str:
    """`plans: 6 overdue · 1 due soon · … (as of 2020-09-15, window 14 d)`: `what` names what is counted.

    Plans that did not load lead the count when there are any (`数据有误 1 · 逾期 6 …`).
    """
    zh = " · ".join(f"{state(s, 'zh')} {n}" for s, n in counts.items())
    en = " · ".join(f"{n} {state(s, 'en')}" for s, n in counts.items())
    if invalid:
        zh, en = f"{INVALID.zh} {invalid} · {zh}", f"{invalid} {INVALID.en} · {en}"
    return Msg(
        f"{what[0]}: {en} (as of {as_of}, window {window} d)",
        f"{what[1]}{COLON}{zh}{LPAREN}基准日期 {as_of}{COMMA}临期预警 {window} 天{RPAREN}",
    )(lang)
