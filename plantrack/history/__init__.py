"""plans.yaml's git history: repository access (repo), facts read from each
revision (facts), the trail of events over a period (trail), and what changed
in a period (changes). Only `repo` runs git; the others are pure.
"""
