"""The words of the views, in both languages: states, kinds, unit types, headers.

Data (plan names, unit names, notes) is never translated; only what plantrack
itself says is here. Each entry is an (en, zh) pair.
"""

from __future__ import annotations

from plantrack.state import State

# Chinese punctuation is full width; written as escapes so no editor or tool
# on the way can quietly turn it into ASCII.
COLON, COMMA, LPAREN, RPAREN = "\uff1a", "\uff0c", "\uff08", "\uff09"

STATES: dict[State, tuple[str, str]] = {
    State.OVERDUE: ("overdue", "逾期"),
    State.DUE_SOON: ("due soon", "临期"),
    State.OPEN: ("open", "未到期"),
    State.LATE: ("done late", "延期完成"),
    State.DONE: ("done", "按期完成"),
}

KINDS: dict[str, tuple[str, str]] = {
    "master": ("master", "总体规划"),
    "special": ("special", "专项规划"),
    "regional": ("regional", "区域规划"),
    "township": ("township", "乡镇规划"),
    "township-special": ("township special", "乡镇专项规划"),
    "research": ("research", "研究课题"),
    "evaluation": ("evaluation", "终期评估"),
}
# The same, short, for a table's narrow kind column.
KINDS_SHORT: dict[str, tuple[str, str]] = {
    "master": ("master", "总体"),
    "special": ("special", "专项"),
    "regional": ("regional", "区域"),
    "township": ("township", "乡镇"),
    "township-special": ("twp special", "乡镇专项"),
    "research": ("research", "课题"),
    "evaluation": ("eval", "评估"),
}

TIERS: dict[str, tuple[str, str]] = {"key": ("key", "重点"), "general": ("general", "一般")}

UNIT_TYPES: dict[str, tuple[str, str]] = {
    "drc": ("DRC", "发展改革委"),
    "government": ("government", "政府"),
    "party-committee": ("party committee", "党委"),
    "congress": ("congress standing committee", "人大常委会"),
    "city-drc": ("city DRC", "市发展改革委"),
    "department": ("department", "部门"),
    "township": ("township", "乡镇"),
    "subdistrict": ("subdistrict", "街道"),
    "township-congress": ("township congress", "乡镇人大"),
    "park": ("park", "园区"),
    "leading-group": ("leading group", "领导小组"),
    "office": ("office", "办公室"),
    "institution": ("institution", "研究机构"),
}

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
    "by": ("by → to", "审批 → 报送"),
    "to": ("to", "报送"),
    "note": ("note", "备注"),
    "plans": ("plans", "规划数"),
    "steps_done": ("done", "已完成"),
    "pending": ("to do", "待办"),
    "soon": ("soon", "临期"),
    "next_due": ("next due", "下一期限"),
    "own_due": ("own", "自定"),
    "scheme_due": ("scheme", "方案"),
    "type": ("type", "类型"),
    "host": ("sits at", "设在"),
    "as_of": ("as of", "基准日期"),
    "none": ("nothing overdue or due soon", "没有逾期或临期的节点"),
    "no_plans": ("owns no plans", "未牵头编制规划"),
    "its_plans": ("Plans", "牵头规划"),
    "its_pending": ("Milestones still to do", "待完成节点"),
    "no_rows": ("no plans match", "没有符合条件的规划"),
}


def word(key: str, lang: str) -> str:
    en, zh = WORDS[key]
    return zh if lang == "zh" else en


def pair(p: tuple[str, str], lang: str) -> str:
    return p[1] if lang == "zh" else p[0]


def state(s: State, lang: str) -> str:
    return pair(STATES[s], lang)


def kind(k: str, lang: str, *, short: bool = False) -> str:
    return pair((KINDS_SHORT if short else KINDS).get(k, (k, k)), lang)


def unit_type(t: str, lang: str) -> str:
    return pair(UNIT_TYPES.get(t, (t, t)), lang)


def days_left(n: int | None, lang: str) -> str:
    """A signed day count in words: days left, due today, or days late."""
    if n is None:
        return ""
    if n < 0:
        return f"逾期{-n}天" if lang == "zh" else f"{-n}d late"
    if n == 0:
        return "今天到期" if lang == "zh" else "due today"
    return f"剩{n}天" if lang == "zh" else f"{n}d left"


def footer(counts: dict[State, int], as_of: str, window: int, lang: str, what: tuple[str, str]) -> str:
    """`plans: 6 overdue · 1 due soon · … (as of 2020-09-15, window 14 d)`: `what` names what is counted."""
    sep = " · "
    if lang == "zh":
        parts = sep.join(f"{state(s, lang)} {n}" for s, n in counts.items())
        return f"{what[1]}{COLON}{parts}{LPAREN}基准日期 {as_of}{COMMA}临期预警 {window} 天{RPAREN}"
    parts = sep.join(f"{n} {state(s, lang)}" for s, n in counts.items())
    return f"{what[0]}: {parts} (as of {as_of}, window {window} d)"
