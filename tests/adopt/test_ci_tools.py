"""What fits the tools districts already use: JUnit reports, the JSON Schema, the pre-commit hook."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from plantrack import yamlread
from tests.adopt.base import TEXT, write
from tests.conftest import FIXTURE, REPO

BROKEN = TEXT.replace(
    "  edu:    {name: 区教育局, type: department}\n", "  edu:    {name: 区教育局, type: departmnet}\n"
)


def test_junit_parses_and_fails_on_errors_only(cli, tmp_path: Path) -> None:
    path = write(tmp_path, BROKEN)
    code, out, err = cli("check", "--file", str(path), "--format", "junit", "--as-of", "2020-09-15", "--lang", "en")
    assert code == 1 and err == ""
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert int(suite.get("tests", "")) == len(cases) > 20
    failures = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures", "")) == len(failures) == 1
    (bad,) = failures
    assert bad.get("classname") == "plantrack.PT105"
    assert bad.get("name") == f"{path}:10:30 PT105"
    assert bad.get("file") == str(path) and bad.get("line") == "10"
    assert "departmnet" in bad.find("failure").get("message", "")  # type: ignore[union-attr]
    warned = [c for c in cases if c.find("system-out") is not None]
    assert warned and all("[warning]" in (c.findtext("system-out") or "") for c in warned)
    passing = {c.get("classname") for c in cases if len(c) == 0}
    assert "plantrack.PT206" in passing  # a rule that found nothing is a passing case


def test_junit_of_a_clean_district_has_no_failures(cli, tmp_path: Path) -> None:
    path = write(tmp_path)
    code, out, _ = cli("check", "--file", str(path), "--format", "junit", "--as-of", "2019-10-30")
    root = ET.fromstring(out.encode("utf-8"))
    assert code == 0 and root.find("testsuite").get("failures") == "0"  # type: ignore[union-attr]
    assert not list(root.iter("failure"))


@pytest.fixture(scope="module")
def schema() -> dict:  # type: ignore[type-arg]
    proc = subprocess.run(
        [sys.executable, "-m", "plantrack", "schema"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    doc = json.loads(proc.stdout)
    jsonschema.Draft202012Validator.check_schema(doc)
    return doc


def _data(text: str):  # type: ignore[no-untyped-def]
    data, _ = yamlread.read(text)
    return data


def test_schema_validates_the_bundled_districts(schema: dict) -> None:  # type: ignore[type-arg]
    for path in (REPO / "plans.yaml", FIXTURE / "plans.yaml"):
        jsonschema.validate(_data(path.read_text(encoding="utf-8")), schema)
    jsonschema.validate(_data(TEXT), schema)
    jsonschema.validate(_data("schedule: fyp14\nunits:\nplans:\n"), schema)  # empty sections are valid


def test_schema_is_described_in_chinese(schema: dict) -> None:  # type: ignore[type-arg]
    assert schema["properties"]["schedule"]["description"].startswith("本区遵循的工作方案名称")
    record = schema["$defs"]["Record"]["properties"]
    assert "2020年8月底" in record["due"]["description"]
    assert "format" not in json.dumps(record["due"])  # `2020年8月底` must not be flagged by an editor


@pytest.mark.parametrize(
    ("broken", "why"),
    [
        (BROKEN, "'departmnet' is not one of"),
        (
            TEXT.replace("    owner: edu\n", "    ownr: edu\n"),
            "Additional properties are not allowed ('ownr' was unexpected)",
        ),
        (TEXT.replace("schedule: fyp14\n", ""), "'schedule' is a required property"),
        (
            TEXT.replace("log: [{date: 2020-09-01, text: 电话督办}]", "log: [{date: 2020-09-01}]"),
            "'text' is a required property",
        ),
    ],
)
def test_schema_rejects_broken_files(schema: dict, broken: str, why: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(_data(broken), schema)
    best = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(_data(broken)))
    assert best is not None and why in best.message, best


def _hook() -> dict:  # type: ignore[type-arg]
    (hook,) = _data((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return hook


def test_pre_commit_hook_definition() -> None:
    import re

    hook = _hook()
    assert (hook["id"], hook["language"], hook["entry"]) == ("plantrack-check", "python", "plantrack check")
    files = re.compile(hook["files"])
    assert files.search("plans.yaml") and files.search("schedules/fyp14.yaml")
    assert not files.search("docs/plans.yaml.md") and not files.search("README.md")


def test_pre_commit_hook_fails_on_a_broken_commit(tmp_path: Path, git_env: None) -> None:
    """The hook's entry, run as pre-commit runs it: from the repository's root, with the
    file names only if pass_filenames is not false."""
    repo = tmp_path / "district"
    repo.mkdir()
    write(repo, BROKEN)
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    hook = _hook()
    names = [] if hook.get("pass_filenames") is False else ["plans.yaml"]
    entry = shlex.split(hook["entry"])
    assert entry[0] == "plantrack"
    cmd = [sys.executable, "-m", "plantrack", *entry[1:], *hook.get("args", []), *names]
    env = {**os.environ, "PYTHONPATH": str(REPO), "LANG": "C.UTF-8", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"}
    env.pop("PLANTRACK_LANG", None)
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, encoding="utf-8", env=env)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "plans.yaml:10:30: PT105 [error]" in proc.stdout and "departmnet" in proc.stdout
    write(repo, TEXT)
    proc = subprocess.run(cmd, cwd=repo, capture_output=True, text=True, encoding="utf-8", env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
