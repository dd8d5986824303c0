"""Only tests that need PyTorch skip without it: in a module that skips as a whole when
torch is missing, every test must use torch (directly or through a module-level helper).
A torch-free test there would silently stop running on a machine without the oracle."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
TORCH_NAMES = {"torch", "F", "t"}  # torch itself, torch.nn.functional, torch_build.as_tensor


def _skips_without_torch(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.Assign) and "importorskip" in ast.unparse(node.value)
               and "torch" in ast.unparse(node.value) for node in tree.body)


def _names(node: ast.AST) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def torch_free_tests(tree: ast.Module) -> list[str]:
    """Test functions of `tree` that reach no torch name through module-level helpers."""
    helpers: dict[str, ast.AST] = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef) and not node.name.startswith("test_"):
            helpers[node.name] = node
        elif isinstance(node, ast.Assign):
            helpers.update({t.id: node for t in node.targets if isinstance(t, ast.Name)})
    torchy, grew = set(TORCH_NAMES), True
    while grew:
        grew = False
        for name, node in helpers.items():
            if name not in torchy and _names(node) & torchy:
                torchy.add(name)
                grew = True
    return [node.name for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")
            and not _names(node) & torchy]


MODULES = sorted(p for p in TESTS.rglob("test_*.py")
                 if _skips_without_torch(ast.parse(p.read_text(encoding="utf-8"))))


def test_the_oracle_modules_are_found() -> None:
    assert len(MODULES) >= 6


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(TESTS)))
def test_every_test_in_a_torch_module_needs_torch(path: Path) -> None:
    free = torch_free_tests(ast.parse(path.read_text(encoding="utf-8")))
    assert not free, f"move these torch-free tests out of {path.name}: {free}"


def test_the_check_finds_a_torch_free_test() -> None:
    tree = ast.parse("torch = pytest.importorskip('torch')\n"
                     "def helper(): return torch.ones(1)\n"
                     "def test_uses_helper(): helper()\n"
                     "def test_plain(): assert 1 + 1 == 2\n")
    assert _skips_without_torch(tree) and torch_free_tests(tree) == ["test_plain"]
