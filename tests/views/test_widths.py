"""Every view at every width from 40 columns: nothing cropped, nothing dropped.

Golden files in tests/golden/widths/ at 40, 60, 80, 100 and 160 columns, both
languages, for every table view (history and changes on a small git history of
the fixture district, tests/views/gitdistrict.py); and a property: at any width
from 40 to 200, every cell of a column that never wraps (an id, a number, a date,
a state) appears whole. PLANTRACK_UPDATE_GOLDEN=1 rewrites the goldens.
"""

from __future__ import annotations

import contextlib
import io
from datetime import date
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack.report.grid import width as display_width
from plantrack.report.safe import clean
from tests.conftest import DISTRICT, REPO
from tests.views.gitdistrict import make
from tests.views.test_golden import compare

GOLDEN = REPO / "tests" / "golden" / "widths"
WIDTHS = (40, 60, 80, 100, 160)
AT = ("--as-of", "2020-09-15")
VIEWS: dict[str, list[str]] = {
    "status": ["status"],
    "status-outline": ["status", "outline"],
    "overdue": ["overdue"],
    "units": ["units"],
    "units-natres": ["units", "natres"],
    "timeline": ["timeline"],
    "history": ["history", "eval-13th"],  # both commits, a long note changed, a deadline moved
    "changes": ["changes", "--since", "2020-08-01"],
}
GIT = {"history", "changes"}


@cache
def repo() -> Path:
    """The git fixture, built once for the session (its commit ids are pinned)."""
    import tempfile

    return make(Path(tempfile.mkdtemp(prefix="plantrack-widths-")))


def run(argv: list[str], width: int, lang: str) -> tuple[int, str]:
    """The real CLI in-process, stdout captured (no terminal: no colour)."""
    import os

    from plantrack.cli import main

    file = repo() if argv[0] in GIT else DISTRICT
    out = io.StringIO()
    old = os.environ.get("NO_COLOR")
    os.environ["NO_COLOR"] = "1"
    try:
        with contextlib.redirect_stdout(out):
            at = () if argv[0] == "history" else AT  # history has no reference date
            code = main([*argv, "--file", str(file), "--lang", lang, "--width", str(width), *at])
    finally:
        if old is None:
            os.environ.pop("NO_COLOR")
    return code, out.getvalue()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("name", list(VIEWS))
def test_view_at_width_matches_golden(name: str, lang: str, width: int) -> None:
    code, out = run(VIEWS[name], width, lang)
    assert code == 0
    too_wide = [line for line in out.splitlines() if display_width(line) > width]
    assert not too_wide, too_wide
    compare(GOLDEN / f"{name}.{lang}.{width}.txt", out)


# --- nothing cropped, at any width ---------------------------------------------


@cache
def grids(lang: str) -> dict[str, list]:  # type: ignore[type-arg]
    """The grids each table view draws, made in-process from the fixture district."""
    from plantrack import load
    from plantrack.report import overdue as ro
    from plantrack.report import status as rs
    from plantrack.report import units as ru
    from plantrack.views import overdue as vo
    from plantrack.views import status as vs
    from plantrack.views import units as vu

    p, _ = load.load_or_raise(DISTRICT)
    day = date(2020, 9, 15)
    return {
        "status": [rs.status_grid(vs.status(p.plans, p.schedule, day, 14), lang)],
        "status-outline": [rs.plan_grid(vs.detail(p.plans, p.schedule, "outline", day, 14), lang)],
        "overdue": [ro.overdue_grid(vo.overdue(p.plans, p.schedule, day, 14), lang, p.plans.units)],
        "units": [ru.units_grid(vu.units(p.plans, p.schedule, day, 14), lang)],
        "units-natres": ru.unit_grids(vu.unit(p.plans, p.schedule, "natres", day, 14), day, 14, lang, p.plans.units),
    }


