"""The words of the domain, each list written once: plan kinds, tiers, unit types, states.

Each id comes with its labels in both languages (an `i18n.Msg`). models.py
takes its Literal types from here, so a new unit type is one line below plus
its label. Data (plan and unit names, notes) is never translated.
"""

from __future__ import annotations

from typing import Literal, get_args

from plantrack.i18n import Msg
from plantrack.state import State

PlanKind = Literal["master", "special", "regional", "township", "township-special", "research", "evaluation"]
Tier = Literal["key", "general"]
UnitType = Literal[
    "drc",
    "government",
    "party-committee",
    "congress",
    "city-drc",
    "department",
    "township",
    "subdistrict",
    "township-congress",
    "park",
    "leading-group",
    "office",
    "institution",
]
PLAN_KINDS: tuple[str, ...] = get_args(PlanKind)
TIERS: tuple[str, ...] = get_args(Tier)
UNIT_TYPES: tuple[str, ...] = get_args(UnitType)

STATES: dict[State, Msg] = {
    State.OVERDUE: Msg("overdue", "逾期"),
    State.DUE_SOON: Msg("due soon", "临期"),
    State.OPEN: Msg("open", "未到期"),
    State.LATE: Msg("done late", "延期完成"),
    State.DONE: Msg("done", "按期完成"),
}

KIND_LABELS: dict[str, Msg] = {
    "master": Msg("master", "总体规划"),
    "special": Msg("special", "专项规划"),
    "regional": Msg("regional", "区域规划"),
    "township": Msg("township", "乡镇规划"),
    "township-special": Msg("township special", "乡镇专项规划"),
    "research": Msg("research", "研究课题"),
    "evaluation": Msg("evaluation", "终期评估"),
}
# The same, short, for a table's narrow kind column.
KIND_SHORT: dict[str, Msg] = {
    "master": Msg("master", "总体"),
    "special": Msg("special", "专项"),
    "regional": Msg("regional", "区域"),
    "township": Msg("township", "乡镇"),
    "township-special": Msg("twp special", "乡镇专项"),
    "research": Msg("research", "课题"),
    "evaluation": Msg("eval", "评估"),
}

TIER_LABELS: dict[str, Msg] = {"key": Msg("key", "重点"), "general": Msg("general", "一般")}

UNIT_TYPE_LABELS: dict[str, Msg] = {
    "drc": Msg("DRC", "发展改革委"),
    "government": Msg("government", "政府"),
    "party-committee": Msg("party committee", "党委"),
    "congress": Msg("congress standing committee", "人大常委会"),
    "city-drc": Msg("city DRC", "市发展改革委"),
    "department": Msg("department", "部门"),
    "township": Msg("township", "乡镇"),
    "subdistrict": Msg("subdistrict", "街道"),
    "township-congress": Msg("township congress", "乡镇人大"),
    "park": Msg("park", "园区"),
    "leading-group": Msg("leading group", "领导小组"),
    "office": Msg("office", "办公室"),
    "institution": Msg("institution", "研究机构"),
}


def _label(table: dict[str, Msg], key: str, lang: str) -> str:
    """A known id's label; an id the data invented (a file with problems) as it is."""
    msg = table.get(key)
    return msg(lang) if msg else key


def state(s: State, lang: str) -> str:
    return STATES[s](lang)


def kind(k: str, lang: str, *, short: bool = False) -> str:
    return _label(KIND_SHORT if short else KIND_LABELS, k, lang)


def tier(t: str, lang: str) -> str:
    return _label(TIER_LABELS, t, lang)


def unit_type(t: str, lang: str) -> str:
    return _label(UNIT_TYPE_LABELS, t, lang)
