"""The layering rules, enforced: data flows engine -> questions -> bank, store, study ->
application -> faces (cli, tui, printing); nothing below the faces imports a UI library;
the calc path and `--help` never import numpy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cnnquiz"

# what each layer may import from cnnquiz (besides itself and the shared leaf modules)
BELOW_APP = {"engine", "questions", "bank", "store", "study", "printing", "demos"}
ALLOWED = {
    "engine": set(),
    "questions": {"engine"},  # never the bank: codes are resolved in the application layer
    "bank": {"questions"},  # bank.render builds questions.model.Question
    "store": {"engine", "questions", "bank"},
    "study": {"engine", "questions", "bank", "store"},
    "printing": {"engine", "questions", "bank"},
    "demos": {"engine"},  # frames of mini operations, on the engine's traces
    "application": BELOW_APP,
    "cli": BELOW_APP | {"application", "tui"},  # the CLI launches the app; never the reverse
    "tui": BELOW_APP | {"application"},
}
SHARED = {"errors", "topics", "paths", "i18n", "__version__", "__init__"}
# UI libraries each layer may use; every other layer uses none
UI = ("textual", "typer", "rich")
UI_ALLOWED = {"cli": ("typer", "rich"), "tui": ("textual", "rich"), "printing": ("rich",)}


def _module_name(path: Path, root: Path) -> list[str]:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _imports(path: Path, root: Path = PACKAGE.parent) -> set[str]:
    """Every module (or module.name) `path` imports, relative imports made absolute,
    including imports inside functions (the lazy ones count too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path, root)
    if path.name != "__init__.py":
        package = package[:-1]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            out |= {f"{module}.{a.name}" for a in node.names}
    return out


def _layer_imports(layer: str) -> list[tuple[Path, str]]:
    folder = PACKAGE / layer
    if not folder.exists():
        pytest.skip(f"{layer} not built yet")
    return [(path, mod) for path in sorted(folder.rglob("*.py")) for mod in _imports(path)]


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_to_their_left(layer: str) -> None:
    for path, mod in _layer_imports(layer):
        top = mod.split(".")[0]
        if top in UI:
            assert top in UI_ALLOWED.get(layer, ()), f"{path} imports {mod}"
        if top == "cnnquiz":
            sub = [*mod.split("."), "__init__"][1]  # bare `import cnnquiz`: the root
            assert sub in ALLOWED[layer] | SHARED | {layer}, f"{path} imports {mod}"


def test_relative_imports_are_seen(tmp_path: Path) -> None:
    """`from . import x` and `from ..x import y` count like absolute imports."""
    folder = tmp_path / "cnnquiz" / "questions" / "templates"
    folder.mkdir(parents=True)
    (folder / "__init__.py").write_text("from . import conv\n")
    (folder / "probe.py").write_text("from .. import codes\nfrom ..model import Question\n"
                                     "def lazy():\n    from ...bank import get_bank\n")
    assert _imports(folder / "__init__.py", tmp_path) == {"cnnquiz.questions.templates.conv"}
    assert _imports(folder / "probe.py", tmp_path) == {
        "cnnquiz.questions.codes", "cnnquiz.questions.model.Question", "cnnquiz.bank.get_bank"}


def test_questions_never_import_the_bank() -> None:
    """The cycle questions <-> bank stays broken: no import of the bank in questions, at
    module level or inside a function, and the rule table allows no cycle at all."""
    assert not [f"{p}: {m}" for p, m in _layer_imports("questions")
                if m.startswith(("cnnquiz.bank", "cnnquiz.application"))]
    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(n == goal or (n not in seen and n in ALLOWED
                                 and reaches(n, goal, seen | {n})) for n in ALLOWED[start])
    assert [layer for layer in ALLOWED if reaches(layer, layer)] == []


def test_generating_questions_loads_no_bank() -> None:
    mods = _modules_after("from cnnquiz.questions import generate, sets\ngenerate.load()\n"
                          "sets.build(sets.params(count=5, seed=1))")
    assert not {m for m in mods if m.startswith("cnnquiz.bank")}


def _modules_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stderr.split())


def test_core_never_loads_textual() -> None:
    mods = _modules_after(
        "from cnnquiz.questions import generate\ngenerate.load()\n"
        "import cnnquiz.engine.ops, cnnquiz.bank\ncnnquiz.bank.get_bank()")
    assert "textual" not in mods


def test_calc_path_imports_no_numpy_or_database() -> None:
    mods = _modules_after(
        "import sys\nsys.argv=['cnnquiz','calc','conv(8,3)','--input','3x8x8','--json']\n"
        "from cnnquiz.cli.main import run\ntry:\n    run()\nexcept SystemExit:\n    pass")
    assert not mods & {"numpy", "sqlalchemy", "textual", "torch", "yaml"}
