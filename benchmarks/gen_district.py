"""Generate a synthetic district: plans.yaml valid under the scheme's rules.

    python benchmarks/gen_district.py OUTDIR --plans N [--errors K] [--seed S]

Writes OUTDIR/plans.yaml, copies the repository's schedules/ to
OUTDIR/schedules/, and writes OUTDIR/expected-errors.json listing the
{code, plan, milestone} of each injected error (empty with --errors 0).

The generator reads the schedule itself (milestone order, `after`, deadlines)
and resolves the schedule's date forms on its own, so it is an oracle
independent of the plantrack code it exercises. Output depends only on the
arguments: the same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
REF = date(2020, 9, 15)  # the reference date every done date respects
START = date(2019, 9, 2)  # no work is done before the scheme starts
SCHEDULE = "fyp14"

# --- the schedule, read independently of plantrack ------------------------------


@dataclass(frozen=True)
class KindInfo:
    order: list[str]  # milestone ids, predecessors first
    after: dict[str, list[str]]
    deadline: dict[str, date]  # own date, tightened by every successor's (R8)
    by: dict[str, list[str]]
    to: dict[str, list[str]]
    start: str | None


_ZH = re.compile(r"(\d{4})年(\d{1,2})月(底|上旬|中旬|下旬)?")
_ZH_YEAR = re.compile(r"(\d{4})年底")
_PART_DAY = {"上旬": 10, "中旬": 20}


def _month_day(year: int, month: int, day: int | None) -> date:
    return date(year, month, day or calendar.monthrange(year, month)[1])


def resolve(due: Any, phases: dict[str, Any]) -> date:
    """The day a schedule's due form names (only the forms fyp14 uses)."""
    if isinstance(due, date):
        return due
    text = str(due)
    if text.startswith("end of phase "):
        return resolve(phases[text.removeprefix("end of phase ")]["end"], phases)
    if m := _ZH.fullmatch(text):
        return _month_day(int(m[1]), int(m[2]), _PART_DAY.get(m[3] or ""))
    if m := _ZH_YEAR.fullmatch(text):
        return date(int(m[1]), 12, 31)
    return date.fromisoformat(text)


def _topological(specs: dict[str, Any]) -> list[str]:
    """The listed order, with each step moved after the steps it follows."""
    order: list[str] = []
    pending = list(specs)
    while pending:
        ready = next((m for m in pending if all(a in order for a in specs[m].get("after") or [])), None)
        if ready is None:
            raise SystemExit(f"cycle in the schedule among {pending}")
        order.append(ready)
        pending.remove(ready)
    return order


def _kind_info(spec: dict[str, Any], phases: dict[str, Any]) -> KindInfo:
    specs: dict[str, Any] = spec["milestones"]
    order = _topological(specs)
    after = {m: list(s.get("after") or []) for m, s in specs.items()}
    deadline = {m: resolve(s["due"], phases) for m, s in specs.items()}
    for m in reversed(order):  # a step is due no later than any step after it
        for before in after[m]:
            deadline[before] = min(deadline[before], deadline[m])
    return KindInfo(
        order=order,
        after=after,
        deadline=deadline,
        by={m: list(s.get("by") or []) for m, s in specs.items()},
        to={m: list(s.get("to") or []) for m, s in specs.items()},
        start=spec.get("start"),
    )


def load_schedule(path: Path) -> dict[str, KindInfo]:
    from ruamel.yaml.cyaml import CSafeLoader

    loader = CSafeLoader(path.read_text(encoding="utf-8"))
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    # Kinds whose steps carry no dates (a township's own special plans, R20) are not generated.
    return {
        kind: _kind_info(spec, data["phases"])
        for kind, spec in data["kinds"].items()
        if all("due" in s for s in spec["milestones"].values())
    }


# --- the district's data --------------------------------------------------------


@dataclass
class Unit:
    name: str
    type: str
    host: str | None = None


@dataclass
class Rec:
    due: str | None = None
    done: str | None = None
    note: str | None = None
    by: str | None = None
    to: str | None = None
    flow: bool = True
    extra: dict[str, str] = field(default_factory=dict)

    def items(self) -> list[tuple[str, str]]:
        pairs = [("due", self.due), ("done", self.done), ("by", self.by), ("to", self.to), ("note", self.note)]
        return [(k, v) for k, v in pairs if v is not None] + list(self.extra.items())


