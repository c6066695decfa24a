"""The code's rooms stay apart: no module imports itself back through others (imports inside
functions included), and the layers point one way: pages -> analytics.ui -> the core; the core
never imports Streamlit or the ui."""

from __future__ import annotations

import ast
from pathlib import Path

from analytics.settings import REPO_DIR


def _modules() -> dict[str, Path]:
    found = {"app": REPO_DIR / "app.py", "serve": REPO_DIR / "serve.py"}
    for path in sorted((REPO_DIR / "analytics").rglob("*.py")) + sorted((REPO_DIR / "pages").glob("*.py")):
        parts = path.relative_to(REPO_DIR).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> the modules (and top-level packages) it imports anywhere in its code."""
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(parent + ([base] if base else []))
                for alias in node.names:
                    targets.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that reach each other (Tarjan's strongly connected components)."""
    inner = {name: {t for t in targets if t in graph and t != name} for name, targets in graph.items()}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in inner[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in inner:
        if node not in index:
            visit(node)
    return groups


def test_no_module_imports_itself_back():
    assert _cycles(import_graph()) == []


def test_a_planted_cycle_is_found():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_layers_point_one_way():
    wrong = []
    for name, targets in import_graph().items():
        core = name.startswith("analytics") and not name.startswith("analytics.ui")
        for target in targets:
            if core and (target.split(".")[0] == "streamlit" or target.startswith("analytics.ui")):
                wrong.append(f"{name} -> {target}")
            if name.startswith(("analytics", "pages")) and (target.startswith("pages") or target in ("app", "serve")):
                wrong.append(f"{name} -> {target}")
    assert wrong == []
