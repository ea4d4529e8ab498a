"""Random sequences of edits keep the file valid, its comments, and other plans' bytes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantrack import load, rules
from plantrack.edit import add, apply, ops
from plantrack.edit.surgery import Doc
from plantrack.models import UNIT_TYPES
from plantrack.problems import PlantrackError, Severity
from tests.conftest import DISTRICT
from tests.edit import district

TODAY = date.today()
KINDS = {
    "outline": "master",
    "eval": "evaluation",
    "town-plan": "township",
    "edu-plan": "special",
    "long-plan": "special",
}


def _milestones() -> list[tuple[str, str]]:
    loaded, _ = load.load(DISTRICT)
    assert loaded is not None
    return [(p, m) for p, kind in KINDS.items() for m in loaded.schedule.kinds[kind].milestones]  # type: ignore[index]


PLAN_MILESTONES = st.sampled_from(_milestones())
# Anything a user might type, including what YAML would misread unquoted.
NOTES = st.one_of(
    st.sampled_from(
        [
            "疫情延误",
            "a: b",
            "#1",
            "'x",
            '"y"',
            "- item",
            "yes",
            "null",
            "12",
            "2020-01-01",
            " 空格 ",
            "{a}",
            "x\ty",
            "行\n二",
        ]
    ),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
)
DONE = st.dates(date(2019, 9, 1), date(2021, 6, 30))
DUE = st.sampled_from(
    [
        "2019-10-01",
        "2020-08-31",
        "2020-08",
        "2020年8月底",
        "2020年5月上旬",
        "2019年底",
        "end of 2020-04",
        "early 2020-05",
    ]
)
# The milestone edits, and adding a unit: tests/edit/test_scope.py draws on each alone.
MILESTONE_OPS = st.one_of(
    st.tuples(st.just("done"), PLAN_MILESTONES, DONE, st.none() | NOTES),
    st.tuples(st.just("reopen"), PLAN_MILESTONES),
    st.tuples(st.just("due"), PLAN_MILESTONES, DUE),
    st.tuples(st.just("note"), PLAN_MILESTONES, NOTES),
)
ADD_UNIT = st.tuples(
    st.just("add-unit"),
    st.sampled_from(["u1", "u2", "no", "单位"]),
    NOTES.filter(str.strip),
    st.sampled_from(UNIT_TYPES),
)
OPS = st.one_of(MILESTONE_OPS, ADD_UNIT)


def plan_bytes(text: str, pid: str) -> str:
    """The lines of one plan entry, exactly."""
    doc = Doc.parse(text)
    start = doc.line_start(doc.pos.key_spans[("plans", pid)][0])
    return text[start : doc.after_line(doc.entry_end(("plans", pid)))]


def change(o: apply.Original, op: tuple) -> ops.Change:  # type: ignore[type-arg]
    name = op[0]
    if name == "done":
        (pid, mid), day, note = op[1:]
        return ops.done(o.project, o.text, pid, mid, day, note)
    if name == "reopen":
        return ops.reopen(o.project, o.text, *op[1])
    if name == "due":
        return ops.due(o.project, o.text, *op[1], op[2])
    if name == "note":
        return ops.note(o.project, o.text, *op[1], op[2])
    return add.add_unit(o.project, o.text, op[1], op[2], op[3])


def check_value(text: str, op: tuple) -> None:  # type: ignore[type-arg]
    """What was written reads back as exactly what was asked."""
    doc = Doc.parse(text)
    if op[0] == "add-unit":
        assert doc.data["units"][op[1]]["name"] == op[2]
        return
    pid, mid = op[1]
    record = (doc.data["plans"][pid].get("milestones") or {}).get(mid) or {}
    if op[0] == "done":
        assert record["done"] == op[2].isoformat()
        if op[3]:
            assert record["note"] == op[3]
    elif op[0] == "reopen":
        assert "done" not in record
    elif op[0] == "due":
        assert record["due"] == op[2]
    elif op[0] == "note":
        assert record.get("note") == (op[2] or None)


# As many examples as the hypothesis profile gives (tests/conftest.py): 200 in CI.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(OPS, min_size=1, max_size=5))
def test_random_edit_sequences(tmp_path_factory, sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    folder: Path = tmp_path_factory.mktemp("district")
    path = district.write(folder)
    first = path.read_bytes()[3:].decode("utf-8")
    touched: set[str] = set()
    for op in sequence:
        before = path.read_bytes()
        original = apply.read(path, TODAY)
        try:
            apply.write(original, change(original, op).text, TODAY)
        except PlantrackError as e:
            assert e.exit_code in (1, 2), e.msg.en
            assert path.read_bytes() == before  # refused: not a byte changed
            continue
        if op[0] != "add-unit":
            touched.add(op[1][0])
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
        text = data[3:].decode("utf-8")
        loaded, problems = load.load(path)
        assert loaded is not None
        problems += rules.run(rules.Context(loaded, TODAY))
        assert [p for p in problems if p.severity is Severity.ERROR] == []
        for comment in district.COMMENTS:
            assert comment in text
        for pid in district.PLANS:
            if pid not in touched:
                assert plan_bytes(text, pid) == plan_bytes(first, pid)
        check_value(text, op)
    assert sorted(p.name for p in folder.iterdir()) == ["plans.yaml", "schedules"]  # no temporary files left
