"""Bilingual messages for pydantic's validation errors."""

from __future__ import annotations

from typing import Any

from plantrack.i18n import Msg
from plantrack.suggest import did_you_mean

# pydantic's error type -> what was expected, in both languages.
_EXPECTED: dict[str, tuple[str, str]] = {
    "string_type": ("text", "文本"),
    "int_type": ("a whole number", "整数"),
    "int_parsing": ("a whole number", "整数"),
    "float_type": ("a number", "数字"),
    "float_parsing": ("a number", "数字"),
    "bool_type": ("true or false", "true 或 false"),
    "bool_parsing": ("true or false", "true 或 false"),
    "dict_type": ("a mapping (key: value)", "映射(键: 值)"),
    "model_type": ("a mapping (key: value)", "映射(键: 值)"),
    "model_attributes_type": ("a mapping (key: value)", "映射(键: 值)"),
    "list_type": ("a list", "列表"),
    "greater_than_equal": ("a number not below zero", "不小于零的数"),
    "string_pattern_mismatch": ("a deadline reference like D11", "形如 D11 的时限编号"),
}


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def bad_type(err: dict[str, Any]) -> Msg:
    en, zh = _EXPECTED.get(err["type"], (err["msg"], err["msg"]))
    got = _shown(err.get("input"))
    return Msg(f"expected {en}, got {got}", f"应为{zh},实际为 {got}")


def bad_date(err: dict[str, Any]) -> Msg:
    ctx = err.get("ctx", {})
    return Msg(f"invalid date: {ctx.get('reason', err['msg'])}", f"日期无效:{ctx.get('zh', err['msg'])}")


def bad_choice(err: dict[str, Any]) -> Msg:
    expected = str(err.get("ctx", {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    value = err.get("input")
    hint = did_you_mean(value, options)
    return Msg(
        f"{_shown(value)} is not one of {', '.join(options)}{hint.en}",
        f"{_shown(value)} 不是可选值({', '.join(options)}){hint.zh}",
    )
