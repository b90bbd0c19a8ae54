"""The layering of src/stakecli: a kind-free core, domains on top, no import cycles.

Every `import` and `from ... import` is counted, also those inside functions (imported lazily
is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "stakecli"

DOMAINS = {
    "stakeholders": set(),
    "negotiation": {"stakeholders"},  # our signatories' salience in the register
    "raci": {"stakeholders"},
    "charters": {"raci", "stakeholders"},
    "decisions": {"raci", "stakeholders"},
    "comms": {"stakeholders"},
    "engagement": {"stakeholders", "comms"},
    "reviews": {"stakeholders", "comms", "engagement"},
}
"""Each domain package and the domains it may import (besides core)."""


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in PACKAGE.rglob("*.py")}


def imports(path: Path, known: set[str]) -> set[str]:
    """The stakecli modules `path` imports (a `from pkg import mod` counts `pkg.mod`)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "stakecli")
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "stakecli":
                continue
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {m for m in found if m in known}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, set(known)) - {name} for name, path in known.items()}


def area(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def test_core_imports_no_domain_and_nothing_above_it():
    allowed = {"core", ""}  # "" is the package itself (its __version__)
    bad = {
        (m, t)
        for m, targets in graph().items()
        if area(m) == "core"
        for t in targets
        if area(t) not in allowed
    }
    assert bad == set()


def test_domains_import_only_core_and_the_domains_they_build_on():
    bad = set()
    for m, targets in graph().items():
        if area(m) not in DOMAINS:
            continue
        for t in targets:
            if area(t) not in {"core", area(m), *DOMAINS[area(m)]}:
                bad.add((m, t))
    assert bad == set()


def test_the_registry_names_its_parts_without_importing_them():
    assert {area(t) for t in graph()["stakecli.kinds"]} <= {"core"}


def test_there_is_no_import_cycle():
    edges = graph()
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [])
    assert cycles == []


def test_every_domain_is_a_package_with_a_registry_entry():
    from stakecli import kinds

    registered = {target.split(":")[0].split(".")[1] for k in kinds.KINDS for target in [k.model]}
    assert registered == set(DOMAINS)
