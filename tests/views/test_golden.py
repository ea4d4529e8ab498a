"""Golden files: every view on the bundled data at 2020-09-15, both languages, fixed width.

Run with PLANTRACK_UPDATE_GOLDEN=1 to rewrite them after a deliberate change
(or after the fixture district in tests/fixtures/district changes); review the diff like any other change.
An update run rewrites the files and fails, every test of it, so it can never pass as a test run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import DISTRICT, REPO

GOLDEN = REPO / "tests" / "golden"
BUNDLED = str(DISTRICT)
AS_OF = "2020-09-15"
UPDATE = os.environ.get("PLANTRACK_UPDATE_GOLDEN") == "1"

# name -> (argv, width); every view of issue 3, table format.
VIEWS: dict[str, tuple[list[str], int]] = {
    "status": (["status"], 100),
    "status-outline": (["status", "outline"], 100),
    "status-edu-plan": (["status", "edu-plan"], 100),
    "overdue": (["overdue"], 100),
    "units": (["units"], 100),
    "units-natres": (["units", "natres"], 100),
    "timeline": (["timeline"], 100),
    "timeline-wide": (["timeline"], 160),
}
# Machine formats do not depend on the language: one golden each.
DOCS: dict[str, list[str]] = {
    "status.json": ["status", "--format", "json"],
    "overdue.json": ["overdue", "--format", "json"],
}


def compare(path: Path, actual: str) -> None:
    if UPDATE:  # rewrite, then fail: an update run must never pass as a test run
        changed = not path.exists() or path.read_text(encoding="utf-8") != actual
        path.write_text(actual, encoding="utf-8")
        pytest.fail(
            f"{path.name} {'rewritten' if changed else 'unchanged'}; review it, then run without PLANTRACK_UPDATE_GOLDEN"
        )
    assert path.exists(), f"{path.name} missing: run with PLANTRACK_UPDATE_GOLDEN=1"
    expected = path.read_text(encoding="utf-8")
    # Trailing blanks are not part of the picture, and editors strip them.
    strip = lambda s: [line.rstrip() for line in s.splitlines()]  # noqa: E731
    assert strip(actual) == strip(expected), f"{path.name} differs; PLANTRACK_UPDATE_GOLDEN=1 rewrites it"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_matches_golden(cli, name: str, lang: str) -> None:
    argv, width = VIEWS[name]
    code, out, err = cli(*argv, "--file", BUNDLED, "--as-of", AS_OF, "--lang", lang, "--width", str(width))
    assert code == 0, err
    assert err == ""
    assert "\x1b[" not in out
    assert all(len(line) <= width for line in out.splitlines())  # chars; the cell check is in test_formats
    compare(GOLDEN / f"{name}.{lang}.txt", out)


@pytest.mark.parametrize("name", list(DOCS))
def test_document_matches_golden(cli, name: str) -> None:
    code, out, err = cli(*DOCS[name], "--file", BUNDLED, "--as-of", AS_OF)
    assert code == 0, err
    compare(GOLDEN / name, out)


def test_update_mode_rewrites_then_fails(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(globals(), "UPDATE", True)
    golden = tmp_path / "view.en.txt"
    with pytest.raises(pytest.fail.Exception, match=r"view\.en\.txt rewritten"):
        compare(golden, "new picture\n")
    assert golden.read_text(encoding="utf-8") == "new picture\n"
    with pytest.raises(pytest.fail.Exception, match=r"view\.en\.txt unchanged"):
        compare(golden, "new picture\n")
