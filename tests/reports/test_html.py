"""The dashboard read back with html.parser: its numbers are `status --format json`'s."""

from __future__ import annotations

import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import DISTRICT, FIXTURE
from tests.reports.conftest import AS_OF, stage_counts


class Page(HTMLParser):
    """Every element's tag and attributes, the text inside each data-* element, and all text."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.open: list[tuple[str, dict[str, str], list[str]]] = []
        self.texts: dict[tuple[str, str], str] = {}
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag not in ("meta", "link", "br", "circle", "line", "rect"):
            self.open.append((tag, a, []))

    def handle_endtag(self, tag) -> None:
        while self.open:
            t, a, parts = self.open.pop()
            text = "".join(parts).strip()
            for k, v in a.items():
                if k.startswith("data-") and k not in ("data-state",):
                    self.texts[(k, v)] = text
            if self.open:
                self.open[-1][2].append("".join(parts))
            if t == tag:
                break

    def handle_data(self, data) -> None:
        self.text.append(data)
        if self.open:
            self.open[-1][2].append(data)

    def with_attr(self, name: str) -> list[dict[str, str]]:
        return [a for _, a in self.tags if name in a]


def dashboard(cli, *extra: str, file: Path = DISTRICT) -> str:
    code, out, err = cli("report", "--format", "html", "--as-of", AS_OF, "--file", str(file), *extra)
    assert code == 0, err
    return out


def test_counts_and_states_equal_status_json(cli, status_json) -> None:
    page = Page(dashboard(cli))
    assert page.texts[("data-count", "plans")] == str(len(status_json["plans"])) == "32"
    for state, n in status_json["counts"].items():
        assert page.texts[("data-count", state)] == str(n), state
    rows = {a["data-plan"]: a for _, a in page.tags if "data-plan" in a and "data-done" not in a and _ == "tr"}
    assert set(rows) == {p["id"] for p in status_json["plans"]}
    for p in status_json["plans"]:
        assert rows[p["id"]]["data-state"] == p["state"]
    cells = {(a["data-done"], a["data-total"]) for a in page.with_attr("data-done")}
    assert cells == {(str(p["progress"]["done"]), str(p["progress"]["total"])) for p in status_json["plans"]}
    kinds = Counter(p["kind"] for p in status_json["plans"])
    for kind, n in kinds.items():
        assert page.texts[("data-kind", kind)] == str(n)
    milestones = Counter(m["state"] for p in status_json["plans"] for m in p["milestones"])
    assert page.texts[("data-steps", "overdue")] == str(milestones["overdue"])
    assert page.texts[("data-steps", "total")] == str(sum(milestones.values()))


def test_stage_statistics(cli, status_json) -> None:
    page = Page(dashboard(cli))
    done, total = stage_counts(status_json, "special", "first-draft")
    assert page.texts[("data-stage", "special/first-draft")] == f"完成初稿{done}/{total}"
    assert "专项规划" in page.text


def test_overdue_by_unit_with_notes(cli, overdue_json) -> None:
    page = Page(dashboard(cli))
    items = [a["data-item"] for a in page.with_attr("data-item")]
    assert items == [f"{i['plan']}/{i['milestone']}" for i in overdue_json["items"]]
    assert "三线一单" in page.texts[("data-item", "eco-plan/first-draft")]


def test_self_contained_one_file(cli) -> None:
    text = dashboard(cli)
    page = Page(text)
    assert not [t for t, _ in page.tags if t in ("script", "link", "img", "iframe")]
    assert not [
        a
        for _, a in page.tags
        if any(v.startswith(("http:", "https:", "//")) for k, v in a.items() if k in ("src", "href"))
    ]
    assert "@import" not in text and "url(" not in text
    assert any(t == "svg" for t, _ in page.tags)  # the Gantt is inline


def test_gantt_marks_the_reference_date_and_every_plan(cli, status_json) -> None:
    page = Page(dashboard(cli))
    lanes = [a["data-plan"] for t, a in page.tags if t == "g" and "data-plan" in a]
    assert sorted(lanes) == sorted(p["id"] for p in status_json["plans"])
    # 24 plans a chart, so that each prints on a page of its own: 32 plans, two charts.
    assert sum(t == "svg" for t, _ in page.tags) == 2
    assert len([a for t, a in page.tags if t == "line" and a.get("class") == "today"]) == 2
    assert "基准日 2020年9月15日" in "".join(page.text)
    dots = Counter(a["class"] for t, a in page.tags if t == "circle")
    assert dots["dot-overdue"] == sum(p["state"] == "overdue" for p in status_json["plans"])  # one overdue step each


def test_a_note_with_a_script_tag_is_text(cli, tmp_path: Path) -> None:
    shutil.copytree(FIXTURE, tmp_path / "d")
    plans = tmp_path / "d" / "plans.yaml"
    plans.write_text(
        plans.read_text(encoding="utf-8").replace("初稿已送区发改委预审，退回修改中", "<script>alert(1)</script>"),
        encoding="utf-8",
    )
    text = dashboard(cli, file=plans)
    page = Page(text)
    assert not [t for t, _ in page.tags if t == "script"]
    assert "<script>alert(1)</script>" in "".join(page.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_english(cli) -> None:
    page = Page(dashboard(cli, "--lang", "en"))
    text = "".join(page.text)
    assert "Status of every plan" in text and "As of 2020-09-15, of the district's 32 plans" in text
    assert ("html", {"lang": "en"}) in page.tags


def test_html_to_a_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "d.html"
    code, stdout, _ = cli("report", "-o", str(out), "--as-of", AS_OF, "--file", str(DISTRICT))
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


ENGLISH_DISTRICT = """\
schedule: fyp14
name: Example District
units:
  drc: {name: District DRC, type: drc}
plans:
  eval: {name: Final evaluation, kind: evaluation, owner: drc}
"""


def test_a_district_with_english_names_gets_english(cli, tmp_path: Path) -> None:
    from tests.conftest import make_district

    path = make_district(tmp_path, ENGLISH_DISTRICT)
    assert ("html", {"lang": "en"}) in Page(dashboard(cli, file=path)).tags
    assert ("html", {"lang": "zh-CN"}) in Page(dashboard(cli, "--lang", "zh", file=path)).tags


def test_unit_limits_every_section(cli) -> None:
    page = Page(dashboard(cli, "--unit", "edu"))
    assert sorted(a["data-plan"] for t, a in page.tags if t == "tr" and "data-plan" in a) == [
        "edu-plan",
        "r-edu-layout",
    ]
    assert {a["data-unit"] for a in page.with_attr("data-unit")} == {"edu"}
    assert page.texts[("data-count", "plans")] == "2"
