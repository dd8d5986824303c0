"""The layering rules, enforced: data flows engine -> questions -> store/cli, and nothing
below the UI imports Textual; the calc path and `--help` never import numpy."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "cnnquiz"

# what each layer may import from cnnquiz (besides itself and the shared leaf modules)
ALLOWED = {
    "engine": set(),
    "questions": {"engine", "bank"},
    "bank": {"questions"},  # bank.render builds questions.model.Question
    "store": {"engine", "questions", "bank"},
    "study": {"engine", "questions", "bank", "store"},
}
SHARED = {"errors", "topics", "paths", "i18n"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module)
    return out


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_layers_import_only_to_their_left(layer: str) -> None:
    folder = PACKAGE / layer
    if not folder.exists():
        pytest.skip(f"{layer} not built yet")
    for path in folder.rglob("*.py"):
        for mod in _imports(path):
            assert not mod.startswith(("textual", "typer", "rich")), f"{path} imports {mod}"
            if mod.startswith("cnnquiz."):
                top = mod.split(".")[1]
                assert top in ALLOWED[layer] | SHARED | {layer}, f"{path} imports {mod}"


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
