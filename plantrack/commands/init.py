"""`plantrack init`: start a district's plans.yaml (and, with --git, its repository).

Writes plans.yaml (plantrack.init_template) and plans.schema.json (for the
editor line at its top), checks the result, and with --git runs `git init`
and makes a first commit. Never overwrites: an existing plans.yaml is exit 2.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from plantrack.commands.common import LangOpt, language
from plantrack.i18n import t

if TYPE_CHECKING:
    from plantrack.init_template import Member

# Lists are typed with whatever comma the input method gives: `,` `，` `、`.
_SEPARATORS = re.compile(r"[,，、;；]")


def init(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="[DIR]",
            help=t("Where to write plans.yaml (default: here).", "plans.yaml 所在目录（默认当前目录）。"),
        ),
    ] = Path("."),
    district: Annotated[
        str,
        typer.Option(
            "--district", metavar="NAME", help=t("The district's name, e.g. 青山区.", "本区名称，如 青山区。")
        ),
    ] = "",
    schedule: Annotated[
        str | None,
        typer.Option(
            "--schedule",
            metavar="NAME",
            help=t(
                "The schedule to follow: fyp14 (default) or fyp15, or one in ./schedules.",
                "遵循的工作方案：fyp14（默认）或 fyp15，或 ./schedules 中的方案。",
            ),
        ),
    ] = None,
    townships: Annotated[
        str,
        typer.Option(
            "--townships",
            metavar="LIST",
            help=t(
                "Townships: id=name pairs or names, comma-separated (chengguan=城关镇,新桥镇).",
                "乡镇：逗号分隔的 id=名称 或名称（chengguan=城关镇,新桥镇）。",
            ),
        ),
    ] = "",
    departments: Annotated[
        str,
        typer.Option(
            "--departments",
            metavar="LIST",
            help=t(
                "Departments, like --townships (edu=区教育局,…).", "区直部门，写法同 --townships（edu=区教育局,…）。"
            ),
        ),
    ] = "",
    git: Annotated[
        bool, typer.Option("--git", help=t("Also git init and make a first commit.", "同时执行 git init 并首次提交。"))
    ] = False,
    lang: LangOpt = None,
) -> int:
    """Start a district: write a plans.yaml that checks clean, ready to fill in."""
    from plantrack import discover, ids, init_template
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    code = language(lang)
    target = folder / discover.PLANS_FILE
    if folder.exists() and not folder.is_dir():
        raise PlantrackError(
            Msg(
                f"{folder} is a file, not a folder: name a folder for plans.yaml",
                f"{folder} 是文件而不是目录：请指定 plans.yaml 所在的目录",
            ),
            Exit.USAGE,
        )
    if target.exists():
        raise PlantrackError(
            Msg(
                f"{target} already exists: init never overwrites a district's record (edit it, or choose another DIR)",
                f"{target} 已存在：init 不会覆盖已有台账（请直接编辑，或换一个目录）",
            ),
            Exit.USAGE,
        )
    if (problem := ids.name_problem(district, Msg("district", "本区"))) is not None:
        raise PlantrackError(
            Msg(f"--district: {problem.en}: e.g. --district 青山区", f"--district：{problem.zh}，如 --district 青山区"),
            Exit.USAGE,
        )
    known = discover.known_schedules(target)
    name = schedule or discover.DEFAULT_SCHEDULE
    path = discover.find_schedule(target, name)
    if path is None:
        raise PlantrackError(
            Msg(
                f"--schedule: no schedule {name!r} (known: {', '.join(known) or 'none'})",
                f"--schedule：没有工作方案 {name!r}（可用：{'、'.join(known) or '无'}）",
            ),
            Exit.USAGE,
        )
    sched = load_schedule(path)
    depts = _members(departments, "dept", "--departments")
    towns = _members(townships, "town", "--townships")
    used = {"lg", "lg-office", "drc", "gov", "party", "congress", "city-drc", "finance"}
    for uid in [m.id for m in depts] + [i for m in towns for i in (m.id, f"{m.id}-npc")]:
        if uid in used:
            raise PlantrackError(
                Msg(
                    f"unit id {uid!r} is used twice: give another id (id=名称)",
                    f"单位编号 {uid!r} 重复：请另取编号（id=名称）",
                ),
                Exit.USAGE,
            )
        used.add(uid)
    text = init_template.render(district.strip(), name, sched, depts, towns)
    _write(folder, {target: text, folder / init_template.SCHEMA_FILE: _schema_text()})
    _self_check(target)
    print(
        t(
            f"wrote {target} ({district}, schedule {name}, {len(depts)} departments, {len(towns)} townships) and {init_template.SCHEMA_FILE}",
            f"已写入 {target}（{district}，工作方案 {name}，区直部门 {len(depts)} 个，乡镇 {len(towns)} 个）及 {init_template.SCHEMA_FILE}",
            code,
        )
    )
    if git:
        _git_first_commit(folder, district, code)
    print(t("next: plantrack check, then plantrack status", "下一步：plantrack check，然后 plantrack status", code))
    return 0


def _write(folder: Path, files: dict[Path, str]) -> None:
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    try:
        folder.mkdir(parents=True, exist_ok=True)
        for path, text in files.items():
            # plans.yaml "x": never over one that appeared meanwhile; the schema is ours to refresh.
            with path.open("x" if path.name == "plans.yaml" else "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    except OSError as e:
        raise PlantrackError(
            Msg(f"cannot write in {folder}: {e.strerror or e}", f"无法写入 {folder}：{e.strerror or e}"), Exit.CONFLICT
        ) from None


def _members(listing: str, prefix: str, option: str) -> list[Member]:
    """`edu=区教育局,health` → members; a Chinese name alone gets the id prefix-N."""
    from plantrack import ids
    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.init_template import Member
    from plantrack.problems import PlantrackError

    out = []
    for n, item in enumerate((i.strip() for i in _SEPARATORS.split(listing) if i.strip()), start=1):
        uid, sep, name = (p.strip() for p in item.replace("＝", "=").partition("="))
        if not sep:
            uid, name = (item, item) if ids.ID_GRAMMAR.fullmatch(item) else (ids.slug(item) or f"{prefix}-{n}", item)
        what = Msg("unit", "单位")
        problem = ids.id_problem(uid, what) or ids.name_problem(name, what)
        if problem:
            raise PlantrackError(Msg(f"{option}: {problem.en}", f"{option}：{problem.zh}"), Exit.USAGE)
        out.append(Member(uid, name))
    return out


def load_schedule(path: Path):  # type: ignore[no-untyped-def]
    """A schedule file, validated; a broken one is one located line (exit 2)."""
    from plantrack import load, source
    from plantrack.i18n import Msg
    from plantrack.models import Schedule
    from plantrack.problems import PlantrackError

    src, problems = source.read_source(path)
    schedule, more = (None, []) if problems else load.validate(Schedule, src)
    if schedule is None:
        first = min(problems + more)
        where = f"{first.file}:{first.line}:{first.column}: {first.code}"
        raise PlantrackError(Msg(f"{where} {first.msg.en}", f"{where} {first.msg.zh}"))
    return schedule


def _schema_text() -> str:
    import json

    from plantrack.schema import plans_schema

    return json.dumps(plans_schema(), ensure_ascii=False, indent=2) + "\n"


def _self_check(target: Path) -> None:
    """What init wrote loads and has no errors; anything else is a plantrack bug."""
    from datetime import date

    from plantrack import load, rules
    from plantrack.problems import Severity

    loaded, problems = load.load(target)
    if loaded is not None:
        problems += rules.run(rules.Context(loaded, date.today()))
    errors = [p for p in problems if p.severity is Severity.ERROR]
    if errors:
        raise RuntimeError(f"init wrote a file with errors: {errors[0]}")


def _git_first_commit(folder: Path, district: str, lang: str) -> None:
    import subprocess

    from plantrack.exitcodes import Exit
    from plantrack.i18n import Msg
    from plantrack.init_template import SCHEMA_FILE
    from plantrack.problems import PlantrackError

    steps = [
        ["git", "init", "-q"],
        ["git", "add", "plans.yaml", SCHEMA_FILE],
        ["git", "commit", "-q", "-m", f"init: {district} plans.yaml"],
    ]
    for step in steps:
        try:
            subprocess.run(step, cwd=folder, check=True, capture_output=True, text=True)
        except FileNotFoundError:
            raise PlantrackError(
                Msg(
                    "plans.yaml written; git is not installed, so no repository was made",
                    "plans.yaml 已写入；未安装 git，未建立仓库",
                ),
                Exit.NO_GIT,
            ) from None
        except subprocess.CalledProcessError as e:
            said = (e.stderr or e.stdout or "").strip().splitlines()
            last = said[-1] if said else f"exit {e.returncode}"
            raise PlantrackError(
                Msg(
                    f"plans.yaml written; `{' '.join(step[:2])}` failed: {last}",
                    f"plans.yaml 已写入；`{' '.join(step[:2])}` 失败：{last}",
                ),
                Exit.GIT_FAILED,
            ) from None
    print(t("git repository made, first commit done", "已建立 git 仓库并完成首次提交", lang))
