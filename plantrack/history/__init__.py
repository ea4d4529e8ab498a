"""plans.yaml's git history: repository access (repo), facts read from each
revision (facts), the trail of events over a period (trail), and what changed
in a period (changes), and a period read from git (period). Only `repo` runs
git, and `trail.read` and `period` through it; the others are pure.
"""
