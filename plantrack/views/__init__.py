"""The views of where the work stands: status, overdue, units, timeline.

Pure: a district's plans and schedule and a reference date in, plain data out.
Nothing here prints or knows about terminals; report/ renders, commands/ wires.
Every state comes from plantrack.state through plantrack.tracking.
"""
