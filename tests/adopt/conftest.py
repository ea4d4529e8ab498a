"""Fixtures shared with the edit tests."""

from tests.edit.conftest import git_env  # noqa: F401
