"""Every rule fails on its failing case at the expected positions and stays quiet on its passing case."""

from __future__ import annotations

from pathlib import Path

import pytest

from plantrack.problems import Severity
from plantrack.rules import BY_CODE, RULES
from tests.conftest import REPO, check_problems, make_district
from tests.rules.cases import CASES as BASIC_CASES
from tests.rules.cases import Case
from tests.rules.scheme_cases import SCHEME_CASES

CASES = BASIC_CASES + SCHEME_CASES


def _id(case: Case) -> str:
    return f"{case.code}-{case.title}" if case.title else case.code


def _district(tmp_path: Path, case: Case) -> Path:
    schedule = None
    if case.schedule:
        old, new = case.schedule
        text = (REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")
        assert old in text, f"schedule change for {case.code} no longer applies"
        schedule = text.replace(old, new, 1)
    return make_district(tmp_path, case.text(), schedule)


def _schedule_line(case: Case) -> int:
    """The schedule line a schedule case changes: its `new` text's last line."""
    assert case.schedule
    old, new = case.schedule
    text = (REPO / "schedules" / "fyp14.yaml").read_text(encoding="utf-8")
    return text[: text.index(old)].count("\n") + new.rstrip("\n").count("\n") + 1


@pytest.mark.parametrize("case", [c for c in CASES if c.fails], ids=_id)
def test_failing_case(tmp_path: Path, case: Case) -> None:
    problems = check_problems(_district(tmp_path, case), case.as_of)
    found = [(p.line, p.column) for p in problems if p.code == case.code and p.line > case.scope]
    expected = case.positions()
    if case.in_schedule:
        expected = [(_schedule_line(case), col) for _, col in case.where]
        assert all(p.file.endswith("fyp14.yaml") for p in problems if p.code == case.code)
    assert found == expected, [f"{p.line}:{p.column} {p.code} {p.msg.en}" for p in problems if p.code != "PT301"]
    mine = [p for p in problems if p.code == case.code]
    if case.warns:  # loose or self-contradictory: a warning, never an error
        assert all(p.severity is Severity.WARNING for p in mine)
        assert [p for p in problems if p.severity is Severity.ERROR] == []
    elif BY_CODE[case.code].severity is Severity.ERROR:
        assert all(p.severity is Severity.ERROR for p in mine), [p.msg.en for p in mine]


@pytest.mark.parametrize("case", [c for c in CASES if not c.fails], ids=_id)
def test_passing_case(tmp_path: Path, case: Case) -> None:
    problems = check_problems(_district(tmp_path, case), case.as_of)
    mine = [p for p in problems if p.code == case.code and p.line > case.scope]
    assert mine + [p for p in problems if p.severity is Severity.ERROR and p.code != case.besides] == []
    if case.besides:  # the cascade's cause is reported, and nothing else
        assert [p.code for p in problems if p.severity is Severity.ERROR] == [case.besides]


# Rules on the git history need a repository with commits; their failing and
# passing cases are in tests/edit/test_git_audit.py.
HISTORY_CASES = REPO / "tests" / "edit" / "test_git_audit.py"


def test_every_rule_has_a_unique_code_a_doc_and_cases() -> None:
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    failing = {c.code for c in CASES if c.fails}
    passing = {c.code for c in CASES if not c.fails}
    history_text = HISTORY_CASES.read_text(encoding="utf-8")
    for code in ("PT302", "PT303"):
        assert f" {code} [warning] " in history_text, code  # the failing case, asserted with its position
        failing.add(code)
        passing.add(code)
    for r in RULES:
        assert r.code[:2] == "PT" and r.code[2:].isdigit() and len(r.code) == 5, r.code
        assert "What it does" in r.doc and "Why" in r.doc and "Example" in r.doc, r.code
        assert r.summary.en and r.summary.zh, r.code
        assert r.code in failing, f"{r.code} has no failing case"
        assert r.code in passing, f"{r.code} has no passing case"
    assert failing | passing <= set(BY_CODE), "a case names a rule that does not exist"


def test_scheme_rules_cite_the_scheme() -> None:
    for r in RULES:
        if r.code.startswith("PT2"):
            assert "(R" in r.summary.en and "\uff08R" in r.summary.zh, r.code
