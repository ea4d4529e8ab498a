"""`plantrack rules R9` and `plantrack rules D10`: the scheme's rules and deadlines, and where they are checked.

R# and D# name the scheme's rules and deadlines (docs/scheme.md); their words
are in rules/scheme_text.py. For a D#, also the schedule's steps that carry it,
with their deadline, read from the district's schedule (the plans.yaml found
from here), else the default one (fyp14).
"""

from __future__ import annotations

import sys
from pathlib import Path

from plantrack.i18n import t

SCHEME_DOC = "docs/scheme.md"


def show(ref: str, lang: str) -> int:
    """The scheme's words for R# or D# and the checks that cite it; for a D#, the steps that carry it."""
    from plantrack.rules.scheme_text import explain

    out = sys.stdout
    out.write(explain(ref, lang) or "")
    if ref.startswith("D"):
        name, schedule = _schedule()
        steps = [
            (kind, mid, spec, schedule.deadline(kind, mid))
            for kind, kspec in schedule.kinds.items()
            for mid, spec in kspec.milestones.items()
            if spec.ref == ref
        ]
        if steps:
            out.write(t(f"  steps in schedule {name}:", f"  工作方案 {name} 中的节点\uff1a", lang) + "\n")
            for kind, mid, spec, deadline in steps:
                loose = t(" (in principle)", "\uff08原则上\uff09", lang) if spec.loose else ""
                out.write(f"    {kind}/{mid}  {spec.name}  {deadline}{loose}\n")
    out.write(t(f"  more: {SCHEME_DOC}", f"  详见\uff1a{SCHEME_DOC}", lang) + "\n")
    return 0


def _schedule():  # type: ignore[no-untyped-def]
    """The district's schedule if a plans.yaml is found from here, else the default one."""
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
    name = discover.DEFAULT_SCHEDULE
    path = discover.find_schedule(here, name)
    assert path is not None
    return name, load_schedule(path)
