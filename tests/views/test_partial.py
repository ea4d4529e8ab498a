"""Partial data is shown, never dropped; gates never pass on it; looking back is consistent (issue 14).

Every test drives the CLI and reads what a user sees: exit codes, rows, JSON.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.conftest import DISTRICT, make_district

AS_OF = ("--as-of", "2020-09-15")
FIRST_DRAFT = "      first-draft:\n        note: 等待市级"

# One typo in eco-plan, as people make them: (what is replaced, by what, the code check gives).
TYPOS = {
    "bad-due-word": (FIRST_DRAFT, "      first-draft:\n        due: 2020年5月低\n        note: 等待市级", "PT103"),
    "dnoe": (FIRST_DRAFT, "      first-draft:\n        dnoe: 2020-06-01\n        note: 等待市级", "PT101"),
    "slashed-done": (FIRST_DRAFT, "      first-draft:\n        done: 2020/9/8\n        note: 等待市级", "PT103"),
    "kind-label": (
        "    kind: special\n    tier: key\n    owner: eco\n",
        "    kind: 专项\n    tier: key\n    owner: eco\n",
        "PT105",
    ),
    "milestone-singular": ("    owner: eco\n    milestones:\n", "    owner: eco\n    milestone:\n", "PT101"),
}


def broken(tmp_path: Path, typo: str) -> str:
    old, new, _ = TYPOS[typo]
    text = DISTRICT.read_text(encoding="utf-8")
    assert text.count(old) == 1, typo
    return str(make_district(tmp_path, text.replace(old, new)))


@pytest.fixture(params=sorted(TYPOS))
def typo(request, tmp_path) -> tuple[str, str]:
    """(plans.yaml with eco-plan broken, the problem code it gives)."""
    return broken(tmp_path, request.param), TYPOS[request.param][2]


def test_status_json_lists_the_plan_as_invalid_with_its_codes(cli, typo) -> None:
    path, code = typo
    rc, out, err = cli("status", "--file", path, *AS_OF, "--format", "json")
    assert rc == 0 and "eco-plan" in err
    doc = json.loads(out)
    assert doc["skipped"] == ["eco-plan"]
    eco = next(p for p in doc["plans"] if p["id"] == "eco-plan")
    assert eco["state"] == "invalid" and eco["problems"] == [code] and eco["owner"] == "eco"
    assert eco["name"] == '青山区生态环境保护"十四五"规划' and isinstance(eco["line"], int)
    assert doc["counts"]["invalid"] == 1 and len(doc["plans"]) == 32  # 31 that loaded, and this one
    assert sum(n for s, n in doc["counts"].items() if s != "invalid") == 31


def test_every_view_and_format_shows_it(cli, typo) -> None:
    path, code = typo
    for view in (("status",), ("overdue",), ("timeline",), ("units", "eco"), ("status", "eco-plan")):
        for fmt in ("table", "csv", "markdown"):
            rc, out, _ = cli(*view, "--file", path, *AS_OF, "--format", fmt, "--lang", "zh", "--width", "160")
            assert rc == 0, (view, fmt)
            assert "eco-plan" in out and code in out, (view, fmt)
            assert ("数据有误" in out) or (fmt == "csv" and "invalid" in out) or view == ("status", "eco-plan")
        rc, out, _ = cli(*view, "--file", path, *AS_OF, "--format", "json")
        assert json.loads(out)["skipped"] == ["eco-plan"], view


def test_status_table_row_and_summary_count(cli, tmp_path) -> None:
    path = broken(tmp_path, "bad-due-word")
    _, out, _ = cli("status", "--file", path, *AS_OF, "--lang", "zh", "--width", "160")
    lines = out.splitlines()
    row = next(ln for ln in lines if ln.startswith("eco-plan"))
    assert "专项" in row and "市生态环境局青山分局" in row and "PT103（第154行）" in row and row.endswith("数据有误")
    assert lines[2].startswith("eco-plan")  # first: it needs fixing before anything else
    assert "规划：数据有误 1 · 逾期 5 ·" in out


def test_status_plan_shows_what_could_be_read_and_the_problems(cli, tmp_path) -> None:
    path = broken(tmp_path, "bad-due-word")
    rc, out, _ = cli("status", "eco-plan", "--file", path, *AS_OF, "--lang", "en", "--width", "120")
    assert rc == 0
    assert out.startswith(
        'eco-plan  青山区生态环境保护"十四五"规划\nkind: special  ·  owner: 市生态环境局青山分局  ·  state: invalid'
    )
    assert "eco-plan   154  PT103  invalid date: '2020年5月低' is not a due date" in out
    rc, out, _ = cli("status", "eco-plan", "--file", path, *AS_OF, "--format", "json")
    assert [(p["id"], p["state"], p["problems"]) for p in json.loads(out)["plans"]] == [
        ("eco-plan", "invalid", ["PT103"])
    ]


def test_units_counts_it_under_its_owner(cli, tmp_path) -> None:
    path = broken(tmp_path, "bad-due-word")
    _, out, _ = cli("units", "--file", path, *AS_OF, "--format", "json")
    eco = next(u for u in json.loads(out)["units"] if u["id"] == "eco")
    assert eco["invalid"] == ["eco-plan"] and eco["plans"] == ["eco-plan", "r-eco-value"]
    _, out, _ = cli("units", "--file", path, *AS_OF, "--lang", "zh", "--width", "160")
    assert out.splitlines()[0].split()[:4] == ["单位", "规划数", "数据有误", "已完成"]
    assert out.splitlines()[2].split()[:3] == ["市生态环境局青山分局", "2", "1"]


def test_overdue_lists_it_as_a_row_and_an_item(cli, tmp_path) -> None:
    path = broken(tmp_path, "bad-due-word")
    _, out, _ = cli("overdue", "--file", path, *AS_OF, "--format", "json")
    items = json.loads(out)["items"]
    assert items[0] | {"plan_name": None} == items[0] | {
        "plan": "eco-plan",
        "milestone": None,
        "state": "invalid",
        "problems": ["PT103"],
        "plan_name": None,
    }
    _, out, _ = cli("overdue", "--file", path, *AS_OF, "--lang", "en", "--width", "140")
    assert "eco-plan" in out and "PT103 (line 154)" in out and "invalid" in out
    assert "milestones: 1 invalid · 7 overdue · 1 due soon" in out


@pytest.mark.parametrize("gate", [("overdue", "--fail"), ("check", "--fail-on-overdue")])
def test_gates_exit_2_when_a_plan_did_not_load(cli, typo, gate) -> None:
    path, _ = typo
    rc, _, _ = cli(*gate, "--file", path, *AS_OF)
    assert rc == 2
    # Even when nothing is overdue at the date, and whatever the filter shows.
    rc, _, _ = cli(*gate, "--file", path, "--as-of", "2019-09-01")
    assert rc == 2


def test_gates_pass_and_trip_as_before_on_a_clean_file(cli) -> None:
    assert cli("overdue", "--fail", "--file", str(DISTRICT), *AS_OF)[0] == 1
    assert cli("overdue", "--fail", "--file", str(DISTRICT), "--as-of", "2019-09-01")[0] == 0
    assert cli("check", "--fail-on-overdue", "--file", str(DISTRICT), *AS_OF)[0] == 1


def test_json_skipped_is_empty_when_all_loaded(cli) -> None:
    for view in ("status", "overdue", "units", "timeline"):
        _, out, _ = cli(view, "--file", str(DISTRICT), *AS_OF, "--format", "json")
        assert json.loads(out)["skipped"] == [], view


def test_filters_keep_an_invalid_plan_they_do_not_rule_out(cli, tmp_path) -> None:
    path = broken(tmp_path, "kind-label")  # its kind cannot be read: a kind filter does not hide it
    _, out, _ = cli("status", "--file", path, *AS_OF, "--kind", "research", "--format", "json")
    assert "eco-plan" in json.loads(out)["skipped"] and "eco-plan" in [p["id"] for p in json.loads(out)["plans"]]
    _, out, _ = cli("status", "--file", path, *AS_OF, "--unit", "edu", "--format", "json")
    assert [p["id"] for p in json.loads(out)["plans"] if p["state"] == "invalid"] == []


# -- looking back -----------------------------------------------------------

LOOKING_BACK = """schedule: fyp14
units:
  drc:  {name: 区发改委, type: drc}
  gov:  {name: 区政府, type: government}
  edu:  {name: 区教育局, type: department}
