"""Problems the loader reports while reading (PT0xx: the file cannot be read; PT10x: its shape)."""

from __future__ import annotations

from plantrack.rules.base import loader_rule

SYNTAX = loader_rule(
    "PT001",
    "yaml-syntax",
    "The file is not valid YAML",
    "文件不是有效的 YAML",
    """
    What it does: reports where YAML parsing stopped (a tab used for indentation,
    an unclosed bracket or quote, a bad indent), and full-width punctuation a
    Chinese input method typed where YAML needs its own: `owner：edu`,
    `{done：2020-09-08}`, `[edu，drc]`, an indent of U+3000 spaces; it names
    the character and the half-width one to type. A `：` inside a note is data.
    Why: nothing else can be checked until the file reads.
    Example (fails): `plans: {edu-plan: {name: x}` (the flow mapping is not closed).
""",
)
DUPLICATE_KEY = loader_rule(
    "PT002",
    "duplicate-key",
    "A key appears twice in one mapping",
    "同一映射中键重复",
    """
    What it does: reports the second occurrence of a key, naming the line of the first.
    Why: ids are mapping keys (docs/format.md), so a duplicate key is a duplicate id,
    and YAML readers would silently keep only one of them.
    Example (fails): two `edu-plan:` entries under `plans:`.
""",
)
ALIAS_BOMB = loader_rule(
    "PT003",
    "alias-bomb",
    "Aliases expand the document far beyond its size",
    "别名展开后数据量远超文件",
    """
    What it does: refuses a document whose aliases (`*name`) would build more values
    than the file has characters (plus a small allowance).
    Why: "billion laughs" documents exhaust memory; plans files never need that.
    Example (fails): `a: &a [x, x]`, `b: &b [*a, *a]`, … nested ten levels.
""",
)
ENCODING = loader_rule(
    "PT004",
    "encoding",
    "The file is not UTF-8 text",
    "文件不是 UTF-8 文本",
    """
    What it does: reports the first byte that is not UTF-8, or binary data (NUL bytes).
    A UTF-8 BOM and UTF-16 files with a BOM are read.
    Why: a file saved as GBK would otherwise show garbled names.
    Example (fails): a plans.yaml saved as GBK from an old editor.
""",
)
NOT_A_MAPPING = loader_rule(
    "PT005",
    "not-a-mapping",
    "The document is empty or not a mapping",
    "文档为空或不是映射",
    """
    What it does: reports an empty file, a file of comments only, or a document that
    is a list or a bare value.
    Why: plans.yaml is a mapping with the keys schedule, units and plans.
    Example (fails): a file whose only line is `- edu-plan`.
""",
)
SCHEDULE_MISSING = loader_rule(
    "PT006",
    "schedule-missing",
    "The schedule the file names does not exist",
    "找不到文件指定的工作方案",
    """
    What it does: looks for `schedules/<name>.yaml` beside plans.yaml, then in each
    parent folder, and reports the `schedule:` value when none is found, with a
    "did you mean" among the schedules that exist.
    Why: deadlines and milestones come from the schedule.
    Example (fails): `schedule: fyp41` when only schedules/fyp14.yaml exists.
""",
)
UNSUPPORTED = loader_rule(
    "PT007",
    "unsupported-yaml",
    "A YAML feature plantrack does not read",
    "不支持的 YAML 写法",
    """
    What it does: refuses custom tags (`!!python/object`), merge keys (`<<`), keys that
    are mappings or lists, and nesting deeper than 64 levels.
    Why: they make files that differ from what a reader sees, or that crash parsers.
    Example (fails): `owner: !!python/object:os.system edu`.
""",
)
UNKNOWN_KEY = loader_rule(
    "PT101",
    "unknown-key",
    "A key the format does not define",
    "格式未定义的键",
    """
    What it does: reports a key that is not part of docs/format.md at that place, with a
    "did you mean" among the keys allowed there.
    Why: a typo (`owenr:`) would otherwise drop the fact silently.
    Example (fails): `owenr: edu` in a plan. Passes: `owner: edu`.
""",
)
WRONG_TYPE = loader_rule(
    "PT102",
    "wrong-type",
    "A value of the wrong type, or a required key missing",
    "值类型错误或缺少必填键",
    """
    What it does: reports a value that is not what the format expects (text, a
    mapping, a list, a number) and a required key that is missing (a plan's name,
    kind and owner; a unit's name and type).
    Why: every view and rule relies on these facts.
    Example (fails): `name: [区教育规划]`. Passes: `name: 区教育规划`.
""",
)
BAD_DATE = loader_rule(
    "PT103",
    "bad-date",
    "A date that does not parse or does not exist",
    "日期无法识别或不存在",
    """
    What it does: parses `done` as an exact date and `due` in docs/format.md's forms
    (2020-08-31, 2020-08, 2020年8月底, 2020年10月上旬, 2020年底, end of 2020-08,
    early 2020-10), and reports an impossible day such as 2020-02-30 at its value.
    Why: a date that means nothing cannot be tracked.
    Example (fails): `done: 2020-02-30`. Passes: `due: 2020年8月底`.
""",
)
BAD_CHOICE = loader_rule(
    "PT105",
    "unknown-choice",
    "A kind, tier or unit type the format does not know",
    "未知的规划类别、层级或单位类型",
    """
    What it does: reports a plan kind, tier, unit type or commission method that is
    not one of the allowed words, with a "did you mean".
    Why: kinds decide which milestones and deadlines apply (docs/scheme.md).
    Example (fails): `kind: speical`. Passes: `kind: special`.
""",
)

LOADER_RULES = (
    SYNTAX,
    DUPLICATE_KEY,
    ALIAS_BOMB,
    ENCODING,
    NOT_A_MAPPING,
    SCHEDULE_MISSING,
    UNSUPPORTED,
    UNKNOWN_KEY,
    WRONG_TYPE,
    BAD_DATE,
    BAD_CHOICE,
)
