"""The fixture district as a git repository with a small, pinned history, for `history` and `changes`.

Two commits with fixed authors, dates and messages, so the commit ids (and the
goldens that show them) are the same on every machine.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tests.conftest import FIXTURE

# (text in the fixture, text in the first commit): the second commit is the fixture itself.
BEFORE = (
    ("      first-draft:    {done: 2020-05-29}\n", "      first-draft:    {note: 初稿修改中}\n"),
    (
        "        due: 2020-11-30\n        note: 评估报告初稿已形成",
        "        due: 2020-10-31\n        note: 评估报告初稿编写中",
    ),
)
COMMITS = (
    ("李伟", "liwei@qingshan.gov.cn", "2020-07-01T09:00:00+08:00", "台账初始化"),
    ("Wang Fang", "wangfang@qingshan.gov.cn", "2020-09-01T17:30:00+08:00", "九月更新：交通规划初稿完成，评估延至11月"),
)


def make(folder: Path) -> Path:
    """Build the repository in `folder`; return its plans.yaml."""
    shutil.copytree(FIXTURE, folder, dirs_exist_ok=True)
    plans = folder / "plans.yaml"
    final = plans.read_text(encoding="utf-8")
    first = final
    for now, then in BEFORE:
        assert now in first, now
        first = first.replace(now, then, 1)
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    env |= {"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull, "HOME": str(folder)}

    def git(*args: str) -> None:
        subprocess.run(
            ["git", "-c", "commit.gpgsign=false", *args], cwd=folder, env=env, check=True, capture_output=True
        )

    git("init", "-q", "-b", "main")
    for text, (name, email, when, message) in zip((first, final), COMMITS, strict=True):
        plans.write_text(text, encoding="utf-8")
        for role in ("AUTHOR", "COMMITTER"):
            env |= {f"GIT_{role}_NAME": name, f"GIT_{role}_EMAIL": email, f"GIT_{role}_DATE": when}
        git("add", "-A")
        git("commit", "-q", "-m", message)
    return plans
