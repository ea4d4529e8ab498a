"""Start-up: `check` imports only what it uses (rich, git, dateutil, … only where needed)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DISTRICT, REPO

# Modules `check` does not use: importing any of them is start-up time wasted.
UNUSED_BY_CHECK = ["rich", "git", "dateutil", "jinja2", "openpyxl", "docx", "plantrack.history.trail"]
# (`git` is GitPython, which plantrack no longer uses at all: git runs as a subprocess.)
PROBE = """
import json, sys
from plantrack.cli import main
code = main(sys.argv[1:])
names = sorted({m for m in sys.modules})
loader = sys.modules.get("pydantic.plugin._loader")
scanned = loader is not None and loader._plugins is not None  # pydantic looked for plugins
print(json.dumps({"code": int(code), "modules": names + ["<plugins scanned>"] * scanned}), file=sys.stderr)
"""


def _modules(tmp_path: Path, *args: str, cache: bool = True) -> tuple[int, set[str]]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PLANTRACK_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PYDANTIC_DISABLE_PLUGINS", None)
    if not cache:
        env["PLANTRACK_NO_CACHE"] = "1"
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, env=env, cwd=tmp_path)
    report = json.loads(proc.stderr.strip().splitlines()[-1])
    return report["code"], set(report["modules"])


def _loaded(modules: set[str], names: list[str]) -> list[str]:
    return [n for n in names if n in modules or any(m.startswith(n + ".") for m in modules)]


def test_check_imports_nothing_it_does_not_use(tmp_path: Path) -> None:
    args = ("check", "--file", str(DISTRICT), "--as-of", "2020-09-15")
    code, cold = _modules(tmp_path, *args, cache=False)
    assert code == 0
    assert _loaded(cold, UNUSED_BY_CHECK) == []
    # pydantic's plugin scan (the metadata of every installed distribution) is off
    assert "pydantic.main" in cold and "<plugins scanned>" not in cold
    # No other command is imported or built.
    assert _loaded(cold, ["plantrack.commands.status", "plantrack.commands.edit", "plantrack.report.status"]) == []


def test_a_warm_check_reads_no_yaml_and_builds_no_model(tmp_path: Path) -> None:
    args = ("check", "--file", str(DISTRICT), "--as-of", "2020-09-15", "--format", "json")
    assert _modules(tmp_path, *args)[0] == 0  # fills the cache
    code, warm = _modules(tmp_path, *args)
    assert code == 0
    assert _loaded(warm, ["pydantic", "plantrack.models", "plantrack.rules", "plantrack.yamlread", "ruamel"]) == []
    assert _loaded(warm, UNUSED_BY_CHECK) == []


def test_a_warm_check_history_reads_no_district_and_no_blob(tmp_path: Path) -> None:
    """Both stages' findings come from the cache: no model, no rule, no YAML, no blob read."""
    import shutil

    repo = tmp_path / "repo"
    shutil.copytree(DISTRICT.parent, repo)
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    ident = ["-c", "user.name=t", "-c", "user.email=t@example.org"]
    for args in (["init", "-q"], ["add", "-A"], [*ident, "commit", "-q", "-m", "district"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True)
    args = ("check", "--history", "--file", str(repo / "plans.yaml"), "--as-of", "2020-09-15")
    cold_code = _modules(tmp_path, *args)[0]  # fills the cache
    code, warm = _modules(tmp_path, *args)
    assert code == cold_code
    # (history.facts imports plantrack.yamlread to parse revisions; ruamel, which parses, is not imported)
    assert _loaded(warm, ["pydantic", "plantrack.models", "plantrack.rules", "plantrack.load", "ruamel"]) == []


def test_help_lists_every_command_and_imports_no_view(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-m", "plantrack", "--help"], capture_output=True, text=True, env=env).stdout
    from plantrack.cli import COMMANDS

    assert all(f"  {name} " in out for name in COMMANDS)
    code, modules = _modules(tmp_path, "--help")
    assert code == 0
    assert _loaded(modules, ["plantrack.load", "plantrack.rules", "pydantic.main", *UNUSED_BY_CHECK]) == []
