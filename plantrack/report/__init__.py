"""Reporters: data in, text out. They never decide exit codes."""