@dataclass
class Plan:
    id: str
    name: str
    kind: str
    owner: str
    tier: str | None = None
    note: str | None = None
    flows: dict[str, str] = field(default_factory=dict)  # period, budget, commissioned
    extra: dict[str, str] = field(default_factory=dict)  # injected unknown keys
    milestones: dict[str, Rec | None] = field(default_factory=dict)
    done_count: int = 0  # milestones done, a prefix of the kind's order


@dataclass
class District:
    units: dict[str, Unit]
    plans: list[Plan]
    towns: list[str]
    congress_of: dict[str, str]  # township -> its congress


# --- names ----------------------------------------------------------------------

DEPARTMENTS: list[tuple[str, str, list[str]]] = [
    ("edu", "区教育局", ["教育事业发展", "学前教育", "职业教育", "教育信息化"]),
    ("health", "区卫生健康委员会", ["卫生健康事业发展", "公共卫生应急体系", "中医药事业"]),
    ("transport", "区交通运输局", ["综合交通运输", "农村公路", "公共交通"]),
    ("natres", "区自然资源局", ["自然资源保护和利用", "耕地保护", "矿产资源"]),
    ("eco", "区生态环境分局", ["生态环境保护", "大气污染防治", "土壤污染防治"]),
    ("industry", "区工业和信息化局", ["制造业高质量发展", "数字经济", "中小企业发展"]),
    ("commerce", "区商务局", ["商贸流通业", "对外开放", "电子商务"]),
    ("culture", "区文化和旅游局", ["文化和旅游发展", "公共文化服务", "全域旅游"]),
    ("civil", "区民政局", ["民政事业发展", "养老服务体系", "社区治理"]),
    ("water", "区水利局", ["水利发展", "水资源节约", "防洪排涝"]),
    ("agri", "区农业农村局", ["农业农村现代化", "乡村振兴", "高标准农田"]),
    ("emergency", "区应急管理局", ["应急管理体系", "安全生产", "防灾减灾"]),
    ("housing", "区住房和城乡建设局", ["住房发展", "城市更新", "建筑业"]),
    ("hrss", "区人力资源和社会保障局", ["就业促进", "社会保障", "人才发展"]),
    ("science", "区科学技术局", ["科技创新", "创新平台建设"]),
    ("finance", "区财政局", ["财政发展", "政府债务管理"]),
    ("market", "区市场监督管理局", ["市场监管", "食品安全", "知识产权"]),
    ("sports", "区体育局", ["体育事业发展", "全民健身"]),
    ("forestry", "区林业局", ["林业发展", "森林防火"]),
    ("energy", "区能源局", ["能源发展", "可再生能源"]),
    ("veterans", "区退役军人事务局", ["退役军人服务保障"]),
    ("stats", "区统计局", ["统计现代化"]),
    ("justice", "区司法局", ["法治政府建设", "公共法律服务"]),
    ("urban", "区城市管理局", ["城市管理", "生活垃圾分类"]),
]
ASPECTS = [
    "",
    "基础设施",
    "体制机制改革",
    "数字化转型",
    "人才队伍建设",
    "服务能力提升",
    "绿色发展",
    "城乡统筹",
    "安全保障",
    "重点项目",
    "区域协同",
    "质量提升",
]
PARKS = [
    ("econ-zone", "经济开发区管委会"),
    ("hitech", "高新技术产业园管委会"),
    ("logistics", "现代物流园管委会"),
    ("agripark", "现代农业产业园管委会"),
]
INSTITUTIONS = [("sass", "市社会科学院"), ("univ", "大学经济与管理学院"), ("school", "区委党校")]
TOWN_FIRST = "东西南北中新安长永富青白石柳黄龙凤金银桃梅松竹河山"
TOWN_SECOND = "桥湖坪塘庄港溪岭口湾店堡集寨营屯沟源田"
AREAS = [
    "北部生态涵养区",
    "南部产业新城",
    "临空经济区",
    "滨江发展带",
    "老城更新片区",
    "高铁站前片区",
    "东部农业示范带",
    "西部文旅走廊",
    "科创走廊",
    "物流枢纽片区",
]
RESEARCH_TOPICS = [
    "经济社会发展基本思路",
    "产业转型升级",
    "新型城镇化与城乡融合",
    "人口发展趋势",
    "营商环境优化",
    "生态文明建设",
    "公共服务均等化",
    "财政收支形势",
    "科技创新体系",
    "区域协调发展",
    "重大项目谋划",
    "基层社会治理",
]
NOTES = [
    "按期完成",
    "疫情影响延误",
    "专家论证会原则通过",
    "已报区政府分管领导审阅",
    "根据部门意见修改完善",
    "公开征求意见三十天",
    "与市级规划衔接一致",
    "编制人员抽调防汛，略有延误",
    "委托第三方机构编制",
    "区政府常务会议研究同意",
    "待上级规划基本思路出台后完善",
    "初稿已送区发展改革委预审",
]
PLAN_NOTES = [
    "与区国土空间总体规划同步编制",
    "纳入区政府年度重点督办事项",
    "编制经费已纳入年度预算",
    "由牵头单位会同相关部门联合编制",
    "机构改革后新组建部门承担编制",
]
DETAILS = [
    "经分管副区长专题会议研究，原则同意并提出修改意见十二条",
    "邀请市社科院、高校等七位专家参加论证",
    "征求区直部门、乡镇和开发园区意见，共收到意见建议四十六条",
    "与区国土空间总体规划的用地布局充分衔接",
    "受新冠肺炎疫情影响，实地调研和座谈会推迟约一个月",
    "编制单位已按合同约定提交阶段性成果并通过评审",
    "区政府门户网站公开征求社会公众意见，期限三十天",
    "根据市级同类规划基本思路调整了主要指标和重大工程",
]
BUDGET_LINES = ["2019年区本级预算·规划编制专项经费", "2020年区本级预算·规划编制专项经费"]


