"""The words of the domain, each list written once: plan kinds, tiers, unit types, states.

Each id comes with its labels in both languages (an `i18n.Msg`). plantrack.models
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


# Unit types as the scheme names them, for messages (never an English slug in zh);
# the tables' short labels are UNIT_TYPE_LABELS above. "owner" is the plan's own unit.
UNIT_TYPE_NAMES: dict[str, tuple[str, str]] = {
    "drc": ("the district DRC", "区发展改革委"),
    "government": ("the district government", "区政府"),
    "party-committee": ("the district party committee", "区委"),
    "congress": ("the district congress standing committee", "区人大常委会"),
    "city-drc": ("the city DRC", "市发展改革委"),
    "department": ("a district department", "区直部门"),
    "township": ("a township", "乡镇"),
    "subdistrict": ("a subdistrict", "街道"),
    "township-congress": ("the township's people's congress", "乡镇人代会"),
    "park": ("a development park", "开发园区"),
    "leading-group": ("the leading group", "领导小组"),
    "office": ("the leading group's office", "领导小组办公室"),
    "institution": ("an institution or think tank", "专业机构、智库"),
    "owner": ("the compiling unit itself", "编制单位自身"),
}


def type_name(utype: str | None, lang: str) -> str:
    en, zh = UNIT_TYPE_NAMES.get(utype or "", (utype or "?", utype or "?"))
    return zh if lang == "zh" else en


def types_text(types: object, lang: str) -> str:
    """Unit types joined as a reader says them: "区政府或区发展改革委"."""
    names = [type_name(t, lang) for t in sorted(types, key=lambda t: (t != "party-committee", t))]  # type: ignore[call-overload]
    if len(names) <= 2:
        return ("或" if lang == "zh" else " or ").join(names)
    return "、".join(names[:-1]) + "或" + names[-1] if lang == "zh" else ", ".join(names[:-1]) + " or " + names[-1]


def all_types_text(types: object, lang: str) -> str:
    """Unit types that must all act: "区委和区政府"."""
    names = [type_name(t, lang) for t in sorted(types, key=lambda t: (t != "party-committee", t))]  # type: ignore[call-overload]
    return ("和" if lang == "zh" else " and ").join(names)
