"""An edit of one plan reads that plan's lines alone (plantrack/yamlscope.py): exactly as a
read of the whole text would, or not at all."""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plantrack import load, rules, yamlread, yamlscope
from plantrack.decoding import YamlError
from plantrack.edit import apply
from plantrack.edit.surgery import Doc
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError, Severity
from plantrack.rules.base import Context, Finding, Rule
from tests.conftest import DISTRICT
from tests.edit import district
from tests.edit.test_edit_random import ADD_UNIT, MILESTONE_OPS, OPS, change

TODAY = date.today()
SETTINGS = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def whole(text: str) -> tuple[object, yamlread.Positions]:
    return yamlread.read(text, recent=False)


def derived(old: str, new: str, scope: tuple[str, ...]) -> tuple[object, yamlread.Positions] | None:
    """What `follow` derives for `new` from a fresh read of `old`, or None where it declines."""
    yamlread._recent.clear()
    yamlread.read(old)
    if not yamlscope.follow(old, new, scope):
        return None
    data, pos = yamlread.read(new)  # remembered by follow: nothing is parsed here
    yamlread._recent.clear()
    return data, pos


def same_read(a: tuple[object, yamlread.Positions], b: tuple[object, yamlread.Positions]) -> None:
    assert a[0] == b[0]
    assert a[1].values == b[1].values
    assert a[1].keys == b[1].keys
    assert [(e.code, e.line, e.column, e.msg) for e in a[1].cut] == [
        (e.code, e.line, e.column, e.msg) for e in b[1].cut
    ]


