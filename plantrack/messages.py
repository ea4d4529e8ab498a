"""Bilingual messages for pydantic's validation errors, and where each one points."""

from __future__ import annotations

import types
import typing
from typing import Any, NamedTuple

from pydantic import BaseModel

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
    "dict_type": ("a mapping (key: value)", "映射（键: 值）"),
    "model_type": ("a mapping (key: value)", "映射（键: 值）"),
    "model_attributes_type": ("a mapping (key: value)", "映射（键: 值）"),
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
    return Msg(f"expected {en}, got {got}", f"应为{zh}，实际为 {got}")


def bad_date(err: dict[str, Any]) -> Msg:
    ctx = err.get("ctx", {})
    return Msg(f"invalid date: {ctx.get('reason', err['msg'])}", f"日期无效：{ctx.get('zh', err['msg'])}")


def bad_choice(err: dict[str, Any]) -> Msg:
    expected = str(err.get("ctx", {}).get("expected", ""))
    options = [o.strip().strip("'") for o in expected.replace(" or ", ", ").split(",") if o.strip()]
    value = err.get("input")
    hint = did_you_mean(value, options)
    return Msg(
        f"{_shown(value)} is not one of {', '.join(options)}{hint.en}",
        f"{_shown(value)} 不是可选值（{', '.join(options)}）{hint.zh}",
    )


class Finding(NamedTuple):
    """What one validation error reports: its code, the path it points at, and why."""

    code: str
    loc: tuple[Any, ...]
    msg: Msg
    key: bool = False  # point at the key rather than its value


def validation(err: Any, model: type[BaseModel]) -> Finding:
    """One of pydantic's errors (from `e.errors()`) as a finding of plantrack's."""
    loc = tuple(err["loc"])
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _fields_at(model, loc[:-1])
        hint = did_you_mean(loc[-1], known)
        return Finding(
            "PT101",
            loc,
            Msg(
                f"unknown key {loc[-1]!r}: expected one of {', '.join(known)}{hint.en}",
                f"未知的键 {loc[-1]!r}：应为 {', '.join(known)} 之一{hint.zh}",
            ),
            key=True,
        )
    if kind == "date_format":
        return Finding("PT103", loc, bad_date(err))
    if kind == "duty_key":  # a duty record's key that is neither a field nor an occurrence (models.DutyRecords)
        ctx = err["ctx"]
        return Finding("PT101", (*loc, ctx["key"]), Msg(ctx["en"], ctx["zh"]), key=True)
    if kind in ("duty_form", "rrule_format"):
        ctx = err["ctx"]
        return Finding("PT102", loc, Msg(ctx.get("en") or ctx["reason"], ctx["zh"]))
    if kind in ("literal_error", "enum"):
        return Finding("PT105", loc, bad_choice(err))
    if kind == "missing":
        return Finding(
            "PT102", loc[:-1], Msg(f"missing required key {loc[-1]!r}", f"缺少必填的键 {loc[-1]!r}"), key=True
        )
    return Finding("PT102", loc, bad_type(err))


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """The keys a model allows at a location path (for "did you mean")."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if _is_model(tp):
            field = tp.model_fields.get(part) if isinstance(part, str) else None
            if field is None:
                return []
            tp = field.annotation
        elif typing.get_origin(tp) in (dict, list):
            tp = typing.get_args(tp)[-1]
        else:
            return []
    tp = _unwrap(tp)
    return list(tp.model_fields) if _is_model(tp) else []


def _unwrap(tp: Any) -> Any:
    """X | None -> X."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)