# --- units ----------------------------------------------------------------------


def town_names(count: int) -> list[str]:
    names = [f"{a}{b}{s}" for s in "镇乡" for a in TOWN_FIRST for b in TOWN_SECOND]
    return [names[i % len(names)] + (f"{i // len(names) + 1}" if i >= len(names) else "") for i in range(count)]


def make_units(towns: int) -> tuple[dict[str, Unit], list[str], dict[str, str]]:
    units = {
        "drc": Unit("区发展和改革委员会", "drc"),
        "gov": Unit("区人民政府", "government"),
        "party": Unit("中共区委", "party-committee"),
        "congress": Unit("区人大常委会", "congress"),
        "city-drc": Unit("市发展和改革委员会", "city-drc"),
        "lg": Unit("区发展规划工作领导小组", "leading-group"),
        "lg-office": Unit("区发展规划工作领导小组办公室", "office", host="drc"),
    }
    units.update({uid: Unit(name, "department") for uid, name, _ in DEPARTMENTS})
    units.update({uid: Unit(f"区{name}", "park") for uid, name in PARKS})
    units.update({uid: Unit(name, "institution") for uid, name in INSTITUTIONS})
    town_ids, congress_of = [], {}
    for i, name in enumerate(town_names(towns), 1):
        tid, cid = f"town-{i:04d}", f"town-{i:04d}-npc"
        units[tid] = Unit(name, "township")
        units[cid] = Unit(f"{name}人民代表大会", "township-congress")
        town_ids.append(tid)
        congress_of[tid] = cid
    return units, town_ids, congress_of


# --- plans ----------------------------------------------------------------------

# How many milestones each kind has done by the reference date: (count, weight).
PROGRESS: dict[str, list[tuple[int, int]]] = {
    "master": [(5, 1), (6, 3)],
    "evaluation": [(0, 1), (1, 1)],
    "special": [(0, 2), (1, 3), (2, 5), (3, 20), (4, 20), (5, 15), (6, 10), (7, 12), (8, 5), (9, 4), (10, 4)],
    "township": [(0, 10), (1, 75), (2, 10), (3, 3), (4, 2)],
    "research": [(0, 3), (1, 7), (2, 90)],
}
PROGRESS["regional"] = PROGRESS["special"]
SHARES = {"regional": 0.17, "township": 0.08, "research": 0.05}  # the rest are special plans


def kind_counts(n: int) -> dict[str, int]:
    if n < 6:
        raise SystemExit("--plans must be at least 6: one plan of every kind")
    rest = n - 2
    counts = {"master": 1, "evaluation": 1} | {k: max(1, round(rest * s)) for k, s in SHARES.items()}
    counts["special"] = n - sum(counts.values())
    if counts["special"] < 1:
        raise SystemExit("--plans too small")
    return counts


