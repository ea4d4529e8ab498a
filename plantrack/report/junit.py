"""`check --format junit`: JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One testcase per problem (a failure for an error; a warning passes, its
message in system-out), and one passing testcase per rule that found
nothing, so a report shows what was checked. History rules appear only when
they found something (they run only with --history).
"""

from __future__ import annotations

from datetime import date
from typing import TextIO
from xml.etree import ElementTree as ET

from plantrack.problems import Problem, Severity


def junit(problems: list[Problem], as_of: date, lang: str, out: TextIO) -> None:
    from plantrack.rules import RULES
    from plantrack.rules.history import HISTORY_RULES

    errors = sum(p.severity is Severity.ERROR for p in problems)
    found = {p.code for p in problems}
    quiet = [r for r in RULES if r.code not in found and r not in HISTORY_RULES]
    suites = ET.Element(
        "testsuites", name="plantrack check", tests=str(len(problems) + len(quiet)), failures=str(errors)
    )
    suite = ET.SubElement(
        suites,
        "testsuite",
        name=f"plantrack check (as of {as_of})",
        tests=str(len(problems) + len(quiet)),
        failures=str(errors),
        errors="0",
        skipped="0",
    )
    for p in sorted(problems):
        where = f"{p.file}:{p.line}:{p.column}"
        case = ET.SubElement(
            suite, "testcase", classname=f"plantrack.{p.code}", name=f"{where} {p.code}", file=p.file, line=str(p.line)
        )
        text = f"{where}: {p.code} [{p.severity.value}] {p.msg(lang)}"
        if p.severity is Severity.ERROR:
            failure = ET.SubElement(case, "failure", type=p.code, message=p.msg(lang))
            failure.text = text
        else:
            ET.SubElement(case, "system-out").text = text
    for r in quiet:
        ET.SubElement(suite, "testcase", classname=f"plantrack.{r.code}", name=f"{r.code} {r.name}")
    ET.indent(suites)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(suites, encoding="unicode"))
    out.write("\n")
