"""`plantrack schema`: the JSON Schema of plans.yaml, for editors and CI."""

from __future__ import annotations


def schema() -> int:
    """Print a JSON Schema of plans.yaml (for editors: see docs/format.md)."""
    import json

    from plantrack.schema import plans_schema

    print(json.dumps(plans_schema(), ensure_ascii=False, indent=2))
    return 0
