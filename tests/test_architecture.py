"""The app layering of the README, and no import cycles: read from the source (every import, also those
inside functions, where a cycle would otherwise hide)."""

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.once

ROOT = Path(__file__).resolve().parents[1]
APPS = ["portal", "curriculum", "knowledge", "needs", "api", "search"]
# App -> the apps it may import. curriculum and knowledge build on portal, knowledge may point at
# curriculum; needs and api read the others and nobody imports them; search reads all and nobody imports it.
MAY_IMPORT = {
    "portal": set(),
    "curriculum": {"portal"},
    "knowledge": {"portal", "curriculum"},
    "needs": {"portal", "curriculum", "knowledge"},
    "api": {"portal", "curriculum", "knowledge"},
    "search": {"portal", "curriculum", "knowledge"},
}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield module_name(path), path


def imports_of(name, path):
    return imports_in(path.read_text(encoding="utf-8"), name, is_package=path.name == "__init__.py")


def imports_in(source, name, is_package=False):
    """Every project module the module `name` imports, wherever in its source."""
    package = name if is_package else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)  # `from . import views`
    return {module for module in found if module.split(".")[0] in APPS}


@pytest.fixture(scope="module")
def graph():
    modules = dict(project_modules())
    return {name: {m for m in imports_of(name, path) if m in modules and m != name} for name, path in modules.items()}


def test_apps_import_only_what_the_layering_allows(graph):
    wrong = sorted(
        f"{name} imports {target}"
        for name, targets in graph.items()
        for target in targets
        if target.split(".")[0] != name.split(".")[0] and target.split(".")[0] not in MAY_IMPORT[name.split(".")[0]]
    )
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles(graph):
    cycles = []
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(" → ".join(trail[trail.index(target) :] + [target]))
            elif target not in state:
                visit(target, trail + [target])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [node])
    assert not cycles, "\n".join(cycles)


def test_the_check_sees_imports_inside_functions():
    source = "def later():\n    from .views import answer\n    from portal import listings\n"
    assert imports_in(source, "needs.models") >= {"needs.views", "portal.listings"}
