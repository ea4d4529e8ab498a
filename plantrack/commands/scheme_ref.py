"""`plantrack rules R9` and `plantrack rules D10`: where the scheme's rules and deadlines are checked.

R# and D# name the scheme's rules and deadlines (docs/scheme.md). For an R#,
the checks that cite it; for a D#, the schedule's steps that carry it, with
their deadline, read from the district's schedule (the plans.yaml found from
here), else the newest shipped one.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from plantrack.i18n import t

SCHEME_DOC = "docs/scheme.md"


def show(ref: str, lang: str) -> int:
    out = sys.stdout
    if ref.startswith("R"):
        from plantrack.rules import RULES

        pattern = re.compile(rf"\b{ref}\b")
        cited = [r for r in RULES if pattern.search(r.summary.en) or pattern.search(r.doc)]
        if not cited:
            out.write(
                t(
                    f"{ref}: no check cites it (a duty of people, not of the data)",
                    f"{ref}：没有检查规则对应（属于工作职责，不是数据检查）",
                    lang,
                )
                + "\n"
            )
        else:
            out.write(t(f"{ref} is checked by:", f"{ref} 由以下规则检查：", lang) + "\n")
            for r in cited:
                out.write(f"  {r.code}  {r.severity.value:<7}  {r.name}  {r.summary(lang)}\n")
        out.write(t(f"The scheme's words: {SCHEME_DOC}", f"工作方案原文及解读：{SCHEME_DOC}", lang) + "\n")
        return 0
    name, schedule = _schedule()
    steps = [
        (kind, mid, spec, schedule.deadline(kind, mid))
        for kind, kspec in schedule.kinds.items()
        for mid, spec in kspec.milestones.items()
        if spec.ref == ref
    ]
    if not steps:
        from plantrack.i18n import Msg
        from plantrack.problems import PlantrackError

        known = sorted(
            {s.ref for k in schedule.kinds.values() for s in k.milestones.values() if s.ref}, key=lambda r: int(r[1:])
        )
        raise PlantrackError(
            Msg(
                f"schedule {name} has no deadline {ref} (it has {', '.join(known)})",
                f"工作方案 {name} 中没有期限 {ref}（现有 {'、'.join(known)}）",
            )
        )
    out.write(t(f"{ref} in schedule {name}:", f"工作方案 {name} 中的 {ref}：", lang) + "\n")
    for kind, mid, spec, deadline in steps:
        loose = t(" (in principle)", "（原则上）", lang) if spec.loose else ""
        out.write(f"  {kind}/{mid}  {spec.name}  {deadline}{loose}\n")
    out.write(
        t(
            f"Checked by PT209 (R9) and PT301; the scheme's words: {SCHEME_DOC}",
            f"由 PT209（R9）和 PT301 检查；工作方案原文及解读：{SCHEME_DOC}",
            lang,
        )
        + "\n"
    )
    return 0


def _schedule():  # type: ignore[no-untyped-def]
    """The district's schedule if a plans.yaml is found from here, else the newest shipped one."""
    from plantrack import discover, load
    from plantrack.commands.init import load_schedule
    from plantrack.problems import PlantrackError

    try:
        plans = discover.find_plans_file()
        loaded, _ = load.load(plans)
        if loaded is not None:
            return loaded.plans.schedule, loaded.schedule
    except PlantrackError:
        pass
    here = Path.cwd() / discover.PLANS_FILE
    name = discover.known_schedules(here)[-1]
    path = discover.find_schedule(here, name)
    assert path is not None
    return name, load_schedule(path)
