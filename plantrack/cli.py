"""The command line: a Typer app whose commands live one per module.

Heavy imports (pydantic, ruamel, rich, git) happen inside the commands, so
`plantrack --help` pays only for Typer. Every user-facing failure is a
PlantrackError, turned into one line and an exit code here, in one place.
"""

from __future__ import annotations

import contextlib
import os
import sys

import typer

# pydantic scans every installed distribution for plugins (importlib.metadata,
# email, zipfile) the first time a model is built; plantrack uses none. Its
# documented switch, unless the user set it.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from plantrack import __version__
from plantrack.commands.common import LangOpt
from plantrack.i18n import t

app = typer.Typer(
    name="plantrack",
    help=t(
        "Track a five-year plan's compilation against its work scheme, in plain YAML under git.",
        "按工作方案跟踪五年规划编制进度：数据为纳入 git 管理的 YAML 文件。",
    ),
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
# Each command's module and function, in the order --help lists them. Only the
# command being run is imported and built (typer builds every registered
# command's options on each run): `main` registers them, see `_register`.
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "init"),
    "check": ("check", "check"),
    "rules": ("rules_cmd", "rules"),
    "done": ("edit", "done"),
    "reopen": ("edit", "reopen"),
    "due": ("edit", "due"),
    "extend": ("edit", "extend"),
    "note": ("edit", "note"),
    "add": ("edit", "add"),
    "add-unit": ("edit", "add_unit"),
    "history": ("history", "history"),
    "changes": ("changes", "changes"),
    "status": ("status", "status"),
    "overdue": ("overdue", "overdue"),
    "units": ("units", "units"),
    "timeline": ("timeline", "timeline"),
    "report": ("report", "report"),
    "schema": ("schema", "schema"),
    "notice": ("notice", "notice"),
    "digest": ("digest", "digest"),
    "calendar": ("calendar", "calendar"),
}
_registered: set[str] = set()
# The click command typer builds from `app`, kept for the next in-process call
# (tests, the fuzz run): building it took ~0.1 s a call. Keyed by the registered
# commands, so `_register` adding one builds afresh; the language is set on it
# by `clizh.prepare` on every call.
_built: tuple[tuple[object, ...], object] | None = None


def _register(argv: list[str] | None) -> None:
    """Register the command argv runs, or every command when it names none known
    (help, a typo's "did you mean", shell completion)."""
    import importlib

    name = _command_arg(sys.argv[1:] if argv is None else argv)
    completing = any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ)
    names = [name] if name in COMMANDS and not completing else list(COMMANDS)
    if len(names) > 1 and _registered != set(COMMANDS):  # in --help's order: start afresh
        app.registered_commands.clear()
        _registered.clear()
    for n in names:
        if n not in _registered:
            module, attr = COMMANDS[n]
            func = getattr(importlib.import_module(f"plantrack.commands.{module}"), attr)
            app.command(n)(func)
            _registered.add(n)


def _command():  # type: ignore[no-untyped-def]
    """The click command for `app` as registered now: built once, then reused."""
    global _built
    key = tuple(app.registered_commands)  # CommandInfo compares by identity; held, so never reused
    if _built is None or _built[0] != key:
        _built = (key, typer.main.get_command(app))
    return _built[1]


