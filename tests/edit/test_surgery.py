"""The text edits on small inline documents: the shapes the district fixture does not have."""

from __future__ import annotations

import pytest

from plantrack.edit.surgery import Doc, Noted, apply, remove_key, set_key


def edit(text: str, how: str, path: tuple[str, ...], key: str, value: object = None, **kw: str) -> str:
    doc = Doc.parse(text)
    edits = remove_key(doc, path, key) if how == "remove" else set_key(doc, path, key, value, **kw)  # type: ignore[arg-type]
    return apply(text, edits)


@pytest.mark.parametrize(
    ("text", "how", "path", "key", "value", "expected"),
    [
        # The last key of a block mapping goes: the mapping says `{}`, its comments stay.
        (
            "m:\n  a:   # why\n    done: 1  # when\n  b: 2\n",
            "remove",
            ("m", "a"),
            "done",
            None,
            "m:\n  a: {}   # why\n    # when\n  b: 2\n",
        ),
        # A block scalar is replaced up to its line break; the blank line after it stays.
        ("a:\n  note: |\n    two\n    lines\n\n  b: 1\n", "set", ("a",), "note", "one", "a:\n  note: one\n\n  b: 1\n"),
        # A null value (`key:` or `key: ~`) becomes the value.
        ("a:\n  x:\n  y: 1\n", "set", ("a",), "x", "v", "a:\n  x: v\n  y: 1\n"),
        ("a:\n  x: ~  # c\n", "set", ("a", "x"), "done", "d", "a:\n  x: {done: d}  # c\n"),
        ("a:\n  x:  # c\n", "set", ("a", "x"), "done", "d", "a:\n  x: {done: d}  # c\n"),
        # Flow mappings: first, middle and last entries removed; an empty one filled.
        ("a: {x: 1, y: 2, z: 3}\n", "remove", ("a",), "x", None, "a: {y: 2, z: 3}\n"),
        ("a: {x: 1, y: 2, z: 3}\n", "remove", ("a",), "y", None, "a: {x: 1, z: 3}\n"),
        ("a: {x: 1, y: 2, z: 3}\n", "remove", ("a",), "z", None, "a: {x: 1, y: 2}\n"),
        ("a: { x: 1 }\n", "remove", ("a",), "x", None, "a: {}\n"),
        ("a: {}\n", "set", ("a",), "x", "one", "a: {x: one}\n"),
        ("a: {}\n", "set", ("a",), "x", "1", 'a: {x: "1"}\n'),  # text that reads as a number is quoted
        # A key at the end of a file without a final line break.
        ("a:\n  x: 1", "set", ("a",), "w", "two", "a:\n  x: 1\n  w: two\n"),
        # A multi-line flow mapping keeps its shape; the new entry follows the last one.
        ("a: {x: 1,\n    y: 2}  # c\n", "set", ("a",), "z", "three", "a: {x: 1,\n    y: 2, z: three}  # c\n"),
        # A nested block under a null key, at the file's indentation step (4 here).
        (
            "top:\n    k: 1\nplans:\n",
            "set",
            ("plans",),
            "p",
            {"name": "名", "milestones": {"m": {}}},
            "top:\n    k: 1\nplans:\n    p:\n        name: 名\n        milestones:\n            m: {}\n",
        ),
    ],
)
def test_edit_shapes(text: str, how: str, path: tuple[str, ...], key: str, value: object, expected: str) -> None:
    assert edit(text, how, path, key, value) == expected


def test_order_after_and_before() -> None:
    text = "m:\n  b:   {x: 1}\n  d:   {x: 2}\n"
    assert edit(text, "set", ("m",), "c", {"x": "v"}, after="b") == "m:\n  b:   {x: 1}\n  c:   {x: v}\n  d:   {x: 2}\n"
    assert edit(text, "set", ("m",), "a", {"x": "v"}, before="b") == "m:\n  a:   {x: v}\n  b:   {x: 1}\n  d:   {x: 2}\n"
    flow = "m: {b: 1, d: 2}\n"
    assert edit(flow, "set", ("m",), "a", "v", before="b") == "m: {a: v, b: 1, d: 2}\n"
    assert edit(flow, "set", ("m",), "c", "v", after="b") == "m: {b: 1, c: v, d: 2}\n"


def test_a_plan_joins_with_a_blank_line_where_plans_are_set_apart() -> None:
    text = "plans:\n  a:\n    name: x\n\n  b:\n    name: y\n"
    plan = {"name": "z", "milestones": {"m1": Noted({}, "# first"), "long-id": Noted({}, "# second")}}
    assert edit(text, "set", ("plans",), "c", plan, after="a") == (
        "plans:\n  a:\n    name: x\n\n  c:\n    name: z\n    milestones:\n"
        "      m1:      {}  # first\n      long-id: {}  # second\n\n  b:\n    name: y\n"
    )
