"""Surgical edits of plans.yaml: change the few characters a fact needs, nothing else.

scalars.py writes values as YAML, surgery.py turns an edit into text
replacements at the reader's spans, ops.py knows what each command changes,
apply.py validates the result and writes it atomically.
"""
