"""`changes` and `history` in Chinese: section counts, kinds and the changed field in Chinese words."""

from __future__ import annotations

from datetime import date

from plantrack.history.changes import Changes, Item
from plantrack.history.facts import Event
from plantrack.report.changes import grids
from plantrack.report.history import describe


def test_changes_sections_in_chinese() -> None:
    changes = Changes(since=date(2020, 9, 1), as_of=date(2020, 9, 15))
    changes.added.append(Item("edu-plan", None, "区教育规划", "edu", new="special"))
    changes.overdue.append(Item("edu-plan", "first-draft", "完成初稿", "edu", new="2020-05-31", days=107))
    zh = {g.title: [[c.text for c in row] for row in g.rows] for g in grids(changes, "zh")}
    assert zh["新增规划\uff081\uff09"][0][:3] == ["edu-plan", "区教育规划", "专项规划"]
    assert zh["新增逾期节点\uff081\uff09"][0][2] == "2020-05-31\uff08107 天\uff09"
    assert "已完成节点\uff080\uff09" in zh
    en = {g.title: [[c.text for c in row] for row in g.rows] for g in grids(changes, "en")}
    assert en["Plans added (1)"][0][2] == "special" and en["Newly overdue (1)"][0][2] == "2020-05-31 (107 days)"


def test_history_names_the_field_in_chinese() -> None:
    e = Event(None, "edu-plan", "first-draft", "due", "2020-05-31", "2020-06-30")  # type: ignore[arg-type]
    assert describe(e, "zh") == "期限\uff1a2020-05-31 → 2020-06-30"
    assert describe(e, "en") == "due: 2020-05-31 → 2020-06-30"
    done = Event(None, "edu-plan", "first-draft", "done", None, "2020-06-03")  # type: ignore[arg-type]
    assert describe(done, "zh") == "完成日期\uff1a2020-06-03"
