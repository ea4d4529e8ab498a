"""Values are written so they read back exactly; history's fast reader agrees with the whole-file reader."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plantrack import yamlread
from plantrack.edit.scalars import scalar
from plantrack.history.facts import FactReader, plan_facts
from tests.conftest import DISTRICT
from tests.edit import district


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=30))
def test_any_text_reads_back_in_block_and_flow(value: str) -> None:
    written = scalar(value)
    for doc in (f"k: {written}\n", f"k: {{n: {written}}}\n", f"k:\n  - {written}\n"):
        data, _ = yamlread.read(doc)
        got = (
            data["k"]["n"]
            if isinstance(data["k"], dict)
            else data["k"][0]
            if isinstance(data["k"], list)
            else data["k"]
        )
        assert got == value


def test_plain_where_safe_quoted_where_not() -> None:
    assert [scalar(v) for v in ("疫情延误", "2020-06-03", "2020年8月底", "end of 2020-08", "a-b c")] == [
        "疫情延误", "2020-06-03", "2020年8月底", "end of 2020-08", "a-b c",
    ]  # fmt: skip
    assert [scalar(v) for v in ("a: b", "#1", "x #y", "'q", "yes", "no", "12", "", " x", "a,b", "行\n二")] == [
        '"a: b"', '"#1"', '"x #y"', "\"'q\"", '"yes"', '"no"', '"12"', '""', '" x"', '"a,b"', '"行\\n二"',
    ]  # fmt: skip


def whole(text: str) -> dict[str, object] | None:
    try:
        data, _ = yamlread.read(text)
    except yamlread.YamlError:
        return None
    return {k: plan_facts(v) for k, v in (data.get("plans") or {}).items()}


def test_fact_reader_matches_the_whole_file_reader() -> None:
    texts = [
        (DISTRICT).read_text(encoding="utf-8"),
        district.TEXT,
        district.TEXT.replace("\n", "\r\n"),
        # Shapes the entry cutter must hand back to the whole-file reader:
        "schedule: fyp14\nplans: {a: {name: x, kind: special, owner: edu}}\n",
        "plans:\n  a: &m\n    name: x\n  b: *m\n",
        'plans:\n  a:\n    name: "two\n  b: lines"\n',
        "plans:\n    a: {name: x}\n  b: {name: y}\n",  # not YAML at all: no facts
    ]
    reader = FactReader()
    for text in texts:
        assert reader.facts(text) == whole(text), text[:60]
    assert reader.facts("plans: [unclosed\n") is None
    assert whole(texts[-1]) is None
