"""Take a user's word for a kind, unit, unit type, tier, plan or milestone.

People type what the tables show them: the id (`edu`), the Chinese label
(`乡镇`, `课题`, `部门`, `专项`), the full name (`区教育局`, `完成规划`) or a
part of a name that only one of them has (`教育局`). Each is accepted; a word
that fits none, or several, is a PlantrackError (exit 2) that lists the valid
values and, for a near miss, a "did you mean". Pure: no I/O.

The views' filters use `filter_ids` (repeated `--kind`/`--unit` combine: any
of them matches).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from plantrack.exitcodes import Exit
from plantrack.i18n import Msg
from plantrack.problems import PlantrackError
from plantrack.suggest import closest

_SHOWN = 24  # valid values listed in a message; a big district has hundreds of units


@dataclass(frozen=True)
class Choice:
    """One valid value: its id, the words that name it exactly, and the names a part of which may stand for it."""

    id: str
    words: tuple[str, ...] = ()
    names: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        """How a list of valid values shows it: `edu (区教育局)`, in Chinese `edu（区教育局）`."""
        extra = next((w for w in (*self.names, *self.words) if w != self.id), None)
        if not extra:
            return self.id
        return f"{self.id}（{extra}）" if lang == "zh" else f"{self.id} ({extra})"


def resolve(word: str, choices: Iterable[Choice], what: Msg, where: str = "") -> str:
    """The id `word` stands for, or a PlantrackError saying why none or which several."""
    options = list(choices)
    text = word.strip()
    for step in (_by_id, _by_word, _by_part):
        found = step(text, options)
        if len(found) == 1:
            return found[0].id
        if len(found) > 1:
            raise _ambiguous(word, found, what, where)
    raise _unknown(word, options, what, where)


def filter_ids(words: Iterable[str], choices: Iterable[Choice], what: Msg, where: str = "") -> set[str]:
    """The ids a repeated filter names (`--unit edu --unit 卫健`): each word resolved, all of them kept."""
    options = list(choices)
    return {resolve(w, options, what, where) for w in words}


def kinds_named(words: Iterable[str], kinds: Mapping[Any, Any] | None = None) -> set[str]:
    """The plan kinds of a repeated `--kind` (`--kind 专项 --kind 区域`): for the views' filters."""
    return filter_ids(words, kind_choices(kinds), KIND, "--kind")


def units_named(words: Iterable[str], units: Mapping[str, Any]) -> set[str]:
    """The units of a repeated `--unit` (`--unit edu --unit 区卫健委`): for the views' filters."""
    return filter_ids(words, unit_choices(units), UNIT, "--unit")


def _by_id(text: str, options: list[Choice]) -> list[Choice]:
    return [c for c in options if c.id == text]


def _by_word(text: str, options: list[Choice]) -> list[Choice]:
    folded = text.casefold()
    return [c for c in options if any(w.casefold() == folded for w in (c.id, *c.words, *c.names))]


def _by_part(text: str, options: list[Choice]) -> list[Choice]:
    if len(text) < 2:  # one letter is part of almost everything
        return []
    folded = text.casefold()
    return [c for c in options if any(folded in n.casefold() for n in (*c.names, *c.words))]


def _prefix(where: str) -> Msg:
    return Msg(f"{where}: ", f"{where}：") if where else Msg("", "")


def _listing(options: list[Choice]) -> Msg:
    more = len(options) - _SHOWN
    en = ", ".join(c.label("en") for c in options[:_SHOWN]) + (f", … (+{more})" if more > 0 else "")
    zh = "、".join(c.label("zh") for c in options[:_SHOWN]) + (f"……（另有 {more} 个）" if more > 0 else "")
    return Msg(en, zh)


def _ambiguous(word: str, found: list[Choice], what: Msg, where: str) -> PlantrackError:
    p = _prefix(where)
    listed = _listing(found)
    return PlantrackError(
        Msg(
            f"{p.en}{word!r} fits more than one {what.en.removesuffix(' named')}: {listed.en}; type the id or more of the name",
            f"{p.zh}{word!r} 可指多个{what.zh}：{listed.zh}；请输入 id 或更完整的名称",
        ),
        Exit.USAGE,
    )