def _special(i: int, rng: random.Random, units: dict[str, Unit], towns: list[str]) -> Plan:
    uid, _, topics = DEPARTMENTS[i % len(DEPARTMENTS)]
    rnd = i // len(DEPARTMENTS)
    topic = topics[rnd % len(topics)]
    aspect = ASPECTS[(rnd // len(topics)) % len(ASPECTS)]
    tier = "key" if rng.random() < 0.4 else "general"
    owner = uid
    if tier == "key" and rng.random() < 0.15:  # key plans may come from parks and townships too
        owner = rng.choice([p for p, _ in PARKS] + towns[:3])
    name = f'区{topic}{aspect}"十四五"规划'
    return Plan(f"sp-{uid}-{i:05d}", name, "special", owner, tier=tier)


def _regional(i: int, rng: random.Random, units: dict[str, Unit], towns: list[str]) -> Plan:
    area = AREAS[i % len(AREAS)]
    owner = rng.choice([p for p, _ in PARKS] + towns[:5] + ["natres", "housing", "agri"])
    return Plan(f"rg-{i:05d}", f"{area}发展规划（2021—2025年）", "regional", owner)


def _township(i: int, rng: random.Random, units: dict[str, Unit], towns: list[str]) -> Plan:
    town = towns[i]
    return Plan(f"tp-{town}", f'{units[town].name}"十四五"发展规划', "township", town)


def _research(i: int, rng: random.Random, units: dict[str, Unit], towns: list[str]) -> Plan:
    topic = RESEARCH_TOPICS[i % len(RESEARCH_TOPICS)]
    owner = rng.choice(["drc", "drc", "drc", "edu", "industry", "hitech", "sass"])
    plan = Plan(f"rs-{i:05d}", f'区"十四五"时期{topic}研究', "research", owner)
    if owner != "sass" and rng.random() < 0.5:
        inst = rng.choice([u for u, _ in INSTITUTIONS])
        plan.flows["commissioned"] = f"{{to: {inst}, via: directed}}"
        plan.flows["budget"] = f"{{line: {rng.choice(BUDGET_LINES)}, amount: {rng.randint(10, 60)}}}"
    return plan


def _fixed_plans() -> list[Plan]:
    master = Plan("outline", "区国民经济和社会发展第十四个五年规划纲要", "master", "drc")
    master.flows["period"] = "{start: 2021, end: 2025}"
    master.flows["budget"] = f"{{line: {BUDGET_LINES[1]}, amount: 60}}"
    evaluation = Plan("eval-13th", '区"十三五"规划实施情况终期评估', "evaluation", "drc")
    return [master, evaluation]


MAKERS: dict[str, Callable[[int, random.Random, dict[str, Unit], list[str]], Plan]] = {
    "special": _special,
    "regional": _regional,
    "township": _township,
    "research": _research,
}


# --- milestones -----------------------------------------------------------------


def make_note(rng: random.Random) -> str:
    return f"{rng.choice(NOTES)}；{rng.choice(DETAILS)}" if rng.random() < 0.85 else rng.choice(NOTES)


def _days(rng: random.Random, lo: int, hi: int) -> timedelta:
    return timedelta(days=rng.randint(lo, hi))


def done_dates(info: KindInfo, count: int, rng: random.Random) -> list[date]:
    """Strictly increasing done dates for the first `count` milestones, all by REF."""
    dates: list[date] = []
    prev = START - timedelta(days=1)
    for m in info.order[:count]:
        cap = min(info.deadline[m], REF)
        target = prev + (cap - prev) * rng.uniform(0.35, 0.95)  # mostly on time, spread out
        if rng.random() < 0.1:  # some steps are done late
            target = info.deadline[m] + _days(rng, 1, 30)
        prev = max(target, prev + _days(rng, 1, 5))
        dates.append(prev)
    ceiling = REF + timedelta(days=1)
    for i in reversed(range(len(dates))):  # pull back under REF, keeping the order strict
        ceiling = min(dates[i], ceiling - timedelta(days=1))
        dates[i] = ceiling
    return dates


def due_forms(d: date) -> list[tuple[str, date]]:
    """The ways FORMAT.md lets a unit write a due date in d's month."""
    y, m = d.year, d.month
    last = _month_day(y, m, None)
    return [
        (d.isoformat(), d),
        (f"{y}-{m:02d}", last),
        (f"{y}年{m}月底", last),
        (f"{y}年{m}月上旬", date(y, m, 10)),
        (f"{y}年{m}月中旬", date(y, m, 20)),
        (f"{y}年{m}月下旬", last),
        (f"end of {y}-{m:02d}", last),
        (f"early {y}-{m:02d}", date(y, m, 10)),
        (f"mid {y}-{m:02d}", date(y, m, 20)),
    ]


def pick_due(lo: date, hi: date, rng: random.Random) -> tuple[str, date] | None:
    """A due date a unit might set: between lo and the schedule's deadline hi."""
    if lo > hi:
        return None
    forms = [f for f in due_forms(hi - _days(rng, 0, 20)) if lo <= f[1] <= hi]
    return rng.choice(forms) if forms else None


def _unit_of(types: list[str], plan: Plan, district: District) -> str | None:
    """A unit to record in `by`/`to`, of the first type the schedule names."""
    if not types:
        return None
    t = types[0]
    if plan.kind == "special" and "owner" in types and plan.tier == "general":
        return plan.owner  # R3: a general plan is issued by its compiling department
    fixed = {
        "government": "gov",
        "drc": "drc",
        "party-committee": "party",
        "congress": "congress",
        "city-drc": "city-drc",
        "owner": plan.owner,
    }
    if t == "township-congress":
        return district.congress_of.get(plan.owner)
    return fixed.get(t)


def fill_milestones(plan: Plan, info: KindInfo, district: District, rng: random.Random) -> None:
    counts, weights = zip(*PROGRESS[plan.kind], strict=True)
    plan.done_count = min(rng.choices(counts, weights)[0], len(info.order))
    dones = done_dates(info, plan.done_count, rng)
    floor = START  # a due never precedes an earlier step's date
    for i, m in enumerate(info.order):
        rec = Rec(flow=rng.random() < 0.6)
        if i < len(dones):
            rec.done = dones[i].isoformat()
            floor = dones[i]
            if rng.random() < 0.3:
                rec.by, rec.to = _unit_of(info.by[m], plan, district), _unit_of(info.to[m], plan, district)
        elif rng.random() < 0.25 and (due := pick_due(floor, info.deadline[m], rng)):
            rec.due, floor = due[0], due[1]
        if rng.random() < 0.8:
            rec.note = make_note(rng)
        listed = rec.done or rec.due or rec.note
        if listed or rng.random() < 0.9:
            plan.milestones[m] = rec if listed else None


def build(n: int, schedule: dict[str, KindInfo], rng: random.Random) -> District:
    counts = kind_counts(n)
    units, towns, congress_of = make_units(counts["township"])
    district = District(units, _fixed_plans(), towns, congress_of)
    for kind, maker in MAKERS.items():
        district.plans.extend(maker(i, rng, units, towns) for i in range(counts[kind]))
    for plan in district.plans:
        if rng.random() < 0.1:
            plan.note = rng.choice(PLAN_NOTES)
        fill_milestones(plan, schedule[plan.kind], district, rng)
    return district


# --- injected errors --------------------------------------------------------------

Expected = dict[str, str | None]
TARGET_KINDS = ("special", "regional", "research")  # no existence rule hangs on these


def _last_done(plan: Plan, info: KindInfo) -> str | None:
    return info.order[plan.done_count - 1] if plan.done_count else None


def err_unknown_owner(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    typo = plan.owner + "-office"
    recs = [r for r in plan.milestones.values() if r is not None]
    if typo in d.units or any(plan.owner in (r.by, r.to) for r in recs):  # R3 would flag `by: <old owner>`
        return None
    plan.owner = typo
    return {"code": "PT104", "plan": plan.id, "milestone": None}


def err_unknown_milestone(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    m = info.order[-1]
    typo = m[1] + m[0] + m[2:] if m[0] != m[1] else m + "s"  # two letters swapped
    plan.milestones[typo] = Rec(note="待核实")
    return {"code": "PT106", "plan": plan.id, "milestone": typo}


def err_bad_date(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    m = _last_done(plan, info)  # nothing after it is done, so no order rule fires too
    rec = plan.milestones.get(m) if m else None
    if m is None or rec is None:
        return None
    rec.done = "2020-02-30"
    return {"code": "PT103", "plan": plan.id, "milestone": m}


def err_unknown_key(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    plan.extra["remark"] = "待补充"
    return {"code": "PT101", "plan": plan.id, "milestone": None}


def err_after_reference(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    if plan.done_count >= len(info.order):
        return None
    m = info.order[plan.done_count]  # every step before it is done
    plan.milestones[m] = Rec(done="2021-01-05", flow=True)
    return {"code": "PT109", "plan": plan.id, "milestone": m}


def err_predecessor_open(plan: Plan, info: KindInfo, d: District) -> Expected | None:
    k = plan.done_count
    start = info.order.index(info.start) if info.start else -1
    if k <= start or k + 1 >= len(info.order):  # keep R1 out of it: started, and a step to skip
        return None
    last = plan.milestones.get(info.order[k - 1])
    prev = date.fromisoformat(last.done) if isinstance(last, Rec) and last.done else START
    m = info.order[k + 1]  # done, while info.order[k] before it is not
    plan.milestones[m] = Rec(done=min(REF, prev + timedelta(days=3)).isoformat())
    return {"code": "PT208", "plan": plan.id, "milestone": m}


Injector = Callable[[Plan, KindInfo, District], Expected | None]
ERRORS: list[tuple[Injector, tuple[str, ...]]] = [
    (err_unknown_owner, ("special", "research")),
    (err_unknown_milestone, TARGET_KINDS),
    (err_bad_date, TARGET_KINDS),
    (err_unknown_key, TARGET_KINDS),
    (err_after_reference, TARGET_KINDS),
    (err_predecessor_open, ("special", "regional")),
]


def inject(d: District, k: int, schedule: dict[str, KindInfo], rng: random.Random) -> list[Expected]:
    """K errors, round-robin over ERRORS, each in a plan of its own."""
    used: set[str] = set()
    expected: list[Expected] = []
    for i in range(k):
        injector, kinds = ERRORS[i % len(ERRORS)]
        candidates = [p for p in d.plans if p.kind in kinds and p.id not in used]
        rng.shuffle(candidates)
        for plan in candidates:
            if (found := injector(plan, schedule[plan.kind], d)) is not None:
                used.add(plan.id)
                expected.append(found)
                break
        else:
            raise SystemExit(f"no plan left to inject {injector.__name__}: use more --plans")
    return expected


# --- output -----------------------------------------------------------------------


def _flow(pairs: list[tuple[str, str]]) -> str:
    return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"


def render_unit(uid: str, u: Unit) -> str:
    pairs = [("name", u.name), ("type", u.type)] + ([("host", u.host)] if u.host else [])
    return f"  {uid}: {_flow(pairs)}"


def render_plan(p: Plan, out: list[str]) -> None:
    out += [f"  {p.id}:", f"    name: {p.name}", f"    kind: {p.kind}"]
    if p.tier:
        out.append(f"    tier: {p.tier}")
    out.append(f"    owner: {p.owner}")
    out += [f"    {k}: {v}" for k, v in p.flows.items()]
    if p.note:
        out.append(f"    note: {p.note}")
    out += [f"    {k}: {v}" for k, v in p.extra.items()]
    if not p.milestones:
        return
    out.append("    milestones:")
    for m, rec in p.milestones.items():
        if rec is None:
            out.append(f"      {m}:")
        elif rec.flow:
            out.append(f"      {m}: {_flow(rec.items())}")
        else:
            out.append(f"      {m}:")
            out += [f"        {k}: {v}" for k, v in rec.items()]


def render(d: District, header: str) -> str:
    out = [f"# {header}", "", f"schedule: {SCHEDULE}", "name: 示范区", "", "units:"]
    out += [render_unit(uid, u) for uid, u in d.units.items()]
    out += ["", "plans:"]
    for p in d.plans:
        render_plan(p, out)
    return "\n".join(out) + "\n"


def write(outdir: Path, text: str, expected: list[Expected]) -> None:
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "plans.yaml").write_text(text, encoding="utf-8")
    (outdir / "expected-errors.json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    shutil.copytree(REPO / "schedules", outdir / "schedules", dirs_exist_ok=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--plans", type=int, required=True, help="number of plans (at least 6)")
    ap.add_argument("--errors", type=int, default=0, help="known errors to inject")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    if args.plans < 6 or args.errors < 0:
        ap.error("--plans must be at least 6 (one plan of every kind) and --errors at least 0")
    rng = random.Random(args.seed)
    schedule = load_schedule(REPO / "schedules" / f"{SCHEDULE}.yaml")
    district = build(args.plans, schedule, rng)
    expected = inject(district, args.errors, schedule, rng)
    header = f"synthetic district: gen_district.py --plans {args.plans} --errors {args.errors} --seed {args.seed}"
    write(args.outdir, render(district, header), expected)
    return 0


if __name__ == "__main__":
    sys.exit(main())
