"""Duty records (PT116): each names a duty of the schedule that binds the unit, and one of its occurrences."""

from __future__ import annotations

from collections.abc import Iterator

from plantrack import duties
from plantrack.i18n import Msg
from plantrack.rules.base import Context, Finding, rule
from plantrack.suggest import did_you_mean
from plantrack.vocab import type_name, types_text


@rule(
    "PT116",
    "unknown-duty",
    "A duty record or cadence the schedule's duties do not allow",
    "单位职责记录或频次与工作方案的职责不符",
)
def unknown_duty(ctx: Context) -> Iterator[Finding]:
    """
    What it does: checks each unit's `duties:` records and the district's
    `cadence:` against the schedule's `duties:`: the duty id exists (with a
    "did you mean"), the duty binds the unit's type (the work summary of R12
    binds departments, townships and parks, not the DRC), a recurring duty
    is recorded per occurrence and only at occurrences its rule gives
    (`2020-08`), a one-off duty as `{done: …}`, and a cadence is set only
    for a recurring duty.
    Why: a record no view can place is a fact silently lost: `work-sumary`
    or `2020-13` would leave the real occurrence overdue for ever.
    Example (fails): `edu: {…, duties: {work-sumary: {2020-08: {done: 2020-08-24}}}}`.
    Passes: `duties: {work-summary: {2020-08: {done: 2020-08-24}}}`.
    """
    schedule, plans = ctx.project.schedule, ctx.project.plans
    known = schedule.duties
    for did in plans.cadence:
        if did not in known:
            yield _unknown(did, known, ("cadence", did))
        elif known[did].rrule is None:
            yield Finding(
                ("cadence", did),
                Msg(f"{did!r} is a one-off duty: it has no cadence", f"{did!r} 是一次性职责，不设频次"),
                key=True,
            )
    for uid, unit in ctx.units.items():
        for did, records in unit.duties.items():
            path = ("units", uid, "duties", did)
            spec = known.get(did)
            if spec is None:
                yield _unknown(did, known, path)
                continue
            if not duties.binds(spec, unit):
                yield Finding(
                    path,
                    Msg(
                        f"duty {did!r} binds {types_text(spec.units, 'en')}, not {type_name(unit.type, 'en')}",
                        f"职责 {did!r} 由{types_text(spec.units, 'zh')}承担，{uid} 是{type_name(unit.type, 'zh')}",
                    ),
                    key=True,
                )
                continue
            if records is not None:
                yield from _occurrences(ctx, did, records, path)


def _unknown(did: str, known: object, path: tuple[str, ...]) -> Finding:  # path: where the id is written
    hint = did_you_mean(did, known)  # type: ignore[arg-type]
    return Finding(
        path, Msg(f"the schedule has no duty {did!r}{hint.en}", f"工作方案中没有职责 {did!r}{hint.zh}"), key=True
    )


def _occurrences(ctx: Context, did: str, records: object, path: tuple[str, ...]) -> Iterator[Finding]:
    scheduled = duties.scheduled(ctx.project.plans, ctx.project.schedule, did)
    recorded = records.occurrences()  # type: ignore[attr-defined]
    one_off = scheduled[:1] == [(None, scheduled[0][1])] if scheduled else False
    if one_off:
        for key in recorded:
            yield Finding(
                (*path, key),
                Msg(
                    f"{did!r} is a one-off duty: record it as {{done: …}}, not per occurrence ({key})",
                    f"{did!r} 是一次性职责：请记为 {{done: …}}，不分期次（{key}）",
                ),
                key=True,
            )
        return
    if records.done is not None or records.note is not None:  # type: ignore[attr-defined]
        yield Finding(
            path,
            Msg(
                f"{did!r} recurs: record each occurrence, e.g. {{2020-08: {{done: 2020-08-24}}}}",
                f"{did!r} 是定期职责：请按期次记录，如 {{2020-08: {{done: 2020-08-24}}}}",
            ),
            key=True,
        )
    valid = {k for k, _ in scheduled if k} | {d.isoformat() for _, d in scheduled if d}
    for key in recorded:
        if key not in valid:
            hint = did_you_mean(key, sorted(valid))
            yield Finding(
                (*path, key),
                Msg(
                    f"{did!r} has no occurrence {key!r} under its cadence{hint.en}",
                    f"职责 {did!r} 按其频次没有期次 {key!r}{hint.zh}",
                ),
                key=True,
            )


DUTY_RULES = (unknown_duty,)
