"""The package's layers import only downwards: every ``import`` of a peelstats module, at the top of a file or
inside a function (``if TYPE_CHECKING:`` blocks aside), is checked against the order below."""

from __future__ import annotations

import ast
from pathlib import Path

import peelstats

ROOT = Path(peelstats.__file__).parent
# rank of each layer: a module may import its own layer and any lower one
RANKS = {"base": 0, "reference": 1, "ingest": 2, "analysis": 3, "policeuk": 4, "claims": 5, "reporting": 6,
         "top": 7}
BASE = {"config", "errors", "formats", "interrupts", "output"}
TOP = {"cli", "console", "__main__", "__init__"}


def layer_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:  # the package itself: `from peelstats import __version__`
        return "base"
    if parts[1] in RANKS:
        return parts[1]
    if parts[1] in BASE or parts[1] == "__version__":
        return "base"
    if parts[1] in TOP:
        return "top"
    return "unknown:" + parts[1]


def _type_checking_lines(tree: ast.AST) -> set[int]:
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in ast.walk(node):
                if hasattr(inner, "lineno"):
                    lines.add(inner.lineno)
    return lines


def imports() -> list[tuple[str, str, int]]:
    found = []
    for path in ROOT.rglob("*.py"):
        module = ".".join(path.relative_to(ROOT.parent).with_suffix("").parts).removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _type_checking_lines(tree)
        for node in ast.walk(tree):
            if getattr(node, "lineno", None) in skipped:
                continue
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and \
                    node.module.split(".")[0] == "peelstats":
                targets = [f"peelstats.{a.name}" for a in node.names] if node.module == "peelstats" else \
                    [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names if a.name.split(".")[0] == "peelstats"]
            else:
                continue
            found += [(module, target, node.lineno) for target in targets]
    return found


def test_every_module_belongs_to_a_layer():
    unknown = {m for m, _, _ in imports() if layer_of(m).startswith("unknown")}
    assert not unknown


def test_layers_import_only_downwards():
    wrong = []
    for module, target, line in imports():
        here, there = layer_of(module), layer_of(target)
        if there.startswith("unknown"):
            wrong.append(f"{module}:{line} imports {target}, which is in no layer")
        elif here != "top" and RANKS[there] > RANKS[here]:
            wrong.append(f"{module}:{line} ({here}) imports {target} ({there})")
    assert not wrong, "\n".join(wrong)
