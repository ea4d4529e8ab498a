"""views.summary (pure) and the documents' reading of facts the data model may not have yet."""

from __future__ import annotations

import dataclasses
from datetime import date
from types import SimpleNamespace

from plantrack.documents.data import cell_key, log_entries
from plantrack.state import State
from plantrack.views.status import status
from plantrack.views.summary import is_extended, summary
from tests.conftest import DISTRICT
from tests.views.support import schedule

AS_OF = date(2020, 9, 15)


def fixture_summary():
    from plantrack import load

    loaded, _ = load.load_or_raise(DISTRICT)
    view = status(loaded.plans, loaded.schedule, AS_OF)
    return view, summary(view, loaded.schedule)


def test_totals_and_stages() -> None:
    view, s = fixture_summary()
    assert s.plans == 32 and s.by_kind["special"] == 14 and next(iter(s.by_kind)) == "master"
    assert s.plan_states[State.OVERDUE] == 6 and s.steps["overdue"] == 8
    assert s.steps["total"] == sum(r.total for r in view.rows)
    draft = next(st for st in s.stages_of("special") if st.step == "first-draft")
    assert (draft.done, draft.total, draft.name) == (12, 14, "完成初稿")
    assert s.current("special") == draft  # finished (2020-09-30) is not yet due on 2020-09-15
    assert s.current("research").step == "results"  # same deadline as topic-set: the later step
    assert s.headline_total == 14 + 3 + 6  # special, regional and township plans have a first draft


def test_unit_filter_counts_only_its_plans() -> None:
    from plantrack import load

    loaded, _ = load.load_or_raise(DISTRICT)
    s = summary(status(loaded.plans, schedule(), AS_OF, unit="edu"), schedule())
    assert s.plans == 2 and s.by_kind == {"special": 1, "research": 1}


def test_an_extension_is_counted_and_coloured() -> None:
    view, _ = fixture_summary()
    step = next(s for r in view.rows for s in r.steps if s.state is State.OPEN)
    assert not is_extended(step) and cell_key(step) == "open"
    moved = dataclasses.replace(step, record=SimpleNamespace(extended={"until": date(2020, 10, 31), "by": "gov"}))
    assert is_extended(moved) and cell_key(moved) == "extended"
    done = next(s for r in view.rows for s in r.steps if s.state is State.DONE)
    assert cell_key(dataclasses.replace(done, record=SimpleNamespace(extended={}))) == "done"  # done is done


def test_supervision_log_read_when_the_model_has_one() -> None:
    view, _ = fixture_summary()
    step = view.rows[0].steps[0]
    assert log_entries(step) == []
    entry = SimpleNamespace(date=date(2020, 9, 1), text="电话督办")
    logged = dataclasses.replace(
        step, record=SimpleNamespace(log=[entry, {"date": date(2020, 9, 20), "text": "发督办函"}])
    )
    assert log_entries(logged) == [(date(2020, 9, 1), "电话督办"), (date(2020, 9, 20), "发督办函")]
