from plantrack.cli import run

run()
