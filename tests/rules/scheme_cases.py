"""Cases judged by the scheme's text (issue 8's classes): breach = error,
allowed = no error, loose or self-contradictory = a warning at most.

They run under a richer district than cases.BASE: two townships with their
own congresses (`host`), a subdistrict, district finance, and the full people's
congress beside its standing committee. Positions are within the snippet.
"""

from __future__ import annotations

from datetime import date

from tests.rules.cases import BASE, Case

BASE2 = (
    BASE.replace(
        "  town-npc: {name: 甲镇人大, type: township-congress}\n",
        "  town-npc: {name: 甲镇人大, type: township-congress, host: town}\n"
        "  town2: {name: 乙镇, type: township}\n"
        "  town2-npc: {name: 乙镇人大, type: township-congress, host: town2}\n"
        "  sub: {name: 东关街道, type: subdistrict}\n"
        "  fin: {name: 区财政局, type: department}\n"
        "  stats: {name: 区统计局, type: department}\n"
        "  npc-full: {name: 区人民代表大会, type: congress}\n",
    )
    + '  town2-plan: {name: 乙镇"十四五"规划, kind: township, owner: town2}\n'
)
BASE2_LINES = BASE2.count("\n")
AS_OF = date(2021, 6, 30)


def _case(code: str, fails: bool, title: str, plans: str, where: list[tuple[int, int]], **kw: object) -> Case:
    doc = kw.pop("doc", None) or BASE2 + plans
    offset = kw.pop("offset", BASE2_LINES)
    lines = [(offset + line, col) for line, col in where]  # type: ignore[operator]
    return Case(code, fails, doc=doc, where=lines, title=title, **kw)  # type: ignore[arg-type]


def fail(code: str, title: str, plans: str, where: list[tuple[int, int]], **kw: object) -> Case:
    return _case(code, True, title, plans, where, **kw)


def warn(code: str, title: str, plans: str, where: list[tuple[int, int]], **kw: object) -> Case:
    return _case(code, True, title, plans, where, warns=True, **kw)


def ok(code: str, title: str, plans: str, **kw: object) -> Case:
    return _case(code, False, title, plans, [], **kw)


def plan(kind: str, milestones: str, *, owner: str = "edu", tier: str | None = None, pid: str = "p1") -> str:
    tier_line = f"    tier: {tier}\n" if tier else ""
    listing = f"    milestones:\n{milestones}" if milestones else "    milestones: {}\n"
    return f"  {pid}:\n    name: 规划\n    kind: {kind}\n{tier_line}    owner: {owner}\n{listing}"


def key(milestones: str, owner: str = "edu") -> str:
    return plan("special", milestones, owner=owner, tier="key")


def general(milestones: str, owner: str = "edu") -> str:
    return plan("special", milestones, owner=owner, tier="general")


def master(milestones: str) -> str:
    return BASE2.replace(
        '  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}\n',
        '  outline:\n    name: 区"十四五"规划纲要\n    kind: master\n    owner: drc\n    milestones:\n' + milestones,
    )


MASTER_LINE = BASE2[: BASE2.index("  outline:")].count("\n") + 6  # the first milestone's line in master()


def town(milestones: str) -> str:
    return BASE2.replace(
        '  town-plan: {name: 甲镇"十四五"规划, kind: township, owner: town}\n',
        '  town-plan:\n    name: 甲镇"十四五"规划\n    kind: township\n    owner: town\n    milestones:\n' + milestones,
    )


TOWN_LINE = BASE2[: BASE2.index("  town-plan:")].count("\n") + 6

STARTED = "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
COMPILED = (
    STARTED + "      first-draft: {done: 2020-05-20}\n      coordination: {done: 2020-07-01}\n"
    "      opinions: {done: 2020-06-15}\n      argumentation: {done: 2020-08-20}\n"
    "      finished: {done: 2020-09-20}\n"
)

M = MASTER_LINE - 1  # master() positions: line 1 is the first milestone
T = TOWN_LINE - 1
DRAFTED = (
    "      basic-ideas: {done: 2019-11-10}\n      ideas-consultation: {done: 2019-11-20}\n"
    "      ideas-submitted: {done: 2019-11-28}\n      framework: {done: 2020-05-10}\n"
    "      framework-consultation: {done: 2020-06-10}\n      party-proposal: {done: 2020-10-05}\n"
    "      draft-for-comments: {done: 2020-10-25}\n"
)

EVAL_FULL = BASE2.replace(
    "kind: evaluation, owner: drc}", "kind: evaluation, owner: drc, milestones: {congress-review: {to: npc-full}}}"
)
NO_MASTER = BASE2.replace('  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}\n', "")

