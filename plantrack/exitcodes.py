"""Every exit code plantrack returns, in one place; README's table is tested against it."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    RULE_ERRORS = 1  # check found rule errors; an edit refused by a rule; a gate (overdue --fail) tripped
    USAGE = 2  # misuse, an unknown id, an unreadable file
    BUG = 3  # a bug in plantrack: the traceback goes to a log file it names
    CONFLICT = 4  # the file changed on disk, or could not be written
    NOT_A_REPO = 5  # with --commit or history: not a git repository
    NO_GIT = 6  # git is not installed
    DETACHED = 7  # HEAD is detached: commit refused
    DUBIOUS = 8  # git's "dubious ownership"
    GIT_FAILED = 9  # another git failure
    INTERRUPTED = 130  # Ctrl-C
