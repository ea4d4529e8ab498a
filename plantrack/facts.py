"""The scheme's facts about steps, in one table: who acts on each step, under which rule.

Schedules give each step a `role` (what the step is in the scheme); this table
says, by kind and role, which unit types must approve, issue or receive it,
which rule (R#) or deadline (D#) says so, and which bodies owe the step rather
than the plan's owner. The rules (rules/scheme.py, rules/structure.py) and the
views read it; nothing here names a schedule's milestone ids, so a schedule
may rename its steps. Pure: models in, facts out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from plantrack.models import MilestoneSpec, Plan, Unit

# Roles the rules read (a schedule's `role:` values).
START = "start-approval"
REVIEW = "review"
ISSUE = "issue"
FILING = "filing"
SUBMISSION = "submission"
CONGRESS_APPROVAL = "congress-approval"
PARTY_PROPOSAL = "party-proposal"
DRAFT = "draft"
TEXT_REVIEW = "text-review"
IDEAS = "ideas"
RESULTS = "results"
CITY_REPORT = "city-report"


@dataclass(frozen=True)
class PartyFact:
    """A step's `by` or `to` must be units of these types, by this rule.

    `owner` in `allowed` means the plan's own unit. `joint` types may act
    alongside an allowed unit (区发展改革委会同有关部门联合印发). `warn` types are
    where the scheme contradicts itself: a warning, not an error. `all_of`: every
    allowed type must act (区委、区政府研究审核). `own_township`: the body is the
    plan owner's own (同级), known from the unit's `host`.
    """

    kind: str
    role: str
    field: str  # "by" or "to"
    allowed: frozenset[str]
    code: str  # the rule's code
    cite: str  # R# or D#
    tier: str | None = None
    joint: frozenset[str] = frozenset()
    warn: frozenset[str] = frozenset()
    all_of: bool = False
    own_township: bool = False


def _f(kind: str, role: str, field: str, allowed: set[str], code: str, cite: str, **kw: object) -> PartyFact:
    return PartyFact(kind, role, field, frozenset(allowed), code, cite, **kw)  # type: ignore[arg-type]


PARTY_FACTS: tuple[PartyFact, ...] = (
    # R2 "重点专项规划报经区政府审定后由区政府印发"
    _f("special", REVIEW, "by", {"government"}, "PT202", "R2", tier="key"),
    _f("special", ISSUE, "by", {"government"}, "PT202", "R2", tier="key"),
    # R3 "经区政府同意后……由区发展改革委会同有关部门联合印发或规划编制部门自行印发";
    # 三(三)3 "以区政府名义实施" contradicts it: issue by the government is a warning.
    _f("special", REVIEW, "by", {"government"}, "PT203", "R3", tier="general"),
    _f(
        "special",
        ISSUE,
        "by",
        {"drc", "owner"},
        "PT203",
        "R3",
        tier="general",
        joint=frozenset({"department"}),
        warn=frozenset({"government"}),
    ),
    # R4 "各部门自行编制或批准的各类规划,需报区发展改革委备案"
    _f("special", FILING, "to", {"drc"}, "PT204", "R4"),
    _f("regional", FILING, "to", {"drc"}, "PT204", "R4"),
    # R5 "由本级人民政府组织编制,报同级人代会审议批准,报送区发展改革委备案"
    _f("township", SUBMISSION, "to", {"township-congress"}, "PT205", "R5", own_township=True),
    _f("township", CONGRESS_APPROVAL, "by", {"township-congress"}, "PT205", "R5", own_township=True),
    _f("township", FILING, "to", {"drc"}, "PT205", "R5"),
    # R10 / D15 "经区政府审核后,提交区人大常委会审议,并报市发展改革委"
    _f("evaluation", REVIEW, "by", {"government"}, "PT210", "R10"),
    _f("evaluation", SUBMISSION, "to", {"congress"}, "PT210", "R10"),
    _f("evaluation", CITY_REPORT, "to", {"city-drc"}, "PT210", "R10"),
    # R11 "区委关于编制'十四五'建议出台后"
    _f("master", PARTY_PROPOSAL, "by", {"party-committee"}, "PT211", "R11"),
    # D18 "报请区委、区政府研究审核"; D13 "正式提交区人大常委会"; D19 "由区人大常委会会议审议通过"
    _f("master", TEXT_REVIEW, "by", {"party-committee", "government"}, "PT216", "D18", all_of=True),
    _f("master", SUBMISSION, "to", {"congress"}, "PT216", "D13"),
    _f("master", CONGRESS_APPROVAL, "by", {"congress"}, "PT216", "D19"),
)


_BY_STEP: dict[tuple[str, str | None, str], list[PartyFact]] = {}
for _fact in PARTY_FACTS:
    _BY_STEP.setdefault((_fact.kind, _fact.role, _fact.field), []).append(_fact)


def party_facts(plan: Plan, spec: MilestoneSpec, field: str) -> list[PartyFact]:
    """The facts that govern this step's `by` or `to` for this plan."""
    found = _BY_STEP.get((plan.kind, spec.role, field))
    return [f for f in found if f.tier in (None, plan.tier)] if found else []


def governed(kind: str, role: str | None, field: str) -> bool:
    """Whether some scheme rule checks this step's `by`/`to` in its own words."""
    return (kind, role, field) in _BY_STEP


# Plans the government itself issues, which R4 does not chase for filing:
# key special plans (R2) and regional plans, implemented in its name (三(三)3).
_ISSUED_BY_GOVERNMENT = {("special", "key"), ("regional", None)}


def owed(
    plan: Plan, spec: MilestoneSpec, specs: Mapping[str, MilestoneSpec], units: Mapping[str, Unit] | None = None
) -> bool:
    """Whether the scheme owes this step of this plan (tracked even unrecorded).

    Filing (R4) is owed only for plans a department issues on its own: not
    for key special plans or regional plans, which the government issues,
    nor for a plan the record says the government issued.
    """
    if spec.role != FILING or plan.kind not in ("special", "regional"):
        return True
    if (plan.kind, plan.tier) in _ISSUED_BY_GOVERNMENT:
        return False
    issue = next((mid for mid, s in specs.items() if s.role == ISSUE), None)
    record = plan.milestones.get(issue) if issue else None
    by = record.by if record else []
    return not (units and any((u := units.get(uid)) and u.type == "government" for uid in by))


# Steps that are another body's act, not the plan owner's work: the body
# owes them (supervision chases it, not the owner).
_ACTS_OF_OTHERS = {START, REVIEW, PARTY_PROPOSAL, TEXT_REVIEW, CONGRESS_APPROVAL}


def responsible(plan: Plan, spec: MilestoneSpec, by: list[str], units: Mapping[str, Unit]) -> str:
    """The unit id (or, when the data does not settle it, the unit type) that owes the step."""
    acts = spec.role in _ACTS_OF_OTHERS or (spec.role == ISSUE and plan.tier == "key")
    if not acts or not spec.by:
        return plan.owner
    if by:
        return by[0]
    want = next((t for t in spec.by if t != "owner"), None)
    if want is None:
        return plan.owner
    found = [uid for uid, u in units.items() if u.type == want]
    hosted = [uid for uid in found if units[uid].host == plan.owner]
    found = hosted or found
    return found[0] if len(found) == 1 else want
