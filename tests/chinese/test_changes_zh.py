"""`changes` and `history` in Chinese: section counts, kinds and the changed field in Chinese words."""

from __future__ import annotations

from datetime import date

from plantrack.history.changes import Changes, Item
from plantrack.history.facts import Event
from plantrack.models import Unit
from plantrack.report.changes import grids
from plantrack.report.history import describe


def test_changes_sections_in_chinese() -> None:
    changes = Changes(since=date(2020, 9, 1), as_of=date(2020, 9, 15))
    changes.added.append(Item("edu-plan", None, "区教育规划", "edu", new="special"))
    changes.overdue.append(Item("edu-plan", "first-draft", "完成初稿", "edu", new="2020-05-31", days=107))
    units = {"edu": Unit(name="区教育局", type="department")}
    (zh,) = grids(changes, "zh", units)
    assert zh.title == "区教育局"
    rows = [[c.text for c in row] for row in zh.rows]
    assert ["新增逾期", "完成初稿", "2020-05-31\uff08逾期107天\uff09"] in [r[1:4] for r in rows]
    assert ["新增规划", "", "专项规划"] in [r[1:4] for r in rows]
    (en,) = grids(changes, "en", units)
    rows = [[c.text for c in row] for row in en.rows]
    assert ["newly late", "完成初稿", "2020-05-31 (107d late)"] in [r[1:4] for r in rows]
    assert ["plan added", "", "special"] in [r[1:4] for r in rows]


def test_history_names_the_field_in_chinese() -> None:
    e = Event(None, "edu-plan", "first-draft", "due", "2020-05-31", "2020-06-30")  # type: ignore[arg-type]
    assert describe(e, "zh") == "期限\uff1a2020-05-31 → 2020-06-30"
    assert describe(e, "en") == "due: 2020-05-31 → 2020-06-30"
    done = Event(None, "edu-plan", "first-draft", "done", None, "2020-06-03")  # type: ignore[arg-type]
    assert describe(done, "zh") == "完成日期\uff1a2020-06-03"
