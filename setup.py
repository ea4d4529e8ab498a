"""The one thing pyproject.toml cannot say: the top-level schedules/ folder
ships inside the package as plantrack.schedules, so a wheel or a pipx install
finds the bundled schedules by name (plantrack/schedules.py)."""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["plantrack", "plantrack.*"]), "plantrack.schedules"],
    package_dir={"plantrack.schedules": "schedules"},
    package_data={"plantrack.schedules": ["*.yaml"], "plantrack.documents": ["templates/*"]},
)
