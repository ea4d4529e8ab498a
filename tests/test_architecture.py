"""The import graph of plantrack: no cycles, and nothing imports a layer above its own.

Data flows one way: read → model → rules/state → views → report → cli. LAYERS
lists the layers from the bottom up; a module may import its own layer and the
layers below. A module belongs to the layer of the longest prefix that names
it, so a new module inside a listed package needs no entry, and a new
top-level module must be placed (the test says so). Every import counts,
those inside functions too: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from tests.conftest import REPO

PACKAGE = REPO / "plantrack"

LAYERS: list[tuple[str, list[str]]] = [
    ("foundations", ["plantrack", "plantrack.__init__", "plantrack.exitcodes", "plantrack.i18n"]),
    (
        "facts",
        [
            "plantrack.problems",
            "plantrack.suggest",
            "plantrack.dates",
            "plantrack.state",
            "plantrack.vocab",
            "plantrack.ids",
        ],
    ),
    # The scheme's facts (step roles, parties, who owes a step) read the models;
    # what a user's word means (resolve) reads the vocabulary; the JSON Schema reads the models.
    (
        "models",
        [
            "plantrack.models",
            "plantrack.facts",
            "plantrack.messages",
            "plantrack.tracking",
            "plantrack.duties",
            "plantrack.resolve",
            "plantrack.schema",
        ],
    ),
    # Reading: bytes → text → data with positions → models. Below the rules,
    # which take the loaded district (load.Project); a read cache sits here too.
    (
        "reading",
        [
            "plantrack.decoding",
            "plantrack.yamlbuild",
            "plantrack.yamlhints",
            "plantrack.yamlread",
            "plantrack.yamlscope",
            "plantrack.discover",
            "plantrack.source",
            "plantrack.load",
            "plantrack.cache",
            "plantrack.warm",
        ],
    ),
    # The pure parts of the git history: facts read from a revision's text, and
    # what changed between two sets of facts. The history rules read them.
    ("history facts", ["plantrack.history.facts", "plantrack.history.changes"]),
    ("core", ["plantrack.rules", "plantrack.views"]),
    # Edges that touch the world: git history, edits of the file, a new district.
    ("edges", ["plantrack.history", "plantrack.edit", "plantrack.init_template"]),
    ("report", ["plantrack.report", "plantrack.color", "plantrack.documents"]),
    ("commands", ["plantrack.commands"]),
    ("entry", ["plantrack.clizh", "plantrack.cli", "plantrack.__main__"]),
]

# Imports that go up today, each with the change that removes it. The test
# fails when one of them is gone, so the list only shrinks.
KNOWN_UPWARD: dict[tuple[str, str], str] = {}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def is_module(name: str) -> bool:
    path = REPO.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> set[str]:
    """The plantrack modules one file imports, wherever in the file."""
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            found.add(base)
            # `from plantrack.x import y` imports the module plantrack.x.y when there is one
            found.update(f"{base}.{a.name}" for a in node.names if is_module(f"{base}.{a.name}"))
    return {m for m in found if (m == "plantrack" or m.startswith("plantrack.")) and m != here}


@cache
def graph() -> dict[str, set[str]]:
    return {module_name(p): imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> int | None:
    best: tuple[int, int] | None = None  # (prefix length, layer)
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            names_it = module == prefix or module.startswith(prefix + ".")
            if names_it and (best is None or len(prefix) > best[0]):
                best = (len(prefix), index)
    return None if best is None else best[1]


def test_every_module_has_a_layer() -> None:
    unplaced = sorted(m for m in graph() if layer_of(m) is None)
    assert not unplaced, f"place these in LAYERS (tests/test_architecture.py): {unplaced}"


def test_nothing_imports_upward() -> None:
    upward = {
        (module, dep)
        for module, deps in graph().items()
        for dep in deps
        if (layer_of(dep) or 0) > (layer_of(module) or 0)
    }
    unexpected = sorted(upward - set(KNOWN_UPWARD))
    shown = [f"{m} ({LAYERS[layer_of(m) or 0][0]}) imports {d} ({LAYERS[layer_of(d) or 0][0]})" for m, d in unexpected]
    assert not unexpected, "\n".join(shown)
    gone = sorted(set(KNOWN_UPWARD) - upward)
    assert not gone, f"no longer imported upward, delete from KNOWN_UPWARD: {gone}"


def test_no_import_cycles() -> None:
    edges = graph()
    done: set[str] = set()

    def visit(module: str, trail: list[str]) -> None:
        if module in trail:
            cycle = trail[trail.index(module) :] + [module]
            raise AssertionError("import cycle: " + " -> ".join(cycle))
        if module in done:
            return
        for dep in sorted(edges.get(module, ())):
            visit(dep, [*trail, module])
        done.add(module)

    for module in sorted(edges):
        visit(module, [])


def test_the_walk_sees_lazy_and_package_imports() -> None:
    """The graph is only as good as the walk: a lazy import and `from package import module` are both seen."""
    deps = graph()
    assert "plantrack.load" in deps["plantrack.commands.check"]  # imported inside the command function
    assert "plantrack.history.trail" in deps["plantrack.commands.check"]  # `from plantrack.history import trail`
    assert layer_of("plantrack.rules.scheme") == layer_of("plantrack.rules")
