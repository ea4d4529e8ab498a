"""The scheme as data: rules read step roles, never milestone ids.

The whole rule suite runs again on a copy of the schedule whose every
milestone id is renamed (upper case: same length, so positions stay put) and
on plans renamed to match; every verdict (code, line, column, severity) is the
same. And no rule module names a milestone id: every role the rules read is
one the schedule gives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from plantrack import facts, yamlread
from plantrack.models import Schedule
from tests.conftest import REPO, check_problems, make_district
from tests.rules.cases import CASES as BASIC_CASES
from tests.rules.scheme_cases import SCHEME_CASES

SCHEDULE_TEXT = (REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")


def _schedule() -> Schedule:
    data, _ = yamlread.read(SCHEDULE_TEXT)
    return Schedule.model_validate(data)


IDS = sorted({mid for spec in _schedule().kinds.values() for mid in spec.milestones}, key=len, reverse=True)
_ID = re.compile(r"(?<=[\s\[,{])(" + "|".join(map(re.escape, IDS)) + r")(?=\s*[:\],])")


def rename(text: str) -> str:
    """Every milestone id as a key or in a list, upper-cased; `start:` too."""
    text = re.sub(r"(start: )([a-z-]+)", lambda m: m[1] + m[2].upper(), text)
    return _ID.sub(lambda m: m[1].upper(), text)


def test_renaming_really_renames() -> None:
    renamed = rename(SCHEDULE_TEXT)
    assert "      FIRST-DRAFT:" in renamed and "after: [START-APPROVAL]" in renamed
    assert "start: START-APPROVAL" in renamed and "role: first-draft" in renamed
    data, _ = yamlread.read(renamed)
    assert not set(IDS) & {m for k in Schedule.model_validate(data).kinds.values() for m in k.milestones}


def _verdicts(folder: Path, text: str | bytes, schedule: str | None, as_of) -> list[tuple[str, int, int, str]]:  # type: ignore[no-untyped-def]
    problems = check_problems(make_district(folder, text, schedule), as_of)
    return [(p.code, p.line, p.column, p.severity.value) for p in problems]


CASES = [c for c in BASIC_CASES + SCHEME_CASES if c.schedule is None and isinstance(c.text(), str)]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.code}-{c.title}" if c.title else c.code)
def test_same_verdicts_with_every_milestone_id_renamed(tmp_path: Path, case) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    before = _verdicts(tmp_path / "a", case.text(), None, case.as_of)
    after = _verdicts(tmp_path / "b", rename(case.text()), rename(SCHEDULE_TEXT), case.as_of)
    assert after == before


def test_every_role_a_rule_reads_is_in_the_schedule() -> None:
    roles = {m.role for spec in _schedule().kinds.values() for m in spec.milestones.values()}
    read = {getattr(facts, name) for name in dir(facts) if name.isupper() and isinstance(getattr(facts, name), str)}
    assert read <= roles, read - roles
    assert {f.role for f in facts.PARTY_FACTS} <= roles
    for kind, spec in _schedule().kinds.items():  # the kind's start step exists (R1)
        assert spec.start is None or spec.start in spec.milestones, kind


def test_no_rule_names_a_milestone_id() -> None:
    sources = [*(REPO / "plantrack" / "rules").glob("*.py"), REPO / "plantrack" / "facts.py"]
    sources = [p for p in sources if p.name != "scheme_text.py"]
    for path in sources:
        code = path.read_text(encoding="utf-8")
        # Strip docstrings and comments: they may quote examples.
        code = re.sub(r'"""[\s\S]*?"""', "", code)
        code = re.sub(r"#.*", "", code)
        literals = set(re.findall(r"\"([a-z][a-z-]*)\"", code))
        named = literals & set(IDS) - {role for role in literals if role in _roles()}
        assert not named, (path.name, named)


def _roles() -> set[str]:
    return {m.role for spec in _schedule().kinds.values() for m in spec.milestones.values() if m.role}


SLUGS = ("government", "department", "township-congress", "party-committee", "city-drc", "institution", "subdistrict")


def test_chinese_messages_read_as_chinese(tmp_path: Path) -> None:
    """PT1xx/PT2xx messages in zh: no English unit-type slugs, full-width punctuation."""
    seen = 0
    for i, case in enumerate(c for c in BASIC_CASES + SCHEME_CASES if c.fails):
        folder = tmp_path / str(i)
        folder.mkdir()
        schedule = None
        if case.schedule:
            old, new = case.schedule
            schedule = SCHEDULE_TEXT.replace(old, new, 1)
        for p in check_problems(make_district(folder, case.text(), schedule), case.as_of):
            if p.code in ("PT109", "PT110", "PT111", "PT115") or p.code.startswith(("PT2", "PT3")):
                seen += 1
                zh = p.msg.zh
                assert not any(f" {s}" in zh or f"为{s}" in zh for s in SLUGS), (p.code, zh)
                assert not re.search(r"[\u4e00-\u9fff][:;,]|[:;,][\u4e00-\u9fff]", zh), (p.code, zh)
    assert seen > 40