def _version(value: bool) -> None:
    if value:
        print(f"plantrack {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help=t("Show the version and exit.", "显示版本号并退出。")
    ),
    lang: LangOpt = None,
    no_cache: bool = typer.Option(
        False,
        "--no-cache",
        help=t(
            "Neither read nor write plantrack's cache (as PLANTRACK_NO_CACHE=1).",
            "不读取也不写入 plantrack 的缓存（同 PLANTRACK_NO_CACHE=1）。",
        ),
    ),
) -> None:
    # `plantrack --lang zh status`: as if PLANTRACK_LANG were set; main() restores it.
    if lang is not None:
        os.environ["PLANTRACK_LANG"] = lang.value
    if no_cache:
        os.environ["PLANTRACK_NO_CACHE"] = "1"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code instead of raising."""
    from plantrack import clizh
    from plantrack.exitcodes import Exit
    from plantrack.i18n import detect
    from plantrack.problems import PlantrackError

    _register(argv)
    click = _click_exceptions()
    env_lang = os.environ.get("PLANTRACK_LANG")
    narrow, escaped = _escape_what_cannot_be_shown()
    # The language is known before click parses anything, so that help pages and
    # usage errors speak it too (`plantrack status --help --lang zh`).
    lang = detect(_lang_arg(argv))
    if _lang_arg(argv) in ("zh", "en"):
        os.environ["PLANTRACK_LANG"] = lang
    env_cache = os.environ.get("PLANTRACK_NO_CACHE")
    try:
        command = _command()
        clizh.prepare(command, lang)
        result = command.main(args=argv, standalone_mode=False, prog_name="plantrack")
    except PlantrackError as e:
        print(f"plantrack: {e.msg(lang)}", file=sys.stderr)
        return e.exit_code
    except click.NoArgsIsHelpError as e:
        # `plantrack` alone: help on stdout, as a user typing it expects.
        print(e.ctx.get_help() if e.ctx else "", file=sys.stdout)
        return 0
    except click.UsageError as e:
        hint = clizh.try_help(e.ctx.command_path) if e.ctx else ""
        message = clizh.usage_error(e.format_message()) if lang == "zh" else e.format_message()
        print(f"plantrack: {message}{hint}", file=sys.stderr)
        return Exit.USAGE
    except typer.Exit as e:
        return e.exit_code
    except typer.Abort:
        print(f"plantrack: {t('aborted', '已中止', lang)}", file=sys.stderr)
        return Exit.INTERRUPTED
    except click.ClickException as e:
        print(f"plantrack: {e.format_message()}", file=sys.stderr)
        return e.exit_code
    except BrokenPipeError:
        return 0
    except Exception as e:  # a bug: one line for the user, the traceback in a log
        log = _write_crash_log(e)
        print(f"plantrack: internal error ({type(e).__name__}: {e}); this is a bug, details in {log}", file=sys.stderr)
        return Exit.BUG
    finally:
        _restore("PLANTRACK_LANG", env_lang)
        if narrow:
            with contextlib.suppress(OSError, ValueError):
                sys.stdout.flush()  # text is encoded (and escaped) on its way out
        if narrow and escaped:
            # In English: a stream that cannot show Chinese could not show a Chinese note either.
            print(
                f"plantrack: note: the output encoding ({narrow}) cannot show Chinese; such characters were "
                "written as \\u escapes (use a UTF-8 terminal, or PYTHONIOENCODING=utf-8)",
                file=sys.stderr,
            )
        _restore("PLANTRACK_NO_CACHE", env_cache)
    return result if isinstance(result, int) else 0


def _escape_what_cannot_be_shown() -> tuple[str | None, list[bool]]:
    """Set stdout and stderr to escape (`\\u89c4`) what their encoding cannot show, instead of crashing.

    An ASCII or cp1252 stdout (`PYTHONIOENCODING=ascii`, an old Windows console)
    is something a user has, not a bug. Returns the encoding when it cannot show
    Chinese (None when all is well), and a list the error handler appends to
    when it escapes something: the user gets one note then, and only then.
    """
    import codecs

    escaped: list[bool] = []

    def escape(error: UnicodeError) -> tuple[str | bytes, int]:
        escaped.append(True)
        return codecs.backslashreplace_errors(error)

    codecs.register_error("plantrack-escape", escape)
    narrow = None
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or "utf-8"
        try:
            "规划".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            if hasattr(stream, "reconfigure"):
                stream.reconfigure(errors="plantrack-escape")  # backslashreplace, noted
            narrow = narrow or encoding
    return narrow, escaped


def _restore(var: str, value: str | None) -> None:
    if value is None:
        os.environ.pop(var, None)
    else:
        os.environ[var] = value


def _write_crash_log(error: BaseException) -> str:
    import tempfile
    import traceback

    with tempfile.NamedTemporaryFile("w", prefix="plantrack-crash-", suffix=".log", delete=False) as f:
        f.write(f"plantrack {__version__}\nargv: {sys.argv}\n\n")
        f.write("".join(traceback.format_exception(error)))
    return f.name


def _click_exceptions():  # type: ignore[no-untyped-def]
    """Click's exception classes: Typer 0.29 vendors click as typer._click."""
    try:
        from typer._click import exceptions
    except ImportError:  # older Typer, on the real click
        from click import exceptions  # type: ignore[no-redef]
    return exceptions


def _command_arg(args: list[str]) -> str | None:
    """The first argument that is not a root option: the command's name, if any."""
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--lang":  # the root's one option with a value
            i += 2
            continue
        if not a.startswith("-"):
            return a
        i += 1
    return None


def _lang_arg(argv: list[str] | None) -> str | None:
    args = sys.argv[1:] if argv is None else argv
    for i, a in enumerate(args):
        if a == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return None


def run() -> None:
    """The console script's entry point."""
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass
    # Skip the interpreter's teardown: freeing a big district's objects one by
    # one took seconds (PERFORMANCE.md), and there is nothing left to clean up.
    os._exit(code)
