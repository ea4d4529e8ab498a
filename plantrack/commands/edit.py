"""The edit commands: done, reopen, due, extend, note, add, add-unit; their
options are in commands/editopts.py, the path they share in commands/editkit.py.

Each one: read the file with spans → change the few characters the fact
needs (plantrack.edit.ops) → validate and write atomically (edit.apply) →
with --commit, commit only that file. Exit 0 done (or nothing to change),
1 refused by a rule, 2 misuse or an unknown id, 4 the file changed on disk or
could not be written, 5–9 the edit is saved but git declined the commit
(plantrack.history.repo's codes: not a repository, no git, detached HEAD, dubious
ownership, git failed).
"""

from __future__ import annotations

from plantrack.commands.common import File, LangOpt, language
from plantrack.commands.editkit import Save, day, run
from plantrack.commands.editopts import (
    ByUnits,
    ClearOpt,
    CommitOpt,
    ContactPerson,
    ContactPhone,
    DoneDate,
    DoneNote,
    DueDate,
    ForceOpt,
    GrantedBy,
    GrantRef,
    Host,
    LogDate,
    LogText,
    Milestone,
    NewDeadline,
    NewPlan,
    NewUnit,
    NoteText,
    Owner,
    PendingOpt,
    Plan,
    PlanKind,
    PlanName,
    TierOpt,
    ToUnits,
    UnitName,
    UnitType,
)


def done(
    plan: Plan,
    milestone: Milestone,
    when: DoneDate = None,
    note: DoneNote = None,
    by: ByUnits = None,
    to: ToUnits = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record a milestone as done."""
    from plantrack.edit import ops

    when_done = day(when, "--date")
    return run(
        file,
        lang,
        Save("done", commit, force, include_pending),
        lambda o: ops.done(o.project, o.text, plan, milestone, when_done, note, by or (), to or ()),
    )


def reopen(
    plan: Plan,
    milestone: Milestone,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Remove a milestone's done date."""
    from plantrack.edit import ops

    return run(
        file,
        lang,
        Save("reopen", commit, force, include_pending),
        lambda o: ops.reopen(o.project, o.text, plan, milestone),
    )


def due(
    plan: Plan,
    milestone: Milestone,
    when: DueDate = None,
    clear: ClearOpt = False,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Set a milestone's own due date, written as given (or --clear it)."""
    from plantrack.edit import ops
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if (when is None) != clear:
        raise PlantrackError(
            Msg("due: give a DATE or --clear (one of them)", "due：请给出 DATE 或 --clear（二者取一）"), 2
        )
    return run(
        file,
        lang,
        Save("due", commit, force, include_pending),
        lambda o: ops.due(o.project, o.text, plan, milestone, when),
    )


def extend(
    plan: Plan,
    milestone: Milestone,
    when: NewDeadline,
    by: GrantedBy,
    ref: GrantRef = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Record an authorised extension of a milestone's deadline (R23)."""
    from plantrack.edit import ops

    return run(
        file,
        lang,
        Save("extend", commit, force, include_pending),
        lambda o: ops.extend(o.project, o.text, plan, milestone, when, by, ref),
    )


def note(
    plan: Plan,
    milestone: Milestone,
    text: NoteText = None,
    log: LogText = None,
    when: LogDate = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Set a milestone's note, or append to its supervision log (--log)."""
    from plantrack.edit import ops
    from plantrack.i18n import Msg
    from plantrack.problems import PlantrackError

    if (text is None) == (log is None) or (when is not None and log is None):
        raise PlantrackError(
            Msg(
                "note: give TEXT, or --log TEXT [--date D] (one of them)",
                "note：请给出 TEXT 或 --log TEXT [--date D]（二者取一）",
            ),
            2,
        )
    save = Save("note", commit, force, include_pending)
    if log is not None:
        entry = log
        logged = day(when, "--date")
        return run(file, lang, save, lambda o: ops.log(o.project, o.text, plan, milestone, logged, entry))
    return run(file, lang, save, lambda o: ops.note(o.project, o.text, plan, milestone, text or ""))


def add(
    plan: NewPlan,
    kind: PlanKind,
    owner: Owner,
    name: PlanName,
    tier: TierOpt = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Add a plan, listing the schedule's milestones for its kind."""
    from plantrack.edit import add as add_entry

    code = language(lang)
    return run(
        file,
        lang,
        Save("add", commit, force, include_pending),
        lambda o: add_entry.add_plan(o.project, o.text, plan, kind, owner, name, tier, code),
    )


def add_unit(
    unit: NewUnit,
    name: UnitName,
    utype: UnitType,
    host: Host = None,
    person: ContactPerson = None,
    phone: ContactPhone = None,
    file: File = None,
    commit: CommitOpt = False,
    force: ForceOpt = False,
    include_pending: PendingOpt = False,
    lang: LangOpt = None,
) -> int:
    """Add a unit; a township comes with its congress and its township plan."""
    from plantrack.edit import add as add_entry

    contact = {k: v for k, v in (("person", person), ("phone", phone)) if v}
    code = language(lang)
    return run(
        file,
        lang,
        Save("add-unit", commit, force, include_pending),
        lambda o: add_entry.add_unit(o.project, o.text, unit, name, utype, host, contact or None, code),
    )