def fixed_cells(lang: str, name: str) -> set[str]:
    """The text of every cell in a column that never wraps (ids, numbers, dates, states, progress)."""
    out = set()
    for g in grids(lang)[name]:
        # A stacked column folds under the one before it, and wraps if that one does.
        wraps, parent = [], False
        for col in g.columns:
            parent = parent if col.stack else col.wrap
            wraps.append(col.wrap or parent)
        for row in g.rows:
            out |= {clean(c.text) for c, w in zip(row, wraps, strict=True) if not w and c.text}
    return out


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=40, max_value=200), st.sampled_from(["zh", "en"]), st.sampled_from(list(VIEWS)))
def test_no_number_date_or_state_is_ever_cropped(width: int, lang: str, name: str) -> None:
    code, out = run(VIEWS[name], width, lang)
    assert code == 0
    assert all(display_width(line) <= width for line in out.splitlines())
    if name == "timeline":  # every plan keeps its line, and the reference date its marker
        from plantrack.views.status import status as status_view

        ids = {r.id for r in status_view(*_district(), date(2020, 9, 15), 14).rows}
        lines = out.splitlines()
        assert all(any(line.startswith(i + " ") for line in lines) for i in ids)
        assert "2020-09-15" in lines[0] and ("▼" in lines[0] or "◀" in lines[0] or "▶" in lines[0])
        return
    if name in GIT:  # the dates, commits and ids of every change
        needles = ["2020-09-01", "b8bc03e", "2020-10-31", "2020-11-30"]
        # history names ids; changes, a summary for people, names plans and milestones
        needles += ["eval-13th/report", "2020-07-01", "d6dc89e"] if name == "history" else ["2020-05-29"]
        assert all(n in out for n in needles), [n for n in needles if n not in out]
        return
    missing = [c for c in fixed_cells(lang, name) if c not in out]
    assert not missing, (width, missing)


@cache
def _district():  # type: ignore[no-untyped-def]
    from plantrack import load

    p, _ = load.load_or_raise(DISTRICT)
    return p.plans, p.schedule


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_below_the_table_width_a_view_is_stacked_not_cut(lang: str) -> None:
    """At 40 columns every plan of `status` is a block: its id and name, then `label: value` lines."""
    _, out = run(["status"], 40, lang)
    sep = "：" if lang == "zh" else ": "
    state = "状态" if lang == "zh" else "state"
    days = "天数" if lang == "zh" else "days"
    blocks = out.strip("\n").split("\n\n")
    eco = next(b for b in blocks if b.startswith("eco-plan  "))
    lines = eco.splitlines()
    assert lines[0].startswith("eco-plan  青山区生态环境保护")
    assert any(line.strip().startswith(days + sep) and line.strip().endswith("-107") for line in lines)
    assert any(line.strip().startswith(state + sep) for line in lines)
    assert sum(b.startswith(tuple(r.id + "  " for r in _rows())) for b in blocks) == 32


def _rows():  # type: ignore[no-untyped-def]
    from plantrack.views.status import status as status_view

    return status_view(*_district(), date(2020, 9, 15), 14).rows


def test_status_at_80_columns_keeps_days_and_state(cli) -> None:
    """The issue's case: at 80 columns `-107` was shown as `-10` and 状态 was gone."""
    code, out, _ = cli("status", "--file", str(DISTRICT), *AT, "--lang", "zh", "--width", "80")
    assert code == 0 and "-107" in out and "状态" in out and "-10\n" not in out


@pytest.mark.parametrize("width", [60, 80])
def test_overdue_and_units_keep_their_state_and_days(cli, width: int) -> None:
    for argv, needles in ((["overdue"], ("状态", "天数", "逾期107天")), (["units"], ("天数", "剩107天"))):
        code, out, _ = cli(*argv, "--file", str(DISTRICT), *AT, "--lang", "zh", "--width", str(width))
        assert code == 0 and all(n in out for n in needles), (argv, width)