@SETTINGS
@given(st.lists(MILESTONE_OPS, min_size=1, max_size=4))
def test_an_edit_reads_as_the_whole_text_would(tmp_path_factory, sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    """Every edit a milestone command makes, derived from the plan's lines, equals a read of the whole text."""
    path = district.write(tmp_path_factory.mktemp("district"))
    for op in sequence:
        original = apply.read(path, TODAY)
        new = change(original, op).text
        pid = op[1][0]
        got = derived(original.text, new, ("plans", pid))
        # The district's plans are cut out (flow style on one line, block style, the last one
        # before a closing comment): none of them is left to the whole-text read.
        assert got is not None, pid
        same_read(got, whole(new))
        with contextlib.suppress(PlantrackError):  # refused: the next edit starts from the same file
            apply.write(original, new, TODAY)


ADDS = st.one_of(
    ADD_UNIT,
    st.tuples(
        st.just("add"),
        st.sampled_from(["p1", "p2", "edu-plan"]),  # edu-plan: there already, refused
        st.sampled_from(["special", "regional", "research", "township"]),
        st.sampled_from(["edu", "town", "drc"]),
        st.sampled_from(["新规划", "另一个规划"]),
    ),
)


def _spy(followed: list[bool]):  # type: ignore[no-untyped-def]
    real = yamlscope.follow

    def follow(old: str, new: str, scope: tuple[str, ...]) -> bool:
        followed.append(real(old, new, scope))
        return followed[-1]

    return follow


@SETTINGS
@given(st.lists(ADDS, min_size=1, max_size=3))
def test_an_added_entry_reads_as_the_whole_text_would(tmp_path_factory, sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    """A new plan or unit goes after a neighbour: that neighbour's lines are read again, with it."""
    from plantrack.edit import add

    path = district.write(tmp_path_factory.mktemp("district"))
    for op in sequence:
        yamlread._recent.clear()
        original = apply.read(path, TODAY)
        followed: list[bool] = []
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(yamlscope, "follow", _spy(followed))
            try:
                if op[0] == "add":
                    new = add.add_plan(original.project, original.text, *op[1:4], op[4], None, "en").text
                else:
                    new = change(original, op).text
            except PlantrackError:
                continue
        assert followed and all(followed)  # derived, not read whole
        same_read(yamlread.read(new), whole(new))  # what the edit read back
        with contextlib.suppress(PlantrackError):
            apply.write(original, new, TODAY)


@SETTINGS
@given(st.lists(OPS, min_size=1, max_size=4))
def test_the_bytes_written_are_those_of_a_whole_text_read(tmp_path_factory, sequence: list[tuple]) -> None:  # type: ignore[type-arg]
    """The same edits, one district with yamlscope, one without: byte for byte the same files."""
    folders = [tmp_path_factory.mktemp("scoped"), tmp_path_factory.mktemp("whole")]
    paths = [district.write(f) for f in folders]
    for op in sequence:
        results = []
        for path, scoped in zip(paths, (True, False), strict=True):
            with pytest.MonkeyPatch.context() as mp:
                if not scoped:
                    mp.setattr(yamlscope, "scoped", lambda text, scope: None)
                    mp.setattr(yamlscope, "follow", lambda old, new, scope: False)
                yamlread._recent.clear()
                original = apply.read(path, TODAY)
                try:
                    apply.write(original, change(original, op).text, TODAY)
                    results.append("written")
                except PlantrackError as e:  # the same refusal, either way
                    said = str(getattr(e, "msg", e)).replace(str(path.parent), "FOLDER")
                    results.append(f"{type(e).__name__}: {said}")
        assert results[0] == results[1]
        assert paths[0].read_bytes() == paths[1].read_bytes()


MUTATIONS = {
    "delete": lambda line: "",
    "duplicate": lambda line: line + line,
    "dedent": lambda line: line[2:] if line.startswith("  ") else line,
    "outdent": lambda line: line.lstrip(" "),
    "indent": lambda line: "  " + line,
    "open-flow": lambda line: line.rstrip("\r\n") + " [\n",
    "item": lambda line: "- x\n" + line,
    "colon": lambda line: line.replace(":", " ", 1),
    "blank": lambda line: "\n" + line,
    "tab": lambda line: "\t" + line,
    "key": lambda line: line[: len(line) - len(line.lstrip(" "))] + "x: 1\n" + line,
    "anchor": lambda line: line.replace(": ", ": &a ", 1),
    "block-scalar": lambda line: line.rstrip("\r\n") + " |\n",
    "odd-break": lambda line: line.replace(": ", ":\u2028", 1),  # a line break to libyaml, not to "\n"
}


def _plans_of(text: str) -> list[str]:
    return list(whole(text)[0]["plans"])  # type: ignore[index]


FIXTURE_TEXT = DISTRICT.read_text(encoding="utf-8")
# The hostile district's plans; the fixture district's first, a middle and its last plan.
CASES = [("hostile", pid) for pid in district.PLANS] + [
    ("fixture", pid) for pid in (lambda ps: [ps[0], ps[len(ps) // 2], ps[-1]])(_plans_of(FIXTURE_TEXT))
]
TEXTS = {"hostile": district.TEXT, "fixture": FIXTURE_TEXT}


@pytest.mark.parametrize(("text", "pid"), CASES)
def test_a_broken_plan_block_is_never_derived_wrongly(text: str, pid: str) -> None:
    """Every change of every line of a plan: either `follow` declines, or its read is the whole text's."""
    old = TEXTS[text]
    yamlread._recent.clear()
    data, pos = yamlread.read(old)
    block = yamlscope._block(old, data, pos, ("plans", pid))
    assert block is not None
    lines = old[block.start : block.end].splitlines(keepends=True)
    derived_some = 0
    for i, line in enumerate(lines):
        for name, mutate in MUTATIONS.items():
            new = old[: block.start] + "".join([*lines[:i], mutate(line), *lines[i + 1 :]]) + old[block.end :]
            try:
                full = whole(new)
            except YamlError:
                full = None
            got = derived(old, new, ("plans", pid))
            if got is not None:
                assert full is not None, f"line {i} {name}: derived a read of a text that does not read"
                same_read(got, full)
                derived_some += 1
    assert derived_some or len(lines) == 1  # the check above ran (a one-line plan moves its key)


# The start the small districts below share.
HEAD = """\
schedule: fyp14
units:
  drc: {name: 区发展改革委, type: drc}
plans:
"""
ANCHORED = (
    HEAD
    + """\
  a:
    name: A
    kind: master
    owner: drc
    milestones: &m
      framework: {done: 2020-01-02}
  b:
    name: B
    kind: master
    owner: drc
    milestones: *m
"""
)


def test_an_anchor_in_the_plan_makes_the_edit_read_the_whole_text() -> None:
    """Changing `a`'s anchored milestones changes `b`'s too: a's lines alone cannot tell."""
    yamlread._recent.clear()
    assert Doc.parse(ANCHORED, ("plans", "a")).scope == ()
    new = ANCHORED.replace("2020-01-02", "2020-01-03")
    assert derived(ANCHORED, new, ("plans", "a")) is None
    # the alias's plan cannot be read alone at all
    assert Doc.parse(ANCHORED, ("plans", "b")).scope == ()


FLOW = """\
schedule: fyp14
units: {drc: {name: 区发展改革委, type: drc}}
plans: {
  a: {name: A, kind: master, owner: drc},
  b: {name: B, kind: master, owner: drc}
}
"""


@pytest.mark.parametrize("pid", ["a", "b"])
def test_plans_written_as_one_flow_mapping_are_read_whole(pid: str) -> None:
    yamlread._recent.clear()
    assert Doc.parse(FLOW, ("plans", pid)).scope == ()
    assert derived(FLOW, FLOW.replace("name: A", "name: A2"), ("plans", pid)) is None


LAST = (
    HEAD
    + """\
  a:
    name: A
    kind: master
    owner: drc
    milestones:
      framework:
        note: |+
          kept

  # a comment of the next entry
cadence: {}
"""
)


def test_a_plan_before_a_top_level_key_ends_at_that_key() -> None:
    """The last plan's lines run to the next top-level key, its kept blank lines with them."""
    yamlread._recent.clear()
    doc = Doc.parse(LAST, ("plans", "a"))
    assert doc.scope == ("plans", "a")
    start, end = doc.pos.value_spans[("plans", "a", "milestones", "framework", "note")]
    assert LAST[start:end].startswith("|+")
    new = LAST.replace("          kept\n", "          kept\n          more\n")
    same_read(derived(LAST, new, ("plans", "a")) or ({}, yamlread.Positions()), whole(new))
    assert whole(new)[0]["plans"]["a"]["milestones"]["framework"]["note"] == "kept\nmore\n\n"


def test_an_edit_outside_the_plan_is_not_derived() -> None:
    yamlread._recent.clear()
    new = LAST.replace("name: 区发展改革委", "name: 区发改委")
    assert derived(LAST, new, ("plans", "a")) is None


def test_validation_reuses_only_the_models_of_untouched_entries(tmp_path: Path) -> None:
    """An edited plan is validated again, and its problems are those of a whole validation."""
    path = district.write(tmp_path)
    original, _ = load.load(path)
    assert original is not None
    text = path.read_bytes().decode("utf-8-sig")
    src = original.plans_src
    for new in (
        text.replace("done: 2020-06-03", "done: 2020-06-04"),
        text.replace("done: 2020-06-03", "done: 2020-02-30"),  # the plan no longer loads
    ):
        yamlread._recent.clear()
        yamlread.remember(src.text, False, src.data, src.positions)  # as an edit's read leaves it
        assert yamlscope.follow(text, new, ("plans", "edu-plan"))
        path.write_bytes(b"\xef\xbb\xbf" + new.encode("utf-8"))
        reused, reused_problems = load.load(path, like=original)
        yamlread._recent.clear()
        fresh, fresh_problems = load.load(path)
        assert reused is not None and fresh is not None
        assert reused.plans == fresh.plans
        assert reused.broken_plans == fresh.broken_plans
        assert reused_problems == fresh_problems
        assert reused.plans.plans["outline"] is original.plans.plans["outline"]  # not validated again


def _rule(severity: Severity, finding: Severity | None) -> Rule:
    def check(ctx: Context) -> list[Finding]:
        return [Finding(("plans",), Msg("x", "x"), severity=finding)]

    return Rule("PT999", "test", severity, Msg("x", "x"), "", check)


@pytest.mark.parametrize(
    ("rule", "finding", "shown"),
    [
        (Severity.ERROR, None, Severity.ERROR),
        (Severity.ERROR, Severity.WARNING, Severity.WARNING),  # where the scheme is loose
        (Severity.WARNING, None, Severity.WARNING),
        (Severity.WARNING, Severity.ERROR, Severity.WARNING),  # never raised: edits run ERROR_RULES only
    ],
)
def test_a_finding_lowers_its_rules_severity_but_never_raises_it(tmp_path: Path, rule, finding, shown) -> None:
    loaded, _ = load.load(district.write(tmp_path))
    assert loaded is not None
    (problem,) = rules.run(Context(loaded, TODAY), [_rule(rule, finding)])
    assert problem.severity is shown


def test_the_rules_an_edit_skips_find_no_error() -> None:
    assert {r.code for r in rules.RULES} - {r.code for r in rules.ERROR_RULES} == {
        r.code for r in rules.RULES if r.severity is Severity.WARNING
    }
    assert "PT301" not in {r.code for r in rules.ERROR_RULES}


TWO = (
    HEAD
    + """\
  a: {name: A, kind: master, owner: drc}
  b: {name: B, kind: master, owner: drc}
"""
)


def test_an_entry_added_after_its_neighbour_is_derived_but_not_a_duplicate() -> None:
    added = TWO.replace("  b:", "  c: {name: C, kind: master, owner: drc}\n  b:")
    same_read(derived(TWO, added, ("plans", "a")) or ({}, yamlread.Positions()), whole(added))
    assert list(whole(added)[0]["plans"]) == ["a", "c", "b"]  # type: ignore[index]
    twice = TWO.replace("  b:", "  b: {name: B2, kind: master, owner: drc}\n  b:")
    assert derived(TWO, twice, ("plans", "a")) is None  # `b` twice: the whole read reports it
    with pytest.raises(YamlError):
        whole(twice)
