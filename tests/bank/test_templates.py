"""Template references: an entry's `templates` names generated question templates that
practise the same skill. Given the template ids (the application layer passes them to
`check`), an unknown id is one problem line (file, line, field) like any other; every
shipped reference resolves, and `bank list --json` carries the list."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cnnquiz.bank.loader import check
from cnnquiz.bank.locate import packaged_dir
from cnnquiz.questions import generate
from tests.bank.conftest import CONV, DROPOUT, line_of, write
from tests.bank.test_cli import run, run_with_shipped

KNOWN = {t.id for t in generate.templates()}
WITH_REFS = CONV.replace("    tags: [kernel]\n",
                         "    tags: [kernel]\n    templates: [conv.find_setting, padding.tf_output]\n")


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)


def _problems(tmp_path: Path, text: str) -> list[str]:
    folder = tmp_path / "bank"
    write(folder, "01-convolution.yaml", text)
    write(folder, "06-dropout.yaml", DROPOUT)
    return [str(p) for p in check([folder], templates=KNOWN)[1]]


def test_known_references_validate(tmp_path: Path) -> None:
    assert _problems(tmp_path, WITH_REFS) == []


def test_an_unknown_template_id_is_one_line_naming_file_line_and_field(tmp_path: Path) -> None:
    text = WITH_REFS.replace("padding.tf_output]", "padding.tf_outptu]")
    line = line_of(text, "templates:")
    assert _problems(tmp_path, text) == [
        f"bank/01-convolution.yaml:{line}: entries[0].templates[1]: unknown template id "
        "'padding.tf_outptu' (did you mean 'padding.tf_output'?); it must be the id of a "
        "generated question template (cnnquiz/questions/templates), e.g. conv.output_size"]


def test_a_block_list_points_at_the_line_of_the_bad_item(tmp_path: Path) -> None:
    text = CONV.replace("    tags: [kernel]\n", "    tags: [kernel]\n    templates:\n"
                        "      - conv.find_setting\n      - no-such-template\n")
    (problem,) = _problems(tmp_path, text)
    assert problem.startswith(f"bank/01-convolution.yaml:{line_of(text, 'no-such-template')}: "
                              "entries[0].templates[1]: unknown template id 'no-such-template';")


def test_an_empty_template_id_says_so_once(tmp_path: Path) -> None:
    (problem,) = _problems(tmp_path, WITH_REFS.replace("[conv.find_setting,", "['',"))
    assert problem.endswith("entries[0].templates[0]: must not be empty")


def test_validate_command_reports_an_unknown_template(tmp_path: Path) -> None:
    write(tmp_path / "bank", "01-convolution.yaml", WITH_REFS.replace("conv.find_setting", "nope"))
    out = run("bank", "validate", "bank", cwd=tmp_path)
    assert out.returncode == 1
    assert out.stdout.splitlines() == [
        f"bank/01-convolution.yaml:{line_of(WITH_REFS, 'templates:')}: entries[0].templates[0]: "
        "unknown template id 'nope'; it must be the id of a generated question template "
        "(cnnquiz/questions/templates), e.g. conv.output_size"]


def test_every_shipped_reference_resolves() -> None:
    """Read with plain PyYAML (not the loader under test): each id names a live template."""
    bad, referenced = [], 0
    for path in sorted(packaged_dir().glob("*.yaml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
            refs = e.get("templates") or []
            referenced += bool(refs)
            assert len(refs) == len(set(refs)), f"{path.name}#{e['id']}: repeated template"
            bad += [f"{path.name}#{e['id']}: {r}" for r in refs if r not in KNOWN]
    assert bad == []
    assert referenced >= 100, f"only {referenced} entries reference a template"


def test_every_template_is_referenced_by_some_shipped_entry() -> None:
    """Each template has concept questions to go with it (a new template wants some)."""
    used = set()
    for path in packaged_dir().glob("*.yaml"):
        for e in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]:
            used.update(e.get("templates") or [])
    assert sorted(KNOWN - used) == []


def test_list_json_carries_the_references(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    write(folder, "01-convolution.yaml", WITH_REFS)
    out = run_with_shipped(folder, "bank", "list", "--json", "--topic", "padding", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{
        "id": "odd-kernel", "topic": "padding", "kind": "short", "langs": ["en", "zh"],
        "templates": ["conv.find_setting", "padding.tf_output"]}]


def test_without_template_ids_references_are_not_checked(tmp_path: Path) -> None:
    """Loading for study passes no ids: an unknown reference then matches nothing, and
    the bank never imports the template registry (numpy and the engine stay unloaded)."""
    write(tmp_path / "bank", "01-convolution.yaml", WITH_REFS.replace("conv.find_setting", "nope"))
    code = ("import sys; from pathlib import Path; from cnnquiz.bank.loader import check; "
            "assert not check([Path('bank')])[1]; "
            "print('cnnquiz.questions.templates' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60)
    assert out.stdout.strip() == "False", out.stderr