SCHEME_CASES: list[Case] = [
    # 1. Steps the scheme names are in the schedule -------------------------------
    ok(
        "PT106",
        "master consultation rounds and the text review",
        "",
        doc=master(
            DRAFTED + "      consultation: {done: 2020-11-10}\n      wide-consultation: {done: 2020-12-05}\n"
            "      text-review: {done: 2020-12-12, by: [party, gov]}\n"
        ),
    ),
    ok(
        "PT106",
        "township plan's coordination with the district plan",
        "",
        doc=town("      first-draft: {done: 2020-08-20}\n      coordination: {done: 2020-09-10}\n"),
    ),
    ok(
        "PT106",
        "a township's own special plan",
        plan("township-special", "      finished: {done: 2020-11-10}\n", owner="town"),
    ),
    ok(
        "PT301",
        "a township special plan owes no district date (R20)",
        plan("township-special", "      first-draft: {note: 乡镇自定}\n", owner="town"),
        scope=BASE2_LINES,
    ),
    fail(
        "PT111", "a township special plan belongs to a township", plan("township-special", "", owner="edu"), [(4, 12)]
    ),
    # 2. Planning dates are not hard limits --------------------------------------
    warn("PT209", "D11 is 原则上", key("      finished: {due: 2020-10-31}\n"), [(7, 23)]),
    warn("PT209", "start approval has no date of its own", key("      start-approval: {due: 2019-12-15}\n"), [(7, 29)]),
    warn(
        "PT209",
        "coordination is due with finished: a planning date",
        key("      coordination: {due: 2020-10-15}\n"),
        [(7, 27)],
    ),
    warn(
        "PT209",
        "township approval: a planning date",
        "",
        doc=town("      approved: {due: 2021-01-15}\n"),
        where=[(1, 23)],
        offset=T,
    ),
    warn(
        "PT209",
        "framework pulled in by the draft (D7), within D5",
        "",
        doc=master("      framework: {due: 2020-11-15}\n"),
        where=[(1, 24)],
        offset=M,
    ),
    ok(
        "PT209",
        "argumentation before an extended finish",
        key("      argumentation: {due: 2020-10-15}\n      finished: {extended: {until: 2020-10-31, by: gov}}\n"),
    ),
    warn(
        "PT209",
        "argumentation after the plan's own finish",
        key("      argumentation: {due: 2020-09-15}\n      finished: {due: 2020-08-31}\n"),
        [(7, 28)],
    ),
    fail("PT209", "first draft after D10", key("      first-draft: {due: 2020-06-30}\n"), [(7, 26)]),
    fail(
        "PT209",
        "draft for comments after D7",
        "",
        doc=master("      draft-for-comments: {due: 2020-11-15}\n"),
        where=[(1, 33)],
        offset=M,
    ),
    fail(
        "PT209",
        "township first draft after D8",
        "",
        doc=town("      first-draft: {due: 2020年9月底}\n"),
        where=[(1, 26)],
        offset=T,
    ),
    ok("PT209", "an earlier own date", key("      first-draft: {due: 2020-05-15}\n")),
    ok("PT209", "the scheme's own words as a date", key("      finished: {due: 2020年9月底前}\n")),
    # 3. Authorised extensions ------------------------------------------------------
    ok(
        "PT209",
        "an extension replaces D10",
        key(
            "      first-draft: {due: 2020-06-30, extended: {until: 2020-06-30, by: gov, ref: 区政办函〔2020〕15号}}\n"
        ),
    ),
    fail(
        "PT209",
        "own date later than the extension",
        key("      first-draft: {due: 2020-07-31, extended: {until: 2020-06-30, by: gov}}\n"),
        [(7, 26)],
    ),
    fail(
        "PT217",
        "a department cannot extend its own deadline",
        key("      first-draft: {extended: {until: 2020-06-30, by: edu}}\n"),
        [(7, 55)],
    ),
    ok("PT217", "the party committee may", key("      first-draft: {extended: {until: 2020-06-30, by: party}}\n")),
    ok(
        "PT301",
        "judged against the extension",
        key(STARTED + "      first-draft: {extended: {until: 2020-10-31, by: gov}}\n"),
        as_of=date(2020, 9, 15),
        scope=BASE2_LINES,
    ),
    fail(
        "PT301",
        "overdue after the extension too",
        key(STARTED + "      first-draft: {extended: {until: 2020-10-31, by: gov}}\n"),
        [(1, 3)] * 4 + [(9, 7)],
        as_of=date(2020, 11, 15),
        scope=BASE2_LINES,
    ),
    fail(
        "PT104",
        "an extension by an unknown unit",
        key("      first-draft: {extended: {until: 2020-06-30, by: gvo}}\n"),
        [(7, 55)],
    ),
    fail(
        "PT103",
        "an extension's until must be a date",
        key("      first-draft: {extended: {until: 2020-13-01, by: gov}}\n"),
        [(7, 39)],
    ),
    # 4. Only the orders the scheme states ---------------------------------------
    ok(
        "PT110",
        "consulting the public before coordinating",
        key(STARTED + "      opinions: {done: 2020-04-10}\n      coordination: {done: 2020-06-01}\n"),
    ),
    ok(
        "PT110",
        "argumentation before consultation",
        key(STARTED + "      argumentation: {done: 2020-04-10}\n      opinions: {done: 2020-06-01}\n"),
    ),
    ok("PT208", "coordination before the first draft", key(STARTED + "      coordination: {done: 2020-03-01}\n")),
    fail(
        "PT110",
        "master: consultation before the draft for comments",
        "",
        doc=master(DRAFTED + "      consultation: {done: 2020-10-20}\n"),
        where=[(8, 28)],
        offset=M,
    ),
    fail(
        "PT110",
        "master: submitted before the text review",
        "",
        doc=master(
            DRAFTED + "      consultation: {done: 2020-11-10}\n      coordination: {done: 2020-12-01}\n"
            "      expert-argumentation: {done: 2020-12-02}\n      wide-consultation: {done: 2020-12-03}\n"
            "      text-review: {done: 2020-12-20, by: [party, gov]}\n      submitted: {done: 2020-12-15, to: npc}\n"
        ),
        where=[(13, 25)],
        offset=M,
    ),
    fail(
        "PT208",
        "township approved before it was submitted",
        "",
        doc=town("      first-draft: {done: 2020-08-20}\n      approved: {done: 2020-11-20, by: town-npc}\n"),
        where=[(2, 24)],
        offset=T,
    ),
    ok(
        "PT208",
        "township coordination is not ordered",
        "",
        doc=town("      first-draft: {done: 2020-08-20}\n      submitted: {done: 2020-10-20, to: town-npc}\n"),
    ),
    # 5. Checks that were missing -------------------------------------------------
    fail(
        "PT205",
        "another township's congress approves",
        "",
        doc=town("      approved: {by: town2-npc}\n"),
        where=[(1, 22)],
        offset=T,
    ),
    fail(
        "PT205",
        "submitted to another township's congress",
        "",
        doc=town("      submitted: {to: town2-npc}\n"),
        where=[(1, 23)],
        offset=T,
    ),
    fail(
        "PT205",
        "the district congress approves a township plan",
        "",
        doc=town("      approved: {by: npc}\n"),
        where=[(1, 22)],
        offset=T,
    ),
    ok(
        "PT205",
        "its own township's congress",
        "",
        doc=town("      submitted: {to: town-npc}\n      approved: {by: town-npc}\n      filed: {to: drc}\n"),
    ),
    fail("PT203", "a general plan needs the government's consent", general("      gov-review: {by: drc}\n"), [(7, 24)]),
    ok("PT203", "the government consents", general("      gov-review: {by: gov}\n")),
    fail(
        "PT216",
        "the text is reviewed by both",
        "",
        doc=master("      text-review: {by: gov}\n"),
        where=[(1, 25)],
        offset=M,
    ),
    fail(
        "PT216",
        "submitted to the government",
        "",
        doc=master("      submitted: {to: gov}\n"),
        where=[(1, 23)],
        offset=M,
    ),
    ok(
        "PT216",
        "both review, the standing committee passes",
        "",
        doc=master("      text-review: {by: [party, gov]}\n      submitted: {to: npc}\n      passed: {by: npc}\n"),
    ),
    # 6. Stricter than the text: warnings at most ------------------------------------
    warn(
        "PT203", "a general plan issued by the government (L19 vs L57)", general("      issued: {by: gov}\n"), [(7, 20)]
    ),
    ok("PT203", "issued by the DRC jointly with departments", general("      issued: {by: [drc, edu, fin]}\n")),
    fail("PT203", "a general plan issued by a township", general("      issued: {by: town}\n"), [(7, 20)]),
    fail("PT203", "a general plan compiled by a park", general("", owner="park"), [(5, 12)]),
    ok(
        "PT301",
        "a key plan the government issued is not chased for filing",
        key(COMPILED + "      gov-review: {done: 2020-12-10, by: gov}\n      issued: {done: 2020-12-20, by: gov}\n"),
        scope=BASE2_LINES,
    ),
    fail(
        "PT301",
        "a general plan is chased for filing (R4)",
        general(
            COMPILED + "      gov-review: {done: 2020-12-10, by: gov}\n      issued: {done: 2020-12-20, by: edu}\n"
        ),
        [(1, 3)],
        scope=BASE2_LINES,
    ),
    ok("PT111", "research run by a township", plan("research", "", owner="town")),
    warn(
        "PT214",
        "commissioned by another procurement route",
        "  r1: {name: 课题, kind: research, owner: drc, commissioned: {to: tank, via: 单一来源采购}}\n",
        [(1, 76)],
    ),
    ok(
        "PT214",
        "commissioned without a budget line",
        "  r1: {name: 课题, kind: research, owner: drc, commissioned: {to: tank, via: directed}}\n",
    ),
    warn(
        "PT214",
        "funded by another unit than district finance",
        "  r1: {name: 课题, kind: research, owner: drc, budget: {line: 课题经费, source: edu}}\n",
        [(1, 75)],
    ),
    ok(
        "PT214",
        "funded by district finance",
        "  r1: {name: 课题, kind: research, owner: drc, budget: {line: 课题经费, source: fin}}\n",
    ),
    warn(
        "PT216",
        "passed by the full people's congress",
        "",
        doc=master("      passed: {by: npc-full}\n"),
        where=[(1, 20)],
        offset=M,
    ),
    ok(
        "PT115",
        "ideas submitted to the government: the scheme names no recipient",
        "",
        doc=master("      ideas-submitted: {to: gov}\n"),
    ),
    # R18: research results are the basis for the basic ideas ---------------------------
    warn(
        "PT218",
        "basic ideas before the results they rest on",
        "",
        doc=master("      basic-ideas: {done: 2019-11-10}\n")
        + "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n"
        "    milestones:\n      topic-set: {done: 2019-09-20}\n      results: {done: 2019-11-25}\n",
        where=[(1, 27)],
        offset=M,
    ),
    ok(
        "PT218",
        "results before the basic ideas",
        "",
        doc=master("      basic-ideas: {done: 2019-11-26}\n")
        + "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n"
        "    milestones:\n      topic-set: {done: 2019-09-20}\n      results: {done: 2019-11-25}\n",
    ),
    # 7. Cascades: a plan that failed to load still exists ------------------------------
    ok(
        "PT207",
        "a master plan with a bad date still exists",
        "",
        doc=master("      framework: {done: 2020-02-30}\n"),
        besides="PT103",
    ),
    ok(
        "PT210",
        "an evaluation with a bad key still exists",
        "",
        doc=BASE2.replace(
            "kind: evaluation, owner: drc}", "kind: evaluation, owner: drc, milestones: {report: {dnoe: 2020-11-01}}}"
        ),
        besides="PT101",
    ),
    ok(
        "PT206",
        "a township plan with a bad date still exists",
        "",
        doc=town("      first-draft: {done: 2020-08-32}\n"),
        besides="PT103",
    ),
    fail(
        "PT207",
        "no master plan at all",
        "",
        doc=NO_MASTER,
        where=[(NO_MASTER[: NO_MASTER.index("plans:")].count("\n") + 1, 1)],
        offset=0,
    ),
    # 9. Dates as the scheme writes them ---------------------------------------------
    ok(
        "PT103",
        "2020年8月底前, 2020年底前, 2020年9月25日",
        "",
        doc=town(
            "      first-draft: {due: 2020年8月底前, done: 2020年8月25日}\n      submitted: {due: 2020年10月中旬前}\n"
            "      filed: {due: 2020年底前}\n"
        ),
    ),
    fail("PT103", "no 32nd day", key("      first-draft: {due: 2020年5月32日}\n"), [(7, 26)]),
    # 10. Subdistricts ----------------------------------------------------------------
    ok("PT206", "a subdistrict owns no township plan", ""),
    fail("PT111", "a subdistrict cannot own a township plan", plan("township", "", owner="sub"), [(4, 12)]),
    ok("PT111", "a subdistrict may propose a special plan", key("", owner="sub")),
    # 11. A plan's own earlier date pulls in the steps before it ------------------------
    fail(
        "PT301",
        "opinions due with the plan's own earlier finish",
        key(
            STARTED + "      first-draft: {done: 2020-05-20}\n      coordination: {done: 2020-06-20}\n"
            "      argumentation: {done: 2020-08-20}\n      finished: {due: 2020-08-31}\n"
        ),
        [(1, 3), (12, 7)],
        as_of=date(2020, 9, 15),
        scope=BASE2_LINES,
    ),
    warn(
        "PT210",
        "the evaluation to the full people's congress",
        "",
        doc=EVAL_FULL,
        where=[(EVAL_FULL[: EVAL_FULL.index("congress-review")].count("\n") + 1, 95)],
        offset=0,
    ),
    ok(
        "PT301",
        "a general plan the government issued is not chased for filing",
        general(
            COMPILED + "      gov-review: {done: 2020-12-10, by: gov}\n      issued: {done: 2020-12-20, by: gov}\n"
        ),
        scope=BASE2_LINES,
    ),
    ok(
        "PT213",
        "a leading group that failed to load still exists",
        "",
        doc=BASE2.replace("type: leading-group}", "type: leading-group, hots: x}"),
        besides="PT101",
    ),
]
