"""The vocabulary is one list each, and every label table covers its list."""

from __future__ import annotations

from plantrack import vocab
from plantrack.state import State


def test_every_kind_unit_type_tier_and_state_has_its_labels() -> None:
    assert set(vocab.KIND_LABELS) == set(vocab.KIND_SHORT) == set(vocab.PLAN_KINDS)
    assert set(vocab.TIER_LABELS) == set(vocab.TIERS)
    assert set(vocab.UNIT_TYPE_LABELS) == set(vocab.UNIT_TYPES)
    assert set(vocab.UNIT_TYPE_NAMES) == {*vocab.UNIT_TYPES, "owner"}
    assert set(vocab.STATES) == set(State)


def test_unit_type_names_read_as_chinese_in_zh() -> None:
    assert vocab.type_name("township-congress", "zh") == "乡镇人代会"
    assert vocab.types_text(["government", "drc"], "zh") == "区发展改革委或区政府"
    assert vocab.all_types_text(["government", "party-committee"], "zh") == "区委和区政府"