def _unknown(word: str, options: list[Choice], what: Msg, where: str) -> PlantrackError:
    p = _prefix(where)
    by_word = {w: c.id for c in options for w in (*c.words, *c.names, c.id)}
    near = closest(word.strip(), by_word)
    hint = Msg(f"; did you mean {by_word[near]!r}?", f"；是否想写 {by_word[near]!r}？") if near else Msg("", "")
    if not options:
        return PlantrackError(
            Msg(f"{p.en}no {what.en} {word!r}: there are none yet", f"{p.zh}没有{what.zh} {word!r}：目前一个也没有"),
            Exit.USAGE,
        )
    listed = _listing(options)
    return PlantrackError(
        Msg(
            f"{p.en}no {what.en} {word!r}{hint.en} (valid: {listed.en})",
            f"{p.zh}没有{what.zh} {word!r}{hint.zh}（可用的有：{listed.zh}）",
        ),
        Exit.USAGE,
    )


# --- the choices of each option -------------------------------------------------------------


def kind_choices(kinds: Mapping[Any, Any] | None = None) -> list[Choice]:
    """Plan kinds: `special`, 专项规划, 专项, and the schedule's own name for the kind."""
    from plantrack.vocab import KIND_LABELS, KIND_SHORT, PLAN_KINDS

    out = []
    for k in PLAN_KINDS:
        spec = kinds.get(k) if kinds else None
        names = (KIND_LABELS[k].zh, *((spec.name,) if spec is not None else ()))
        out.append(Choice(k, (KIND_LABELS[k].en, KIND_SHORT[k].en, KIND_SHORT[k].zh), names))
    return out


def unit_type_choices() -> list[Choice]:
    from plantrack.vocab import UNIT_TYPE_LABELS, UNIT_TYPES

    return [Choice(t, (UNIT_TYPE_LABELS[t].en,), (UNIT_TYPE_LABELS[t].zh,)) for t in UNIT_TYPES]


def tier_choices() -> list[Choice]:
    from plantrack.vocab import TIER_LABELS

    return [Choice(t, (m.en, m.zh, f"{m.zh}专项", f"{m.zh}专项规划")) for t, m in TIER_LABELS.items()]


def named_choices(entries: Mapping[str, Any]) -> list[Choice]:
    """Units, plans or a kind's milestones: anything with an id and a `name`."""
    out = []
    for key, value in entries.items():
        name = value.get("name") if isinstance(value, dict) else getattr(value, "name", None)
        out.append(Choice(str(key), (), (name,) if isinstance(name, str) and name else ()))
    return out


# What people call the one unit of a type: `--to 区政府` means the district government
# whatever its full name (青山区人民政府). Used only while that type has one unit.
SHORT_NAMES: dict[str, tuple[str, ...]] = {
    "government": ("区政府", "政府"),
    "party-committee": ("区委",),
    "drc": ("区发改委", "发改委", "区发展改革委", "发展改革委"),
    "congress": ("区人大常委会", "人大常委会", "区人大"),
    "city-drc": ("市发改委", "市发展改革委"),
    "leading-group": ("领导小组",),
    "office": ("领导小组办公室", "办公室"),
}


def unit_choices(units: Mapping[str, Any]) -> list[Choice]:
    """Units by id, name, part of a name, and the short name of a type that has only this unit."""
    choices = named_choices(units)
    types = [u.get("type") if isinstance(u, dict) else getattr(u, "type", None) for u in units.values()]
    out = []
    for choice, utype in zip(choices, types, strict=True):
        alone = isinstance(utype, str) and types.count(utype) == 1
        out.append(Choice(choice.id, SHORT_NAMES.get(utype, ()) if alone else (), choice.names))  # type: ignore[arg-type]
    return out


# The nouns of the messages.
KIND = Msg("plan kind", "规划类别")
UNIT = Msg("unit", "单位")
UNIT_TYPE = Msg("unit type", "单位类型")
TIER = Msg("tier", "专项规划层级")
PLAN = Msg("plan", "规划")
MILESTONE = Msg("milestone", "节点")
