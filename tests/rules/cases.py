"""A failing and a passing case for every rule, with the positions it must report.

A case is plans under a small valid district (BASE), or a whole document. The
expected positions are (line, column) within the snippet: line 1 is the
snippet's first line. `plantrack rules` and the test that every rule has a
case both read this table, so adding a rule without a case fails a test.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

BASE = """\
schedule: fyp14
units:
  drc: {name: 区发展改革委, type: drc}
  gov: {name: 区政府, type: government}
  party: {name: 区委, type: party-committee}
  npc: {name: 区人大常委会, type: congress}
  city-drc: {name: 市发展改革委, type: city-drc}
  group: {name: 区发展规划工作领导小组, type: leading-group}
  office: {name: 领导小组办公室, type: office, host: drc}
  edu: {name: 区教育局, type: department}
  town: {name: 甲镇, type: township}
  town-npc: {name: 甲镇人大, type: township-congress}
  park: {name: 经济开发区, type: park}
  tank: {name: 市社科院, type: institution}
plans:
  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}
  eval: {name: 区"十三五"规划终期评估, kind: evaluation, owner: drc}
  town-plan: {name: 甲镇"十四五"规划, kind: township, owner: town}
"""
BASE_LINES = BASE.count("\n")
AS_OF = date(2021, 6, 30)


@dataclass(frozen=True)
class Case:
    code: str
    fails: bool
    plans: str = ""  # appended under BASE's `plans:`
    doc: str | bytes | None = None  # a whole plans.yaml instead of BASE + plans
    where: list[tuple[int, int]] = field(default_factory=list)  # expected (line, column)
    as_of: date = AS_OF
    schedule: tuple[str, str] | None = None  # (old, new): a change to the real schedule
    in_schedule: bool = False  # positions are in the schedule file
    warns: bool = False  # a failing case the scheme only warns about: found, and no error at all
    title: str = ""  # what the case is about, for the test id
    besides: str = ""  # the error the case is built on (a cascade): allowed, and only it
    scope: int = 0  # only problems of the case's code after this line count (the base's own are not its)

    def text(self) -> str | bytes:
        return self.doc if self.doc is not None else BASE + self.plans

    def positions(self) -> list[tuple[int, int]]:
        offset = 0 if self.doc is not None or self.in_schedule else BASE_LINES
        return [(line + offset, col) for line, col in self.where]


def fail(code: str, plans: str = "", where: list[tuple[int, int]] | None = None, **kw: object) -> Case:
    return Case(code, True, plans, where=where or [], **kw)  # type: ignore[arg-type]


def ok(code: str, plans: str = "", **kw: object) -> Case:
    return Case(code, False, plans, **kw)  # type: ignore[arg-type]


_SCHEDULE = (Path(__file__).resolve().parents[2] / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")
# The whole `research:` kind of the schedule, to take it out.
_RESEARCH_KIND = _SCHEDULE[
    _SCHEDULE.index("  research:\n    name: 前期重点研究课题") : _SCHEDULE.index("  evaluation:\n")
]

SPECIAL = """\
  edu-plan:
    name: 区教育事业发展"十四五"规划
    kind: special
    tier: {tier}
    owner: {owner}
    milestones:
"""


def special(milestones: str, tier: str = "key", owner: str = "edu") -> str:
    return SPECIAL.format(tier=tier, owner=owner) + milestones


CASES: list[Case] = [
    # --- PT0xx: the file cannot be read --------------------------------------
    fail("PT001", doc="schedule: fyp14\nunits: {drc: {name: x, type: drc}\n", where=[(2, 8)]),
    ok("PT001"),
    fail("PT002", doc=BASE + "  eval: {name: 又一个, kind: evaluation, owner: drc}\n", where=[(BASE_LINES + 1, 3)]),
    ok("PT002"),
    fail(
        "PT003",
        doc="a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n",
        where=[(5, 8)],
    ),
    ok(
        "PT003",
        doc=BASE.replace(
            '  town-plan: {name: 甲镇"十四五"规划, kind: township, owner: town}\n',
            "  town-plan: {name: &n 甲镇规划, kind: township, owner: town, note: *n}\n",
        ),
    ),
    fail(
        "PT004",
        doc=b"schedule: fyp14\nunits:\n  edu: {name: " + "区教育局".encode("gbk") + b", type: department}\n",
        where=[(3, 15)],
    ),
    ok("PT004", doc=b"\xef\xbb\xbf" + BASE.encode()),
    fail("PT005", doc="# only a comment\n", where=[(1, 1)]),
    ok("PT005"),
    fail("PT006", doc="schedule: fyp41\nunits: {}\n", where=[(1, 11)]),
    ok("PT006"),
    fail("PT007", doc="schedule: fyp14\nunits: !!python/object:os.system {}\n", where=[(2, 8)]),
    ok("PT007"),
    # --- PT1xx: structure ------------------------------------------------------
    fail("PT101", "  r1: {name: 课题, kind: research, owenr: drc}\n", [(1, 34)]),
    ok("PT101", "  r1: {name: 课题, kind: research, owner: drc}\n"),
    fail("PT102", "  r1: {name: [课题], kind: research, owner: drc}\n", [(1, 14)]),
    ok("PT102", "  r1: {name: 课题, kind: research, owner: drc}\n"),
    fail(
        "PT103",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      results: {done: 2020-02-30}\n",
        [(6, 23)],
    ),
    ok(
        "PT103",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      topic-set: {done: 2019-10-08}\n      results: {due: 2019年11月中旬, done: 2019-11-20}\n",
    ),
    fail("PT104", "  r1: {name: 课题, kind: research, owner: dcr}\n", [(1, 41)]),
    ok("PT104", "  r1: {name: 课题, kind: research, owner: drc}\n"),
    fail("PT105", "  r1: {name: 课题, kind: reserch, owner: drc}\n", [(1, 24)]),
    ok("PT105", "  r1: {name: 课题, kind: research, owner: drc}\n"),
    fail(
        "PT106",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      result: {done: 2019-11-20}\n",
        [(6, 7)],
    ),
    ok(
        "PT106",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      topic-set: {done: 2019-10-20}\n      results: {done: 2019-11-20}\n",
    ),
    fail(
        "PT107",
        schedule=("        after: [topic-set]\n", "        after: [topic]\n"),
        where=[(0, 17)],
        in_schedule=True,
    ),
    ok("PT107"),
    fail(
        "PT108",
        schedule=(
            "      topic-set:\n        name: 确定研究课题\n",
            "      topic-set:\n        name: 确定研究课题\n        after: [results]\n",
        ),
        where=[(0, 17)],
        in_schedule=True,
    ),
    ok("PT108"),
    fail(
        "PT109",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      topic-set: {done: 2019-10-20}\n      results: {done: 2019-11-20}\n",
        [(7, 23)],
        as_of=date(2019, 11, 1),
    ),
    ok(
        "PT109",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n    milestones:\n"
        "      topic-set: {done: 2019-10-20}\n",
        as_of=date(2019, 11, 1),
    ),
    fail(
        "PT110",
        special(
            "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
            "      first-draft: {done: 2020-05-20}\n      coordination: {done: 2020-06-10}\n"
            "      opinions: {done: 2020-06-20}\n      argumentation: {done: 2020-08-10}\n"
            "      finished: {done: 2020-08-01}\n"
        ),
        [(13, 24)],
    ),
    ok(
        "PT110",
        special(
            "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
            "      first-draft: {done: 2020-05-20}\n      coordination: {done: 2020-06-10}\n"
        ),
    ),
    fail("PT111", "  r1: {name: 课题, kind: research, owner: party}\n", [(1, 41)]),
    ok("PT111", "  r1: {name: 课题, kind: research, owner: tank}\n"),
    fail("PT112", "  r1: {name: 课题, kind: research, owner: drc, tier: key}\n", [(1, 46)]),
    ok("PT112", special("      proposal: {done: 2019-10-08}\n")),
    fail(
        "PT113",
        schedule=(
            '        due: end of phase research # "提出一批前期重点研究课题": a planning date\n',
            "        due: end of phase reserch\n",
        ),
        where=[(0, 14)],
        in_schedule=True,
    ),
    ok("PT113"),
    fail("PT114", "  r1: {name: 课题, kind: research, owner: drc}\n", [(1, 24)], schedule=(_RESEARCH_KIND, "")),
    ok("PT114"),
    fail(
        "PT115",
        special("      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25, by: edu}\n"),
        [(8, 46)],
    ),
    ok("PT115", special("      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25, by: gov}\n")),
    fail("PT120", doc=BASE + "  Edu_Plan: {name: x, kind: research, owner: drc}\n", where=[(BASE_LINES + 1, 3)]),
    ok("PT120", "  r-1: {name: x, kind: research, owner: drc}\n"),
    # --- PT2xx: the scheme's rules ---------------------------------------------
    fail("PT201", special("      proposal: {done: 2019-10-08}\n      first-draft: {done: 2020-05-20}\n"), [(8, 27)]),
    ok(
        "PT201",
        special(
            "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
            "      first-draft: {done: 2020-05-20}\n"
        ),
    ),
    fail("PT202", special("      gov-review: {by: drc}\n"), [(7, 24)]),
    ok("PT202", special("      gov-review: {by: gov}\n")),
    fail("PT203", special("      issued: {by: town}\n", tier="general"), [(7, 20)]),
    ok("PT203", special("      issued: {by: edu}\n", tier="general")),
    fail("PT204", special("      filed: {to: gov}\n"), [(7, 19)]),
    ok("PT204", special("      filed: {to: drc}\n")),
    fail(
        "PT205",
        doc=BASE.replace(
            "kind: township, owner: town}", "kind: township, owner: town, milestones: {approved: {by: gov}}}"
        ),
        where=[(BASE_LINES, 89)],
    ),
    ok(
        "PT205",
        doc=BASE.replace(
            "kind: township, owner: town}", "kind: township, owner: town, milestones: {approved: {by: town-npc}}}"
        ),
    ),
    fail(
        "PT206",
        doc=BASE.replace('  town-plan: {name: 甲镇"十四五"规划, kind: township, owner: town}\n', ""),
        where=[(11, 3)],
    ),
    ok("PT206"),
    fail("PT207", "  outline2: {name: 又一个纲要, kind: master, owner: drc}\n", [(1, 33)]),
    ok(
        "PT207",
        doc=BASE.replace("kind: master, owner: drc}", "kind: master, owner: drc, period: {start: 2021, end: 2025}}"),
    ),
    fail(
        "PT208",
        special(
            "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
            "      first-draft: {done: 2020-05-20}\n      finished: {done: 2020-09-20}\n"
        ),
        [(10, 24)],
    ),
    ok(
        "PT208",
        special(
            "      proposal: {done: 2019-10-08}\n      start-approval: {done: 2019-10-25}\n"
            "      first-draft: {done: 2020-05-20}\n      coordination: {done: 2020-06-10}\n"
        ),
    ),
    fail("PT209", special("      first-draft: {due: 2020-06-30}\n"), [(7, 26)]),
    ok("PT209", special("      finished: {due: 2020年9月中旬}\n")),
    fail(
        "PT210",
        doc=BASE.replace(
            "kind: evaluation, owner: drc}", "kind: evaluation, owner: drc, milestones: {congress-review: {to: gov}}}"
        ),
        where=[(17, 95)],
    ),
    ok(
        "PT210",
        doc=BASE.replace(
            "kind: evaluation, owner: drc}", "kind: evaluation, owner: drc, milestones: {congress-review: {to: npc}}}"
        ),
    ),
    fail(
        "PT211",
        doc=BASE.replace(
            "kind: master, owner: drc}",
            "kind: master, owner: drc, milestones: "
            "{party-proposal: {done: 2020-10-25}, draft-for-comments: {done: 2020-10-20}}}",
        ),
        where=[(16, 133)],
    ),
    ok(
        "PT211",
        doc=BASE.replace(
            "kind: master, owner: drc}", "kind: master, owner: drc, milestones: {party-proposal: {done: 2020-10-15}}}"
        ),
    ),
    fail("PT213", doc=BASE.replace("host: drc}", "host: gov}"), where=[(9, 47)]),
    ok("PT213"),
    fail(
        "PT214", "  r1: {name: 课题, kind: research, owner: drc, commissioned: {to: edu, via: directed}}\n", [(1, 65)]
    ),
    ok(
        "PT214",
        "  r1:\n    name: 课题\n    kind: research\n    owner: drc\n"
        "    commissioned: {to: tank, via: tender}\n    budget: {line: 2019年规划编制专项经费, amount: 30}\n",
    ),
    # --- PT116: duty records (schedule `duties:`) ---------------------------------
    fail(
        "PT116",
        doc=BASE.replace(
            "type: department}", "type: department, duties: {work-sumary: {2020-08: {done: 2020-08-24}}}}"
        ),
        where=[(10, 48)],
        title="unknown duty",
    ),
    fail(
        "PT116",
        doc=BASE.replace("type: drc}", "type: drc, duties: {work-summary: {2020-08: {done: 2020-08-24}}}}"),
        where=[(3, 43)],
        title="duty does not bind the unit",
    ),
    fail(
        "PT116",
        doc=BASE.replace(
            "type: department}", "type: department, duties: {work-summary: {2020-13: {done: 2020-08-24}}}}"
        ),
        where=[(10, 63)],
        title="no such occurrence",
    ),
    fail(
        "PT116",
        doc=BASE.replace("type: department}", "type: department, duties: {plan-list: {2019-10: {done: 2019-10-08}}}}"),
        where=[(10, 60)],
        title="one-off duty per occurrence",
    ),
    fail(
        "PT116",
        doc=BASE + "cadence: {plan-list: {rrule: FREQ=WEEKLY}}\n",
        where=[(BASE_LINES + 1, 11)],
        title="cadence of a one-off duty",
    ),
    ok(
        "PT116",
        doc=BASE.replace(
            "type: department}",
            "type: department, duties: {plan-list: {done: 2019-10-08}, work-summary: {2020-08: {done: 2020-08-24}, 2020-09-25: {}}}}",
        ),
    ),
    ok("PT116", doc=BASE + "cadence: {work-summary: {rrule: FREQ=MONTHLY;BYMONTHDAY=-1, start: 2020-07-01}}\n"),
    # --- PT3xx: time -------------------------------------------------------------
    fail("PT301", special("      proposal: {note: 在办}\n"), [(7, 7)], as_of=date(2019, 10, 20)),
    ok("PT301", special("      proposal: {done: 2019-10-08}\n"), as_of=date(2019, 10, 10)),
]
