"""The scheme's rules on the organisation and the research (PT213, PT214, PT218)."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import facts
from plantrack.i18n import Msg
from plantrack.problems import Severity
from plantrack.rules.base import Context, Finding, milestone_path, rule
from plantrack.vocab import type_name

# 定向委托 / 公开招标: the routes the scheme encourages (R14).
ENCOURAGED_ROUTES = {"directed": "定向委托", "tender": "公开招标"}


@rule(
    "PT213",
    "leading-group",
    "The leading group and its office exist; the office sits at the DRC (R13)",
    "设立区发展规划工作领导小组及其办公室，办公室设在区发展改革委（R13）",
)
def leading_group(ctx: Context) -> Iterator[Finding]:
    """
    What it does: `units:` has a unit of type leading-group and one of type office
    whose `host` is a unit of type drc.
    Why: R13, "领导小组下设办公室……办公室设在区发展改革委".
    Example (fails): an office unit with `host: gov`, or no leading group at all.
    """
    types = [u.type for u in ctx.units.values()]
    groups = [uid for uid, u in ctx.units.items() if u.type == "leading-group"]
    for uid in groups[1:]:
        yield Finding(
            ("units", uid, "type"),
            Msg(
                f"a second leading group; the district has one, {groups[0]!r} (R13)",
                f"出现第二个领导小组；本区已有 {groups[0]!r}（R13）",
            ),
        )
    if "leading-group" not in types and not ctx.unit_exists("leading-group"):
        yield Finding(
            ("units",),
            Msg("there is no unit of type leading-group (R13)", "缺少领导小组单位（type: leading-group）（R13）"),
            key=True,
        )
    offices = [(uid, u) for uid, u in ctx.units.items() if u.type == "office"]
    if not offices and not ctx.unit_exists("office"):
        yield Finding(
            ("units",),
            Msg(
                "there is no unit of type office for the leading group's office (R13)",
                "缺少领导小组办公室单位（type: office）（R13）",
            ),
            key=True,
        )
    for uid, office in offices:
        if ctx.unit_type(office.host) != "drc" and (office.host is None or office.host in ctx.units):
            yield Finding(
                ("units", uid, "host") if office.host else ("units", uid),
                Msg(
                    "the leading group's office sits at the DRC: set `host:` to the DRC's id (R13)",
                    "领导小组办公室设在区发展改革委：`host:` 应为区发展改革委的 id（R13）",
                ),
                key=office.host is None,
            )


@rule(
    "PT214",
    "commission",
    "Commissioned research goes to an institution or think tank; funds come from district finance (R14)",
    "委托研究应委托专业机构或智库，经费由区财政保障（R14）",
)
def commission(ctx: Context) -> Iterator[Finding]:
    """
    What it does: a plan with `commissioned:` must commission a unit of type
    institution. A route other than directed commission or open tender, and a
    budget whose `source` is not district finance, are warnings: the scheme
    encourages those routes and makes funding district finance's duty, it does
    not make either a condition of the plan.
    Why: R14, "鼓励通过政府购买服务的方式,定向委托或公开招标选择相关机构智库参与研究";
    "所需经费由区财政予以保障,及时纳入年度预算".
    Example (fails): `commissioned: {to: edu, via: directed}` (a department).
    Passes: `commissioned: {to: tank, via: tender}`; warns: `via: 单一来源采购`.
    """
    for pid, plan in ctx.plans():
        if plan.commissioned is not None:
            utype = ctx.unit_type(plan.commissioned.to)
            if utype is not None and utype != "institution":
                yield Finding(
                    ("plans", pid, "commissioned", "to"),
                    Msg(
                        f"{pid}: research is commissioned to an institution or think tank; "
                        f"{plan.commissioned.to!r} is {type_name(utype, 'en')} (R14)",
                        f"{pid}\uff1a研究应委托专业机构或智库\uff1b{plan.commissioned.to} 为{type_name(utype, 'zh')}\uff08R14\uff09",
                    ),
                )
            if plan.commissioned.via not in ENCOURAGED_ROUTES:
                yield Finding(
                    ("plans", pid, "commissioned", "via"),
                    Msg(
                        f"{pid}: commissioned by {plan.commissioned.via!r}; the scheme encourages directed "
                        "commission or open tender (R14), so only a warning",
                        f"{pid}\uff1a委托方式为{plan.commissioned.via}\uff1b工作方案鼓励定向委托或公开招标"
                        "\uff08R14\uff09，仅作提醒",
                    ),
                    severity=Severity.WARNING,
                )
        source = plan.budget.source if plan.budget else None
        unit = ctx.units.get(source) if source else None
        if unit is not None and "财政" not in unit.name:
            yield Finding(
                ("plans", pid, "budget", "source"),
                Msg(
                    f"{pid}: funded by {unit.name}; the scheme has district finance fund planning work (R14)",
                    f"{pid}\uff1a经费来源为{unit.name}\uff1b工作方案规定所需经费由区财政予以保障\uff08R14\uff09",
                ),
                severity=Severity.WARNING,
            )


@rule(
    "PT218",
    "research-before-ideas",
    "The basic ideas rest on the research results (R18)",
    "基本思路以前期研究成果为基础（R18）",
    severity=Severity.WARNING,
)
def research_before_ideas(ctx: Context) -> Iterator[Finding]:
    """
    What it does: warns when the master plan's basic ideas are done before the
    results of every research topic its owner (the DRC) runs are done (a topic
    not yet done, or done later). Departments' topics feed their special plans.
    A warning: both are due by the same date, and the scheme states no order.
    Why: R18, "形成一批……研究成果,为提出总体规划基本思路和编制专项规划奠定基础".
    Example (warns): `basic-ideas: {done: 2019-11-10}` with results done 2019-11-25.
    """
    ideas_id, results_id = ctx.step_of("master", facts.IDEAS), ctx.step_of("research", facts.RESULTS)
    if ideas_id is None or results_id is None:
        return
    for pid, plan in ctx.plans("master"):
        ideas = plan.record(ideas_id)
        if not (ideas and ideas.done):
            continue
        late = []
        for rid, research in ctx.plans("research"):
            if research.owner != plan.owner:
                continue  # a department's topic feeds its special plans, not the outline's ideas
            res = research.record(results_id)
            if not (res and res.done and res.done <= ideas.done):
                late.append(rid)
        if late:
            yield Finding(
                milestone_path(pid, ideas_id, "done"),
                Msg(
                    f"{ctx.cite(pid, ideas_id).en} done on {ideas.done}, before the research results of "
                    f"{', '.join(late)} they rest on (R18)",
                    f"{ctx.cite(pid, ideas_id).zh}完成于 {ideas.done}\uff0c早于其所依据的"
                    f"{'、'.join(late)}研究成果\uff08R18\uff09",
                ),
            )


ORGANISATION_RULES = (leading_group, commission, research_before_ideas)
