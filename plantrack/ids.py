"""What an id and a name may be: the grammar every new plan and unit id follows.

Ids are lowercase ASCII letters, digits and `-` (`edu`, `edu-plan`,
`town-3`): they are typed on the command line without switching the input
method, appear in commit messages, file names and JSON, and never need
quoting in YAML. Chinese belongs in `name`. Pure: returns a message or None.
"""

from __future__ import annotations

import re

from plantrack.i18n import Msg

ID_GRAMMAR = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")
ID_RULE = Msg(
    "lowercase letters a-z, digits and '-', starting and ending with a letter or digit, e.g. 'edu-plan'",
    "只能用小写字母 a-z、数字和 '-'，首尾须为字母或数字，如 'edu-plan'；中文写在 name 中",
)


def id_problem(value: str, what: Msg) -> Msg | None:
    """Why `value` is not a usable id for `what` (plan, unit), or None."""
    if ID_GRAMMAR.fullmatch(value):
        return None
    suggestion = slug(value)
    hint = Msg(f"; try {suggestion!r}", f"；可改为 {suggestion!r}") if suggestion else Msg("", "")
    return Msg(
        f"{value!r} is not a usable {what.en} id: {ID_RULE.en}{hint.en}",
        f"{value!r} 不能用作{what.zh} id：{ID_RULE.zh}{hint.zh}",
    )


def name_problem(value: str, what: Msg) -> Msg | None:
    """A name must say something: not empty, not only spaces."""
    if value.strip():
        return None
    return Msg(f"the {what.en}'s name is empty", f"{what.zh}名称为空")


def slug(value: str) -> str:
    """The nearest valid id to `value`, or "" (a name of Chinese characters has none)."""
    text = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
    return text if ID_GRAMMAR.fullmatch(text) else ""
