"""The README and docs/ as a new user meets them: links that resolve, an example that checks clean."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from plantrack.problems import Severity
from tests.conftest import REPO, check_problems

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


def _fenced(text: str, lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", text, re.S)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../shared" not in text and "FORMAT.md" not in text and "SCHEME.md" not in text
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://")):
            continue
        if target == "docs/scheme.md" or target == "scheme.md":
            continue  # written beside this work (docs/scheme.md, the scheme's D# and R#)
        assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_readme_example_checks_clean(tmp_path: Path) -> None:
    (example,) = [b for b in _fenced((REPO / "README.md").read_text(encoding="utf-8"), "yaml") if "plans:" in b]
    path = tmp_path / "plans.yaml"  # no schedules/ folder: the shipped fyp14 is found by name
    path.write_text(example, encoding="utf-8")
    problems = check_problems(path, date(2020, 9, 15))
    assert [p for p in problems if p.severity is Severity.ERROR] == []
    assert {p.code for p in problems} == {"PT301"}  # only what is genuinely overdue


def test_format_doc_example_loads(tmp_path: Path) -> None:
    (example,) = [
        b for b in _fenced((REPO / "docs" / "format.md").read_text(encoding="utf-8"), "yaml") if "plans:" in b
    ]
    path = tmp_path / "plans.yaml"
    path.write_text(example, encoding="utf-8")
    problems = check_problems(path, date(2020, 9, 15))
    codes = {p.code for p in problems if p.severity is Severity.ERROR}
    # A fragment, not a district: only the scheme's whole-district rules may complain.
    assert codes <= {"PT206", "PT207", "PT210"}, problems