plans:
  edu-plan:
    name: 教育规划
    kind: special
    tier: key
    owner: edu
    milestones:
      proposal: {done: 2019-10-08, to: gov}
      start-approval: {done: 2019-10-25, by: gov}
      first-draft: {done: 2020-06-03}
"""


def test_check_as_of_a_past_date_treats_later_done_dates_as_not_done(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, LOOKING_BACK))
    _, out, _ = cli("check", "--file", path, "--as-of", "2020-05-01", "--format", "json")
    codes = [p["code"] for p in json.loads(out)["problems"]]
    assert "PT109" not in codes and "PT301" not in codes
    # status the same date shows first-draft not done yet: the two agree.
    _, out, _ = cli("status", "edu-plan", "--file", path, "--as-of", "2020-05-01", "--format", "json")
    draft = next(m for m in json.loads(out)["plans"][0]["milestones"] if m["id"] == "first-draft")
    assert (draft["done"], draft["state"]) == (None, "open")
    # After first-draft's due date, looking back, the step is overdue: check says so as status does.
    _, out, _ = cli("check", "--file", path, "--as-of", "2020-06-02", "--format", "json")
    assert [p["code"] for p in json.loads(out)["problems"] if p["code"] in ("PT109", "PT301")] == ["PT301"]
    # From the done date on, it counts: first-draft is neither overdue nor in the future.
    _, out, _ = cli("check", "--file", path, "--as-of", "2020-06-03", "--format", "json", "--lang", "en")
    late = [p for p in json.loads(out)["problems"] if p["code"] in ("PT109", "PT301")]
    assert not [p for p in late if "first-draft" in p["message"]]


def test_pt109_is_about_done_dates_after_today(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, LOOKING_BACK.replace("{done: 2020-06-03}", "{done: 2999-06-03}")))
    for as_of in ("2020-05-01", "2020-09-15", "3000-01-01"):
        rc, out, _ = cli("check", "--file", path, "--as-of", as_of, "--format", "json", "--lang", "en")
        found = [p for p in json.loads(out)["problems"] if p["code"] == "PT109"]
        assert rc == 1 and len(found) == 1 and "after today" in found[0]["message"], as_of


# -- overdue: one row per plan and responsible unit ----------------------------


def test_overdue_default_is_one_row_per_plan_and_all_lists_every_step(cli) -> None:
    _, out, _ = cli("overdue", "--file", str(DISTRICT), *AS_OF, "--lang", "zh", "--width", "160")
    assert out.count("transport-plan") == 1 and "征求意见等3项" in out
    _, out, _ = cli("overdue", "--file", str(DISTRICT), *AS_OF, "--lang", "en", "--width", "160")
    assert out.count("transport-plan") == 1 and "征求意见 and 2 more" in out
    _, out, _ = cli("overdue", "--all", "--file", str(DISTRICT), *AS_OF, "--lang", "zh", "--width", "160")
    assert out.count("transport-plan") == 3 and "等3项" not in out


def test_overdue_json_and_csv_keep_every_step(cli) -> None:
    _, out, _ = cli("overdue", "--file", str(DISTRICT), *AS_OF, "--format", "json")
    items = json.loads(out)["items"]
    assert [i["milestone"] for i in items if i["plan"] == "transport-plan"] == ["opinions", "argumentation", "finished"]
    assert all(i["state"] in ("overdue", "due-soon") for i in items)
    _, out, _ = cli("overdue", "--file", str(DISTRICT), *AS_OF, "--format", "csv", "--lang", "en")
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 1 + len(items) and sum(r[1] == "transport-plan" for r in rows) == 3


# -- filters ---------------------------------------------------------------------


def test_repeated_filters_combine_and_take_names(cli) -> None:
    rc, out, _ = cli(
        "status", "--file", str(DISTRICT), *AS_OF, "--unit", "教育局", "--unit", "transport", "--format", "json"
    )
    assert rc == 0 and {p["owner"] for p in json.loads(out)["plans"]} == {"edu", "transport"}
    rc, out, _ = cli("overdue", "--file", str(DISTRICT), *AS_OF, "--kind", "专项", "--kind", "乡镇", "--format", "json")
    kinds = {i["plan"].split("-")[0] for i in json.loads(out)["items"]}
    assert rc == 0 and "north" not in kinds and {"liulin", "transport"} <= kinds
    rc, out, _ = cli("timeline", "--file", str(DISTRICT), *AS_OF, "--kind", "research", "--format", "json")
    assert {p["kind"] for p in json.loads(out)["plans"]} == {"research"}


def test_an_unknown_filter_lists_the_valid_values(cli) -> None:
    rc, out, err = cli("status", "--file", str(DISTRICT), *AS_OF, "--kind", "nonsense", "--lang", "en")
    assert rc == 2 and out == "" and "special" in err and "township" in err


MASTER = """schedule: fyp14
units:
  drc:   {name: 区发改委, type: drc}
  gov:   {name: 区政府, type: government}
  party: {name: 区委, type: party-committee}
  npc:   {name: 区人大常委会, type: congress}
plans:
  outline:
    name: 区规划纲要
    kind: master
    owner: drc
"""


def test_overdue_rows_split_by_the_unit_that_owes_the_step(cli, tmp_path) -> None:
    path = str(make_district(tmp_path, MASTER))
    _, out, _ = cli("overdue", "--file", path, "--as-of", "2021-06-01", "--lang", "zh", "--width", "120")
    rows = [ln for ln in out.splitlines() if "outline" in ln]
    assert [r.split()[-4] for r in rows] == ["2019-10-31", "2020-10-31", "2020-12-31"]
    assert "重大项目和政策报市发展改革委等12项" in rows[0]
    # the unit that owes the step has its own column (责任单位), last
    assert '区委"十四五"建议出台等2项' in rows[1] and rows[1].endswith("  区委")
    assert "区人大常委会审议通过" in rows[2] and rows[2].endswith("  区人大常委会")
    _, out, _ = cli("overdue", "--file", path, "--as-of", "2021-06-01", "--lang", "en", "--width", "140")
    assert "and 11 more" in out and "and 1 more" in out
    _, out, _ = cli("overdue", "--file", path, "--as-of", "2021-06-01", "--format", "json")
    assert len(json.loads(out)["items"]) == 15
