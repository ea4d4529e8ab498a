"""Each edit command, byte for byte, on a file with CRLF endings, a BOM, comments,
odd indentation, quoted and CJK strings and a long line: only the intended lines change."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.edit import district
from tests.edit.district import LONG_NAME, TEXT, crlf_bom


def lines(data: bytes) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8")
    assert "\n" not in text.replace("\r\n", ""), "a bare LF crept in"
    return text.split("\r\n")


def differing(before: bytes, after: bytes) -> tuple[list[str], list[str]]:
    """(lines removed, lines added) between two versions."""
    a, b = lines(before), lines(after)
    removed: list[str] = []
    added: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag != "equal":
            removed += a[i1:i2]
            added += b[j1:j2]
    return removed, added


@pytest.fixture
def edit(cli, tmp_path: Path):
    """Run one edit command on a fresh copy; returns (bytes before, bytes after, stdout)."""

    def run(*args: str) -> tuple[bytes, bytes, str]:
        path = district.write(tmp_path)
        before = path.read_bytes()
        code, out, err = cli(*args, "--file", str(path), "--lang", "en")
        assert code == 0, err
        assert "Traceback" not in out + err
        return before, path.read_bytes(), out

    return run


def expect(before: bytes, after: bytes, changes: list[tuple[str, str]]) -> None:
    """`after` is the fixture with exactly these (old line -> new lines) replacements."""
    text = TEXT
    for old, new in changes:
        assert text.count(old + "\n") == 1, old
        text = text.replace(old + "\n", new + "\n")
    assert after == crlf_bom(text)
    # Only the intended lines differ: a kept line is not removed, an insertion adds only itself.
    want_removed: list[str] = []
    want_added: list[str] = []
    for old, new in changes:
        if new.startswith(old + "\n"):
            want_added += new.split("\n")[1:]
        else:
            want_removed.append(old)
            want_added += new.split("\n")
    assert differing(before, after) == (want_removed, want_added)


def test_done_fills_an_empty_flow_mapping_with_a_quoted_note(edit) -> None:
    before, after, out = edit("done", "edu-plan", "coordination", "--date", "2020-07-10", "--note", "衔接: 市教育规划")
    expect(
        before,
        after,
        [("         coordination:   {}", '         coordination:   {done: 2020-07-10, note: "衔接: 市教育规划"}')],
    )
    assert (
        out.startswith("plans.yaml: edu-plan/coordination done 2020-07-10")
        or "edu-plan/coordination done 2020-07-10" in out
    )


def test_done_adds_to_a_flow_mapping_on_a_long_line(edit) -> None:
    before, after, _ = edit("done", "long-plan", "start-approval", "--date", "2019-10-25")
    old = f"  long-plan: {{name: {LONG_NAME}, kind: special, tier: general, owner: edu, milestones: {{proposal: {{done: 2019-10-09}}}}}}"
    new = old.replace(
        "{proposal: {done: 2019-10-09}}", "{proposal: {done: 2019-10-09}, start-approval: {done: 2019-10-25}}"
    )
    expect(before, after, [(old, new)])


def test_done_inserts_a_key_line_in_a_block_mapping_at_its_odd_indentation(edit) -> None:
    before, after, _ = edit("done", "edu-plan", "first-draft", "--date", "2020-06-05", "--note", "补充#说明")
    expect(
        before,
        after,
        [
            ("             done: 2020-06-03", "             done: 2020-06-05"),
            ('             note: "疫情延误: 推迟 #3"', "             note: 补充#说明"),
        ],
    )


def test_reopen_removes_only_the_done_line(edit) -> None:
    before, after, _ = edit("reopen", "edu-plan", "first-draft")
    text = TEXT.replace("             done: 2020-06-03\n", "")
    assert after == crlf_bom(text)
    assert differing(before, after) == (["             done: 2020-06-03"], [])


def test_reopen_keeps_the_comment_of_a_flow_entry(edit) -> None:
    before, after, _ = edit("reopen", "town-plan", "first-draft")
    expect(before, after, [("      first-draft:   {done: 2020-08-20}   # 按期", "      first-draft:   {}   # 按期")])


def test_due_is_written_as_given(edit) -> None:
    before, after, out = edit("due", "edu-plan", "finished", "2020年9月中旬")
    expect(
        before,
        after,
        [("         finished:       {due: 2020年9月底}", "         finished:       {due: 2020年9月中旬}")],
    )
    assert "edu-plan/finished due 2020年9月中旬 (2020-09-20)" in out


def test_due_adds_a_milestone_in_the_schedules_order_aligned_with_its_neighbour(edit) -> None:
    before, after, _ = edit("due", "edu-plan", "argumentation", "2020-08")
    expect(
        before,
        after,
        [("         coordination:   {}", "         coordination:   {}\n         argumentation:  {due: 2020-08}")],
    )
    assert differing(before, after) == ([], ["         argumentation:  {due: 2020-08}"])


def test_note_replaces_a_double_quoted_scalar(edit) -> None:
    before, after, _ = edit("note", "edu-plan", "first-draft", "'引号' 与 \"双引号\": 见 #4")
    expect(
        before,
        after,
        [('             note: "疫情延误: 推迟 #3"', '             note: "\'引号\' 与 \\"双引号\\": 见 #4"')],
    )


def test_note_on_a_plan_without_milestones_adds_the_mapping(edit) -> None:
    before, after, _ = edit("note", "outline", "basic-ideas", "起草中")
    old = '  outline: {name: 区"十四五"规划纲要, kind: master, owner: drc}'
    expect(before, after, [(old, old[:-1] + ", milestones: {basic-ideas: {note: 起草中}}}")])


def test_add_plan_joins_its_kind_and_tier_and_lists_the_milestones(edit) -> None:
    before, after, out = edit(
        "add", "health-plan", "--kind", "special", "--owner", "edu", "--name", "卫生健康规划", "--tier", "general"
    )
    long_line = f"  long-plan: {{name: {LONG_NAME}, kind: special, tier: general, owner: edu, milestones: {{proposal: {{done: 2019-10-09}}}}}}"
    block = "\n".join(
        [
            long_line,
            "  health-plan:",
            "    name: 卫生健康规划",
            "    kind: special",
            "    tier: general",
            "    owner: edu",
            "    milestones:",
            "      proposal:       {}  # due 2019-10-10 (D4)",
            "      start-approval: {}  # due 2019-11-30",
            "      first-draft:    {}  # due 2020-05-31 (D10)",
            "      coordination:   {}  # due 2020-09-30",
            "      opinions:       {}  # due 2020-09-30",
            "      argumentation:  {}  # due 2020-09-30",
            "      finished:       {}  # due 2020-09-30 (D11)",
            "      gov-review:     {}  # due 2020-12-31 (D14)",
            "      issued:         {}  # due 2020-12-31",
            "      filed:          {}  # due 2020-12-31",
        ]
    )
    expect(before, after, [(long_line, block)])
    assert "plan health-plan added (special, edu)" in out


def test_add_unit_joins_its_type_aligned(edit) -> None:
    before, after, _ = edit("add-unit", "health", "--name", "区卫生健康委", "--type", "department")
    old = "  edu:      {name: 区教育局, type: department}"
    expect(before, after, [(old, old + "\n  health:   {name: 区卫生健康委, type: department}")])
