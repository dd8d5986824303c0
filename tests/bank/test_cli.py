"""`cnnquiz bank validate|list` as a user runs them: exit codes, one line per problem, no
traceback, and the contract's JSON shape (in process; `run_with_shipped` is a real
subprocess)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from cnnquiz.bank.locate import packaged_dir
from tests import inprocess
from tests.bank.conftest import CONV, DROPOUT, write

LINE = re.compile(r"^bank/01-convolution\.yaml:\d+: entries\[\d+\]\.\S+: .+$")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The CLI in this process (tests/inprocess.py), in `cwd`, without CNNQUIZ_ settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("CNNQUIZ_")}
    return inprocess.run(args, env=env, cwd=cwd)


def run_with_shipped(shipped: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The real CLI in a subprocess, with `shipped` standing in for question_bank/ so the
    test does not depend on the content being written."""
    code = ("import sys; from pathlib import Path; import cnnquiz.bank.locate as loc; "
            f"loc.packaged_dir = lambda: Path({str(shipped)!r}); "
            "sys.argv = ['cnnquiz', *sys.argv[1:]]; from cnnquiz.cli.main import run; run()")
    env = {k: v for k, v in os.environ.items() if not k.startswith("CNNQUIZ_")}
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_validate_a_good_folder(sample_dir: Path) -> None:
    out = run("bank", "validate", str(sample_dir), cwd=sample_dir.parent)
    assert (out.returncode, out.stdout, out.stderr) == (0, "ok: 5 entries in 2 files\n", "")


def test_validate_prints_one_line_per_problem_and_exits_1(tmp_path: Path) -> None:
    broken = (CONV.replace("topic: channels", "topic: chanels")
              .replace("level: 2", "level: two")
              .replace("why: {en: That is the number of kernels., zh: 那是卷积核的个数。}",
                       "why: {en: That is the number of kernels.}"))
    write(tmp_path / "bank", "01-convolution.yaml", broken)
    out = run("bank", "validate", "bank", cwd=tmp_path)
    lines = out.stdout.splitlines()
    assert out.returncode == 1
    assert len(lines) == 3 and all(LINE.match(line) for line in lines), lines
    assert out.stderr == "error: 3 problem(s) in 1 file(s)\n"
    assert "Traceback" not in out.stdout + out.stderr


def test_validate_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    write(tmp_path / "bank", "01-convolution.yaml", CONV.replace("level: 1", "level: [1", 1))
    out = run("bank", "validate", "bank", cwd=tmp_path)
    assert out.returncode == 1
    assert re.fullmatch(r"bank/01-convolution\.yaml:\d+: YAML syntax: .+\n", out.stdout)


def test_validate_missing_or_empty_folder_is_one_error_line(tmp_path: Path) -> None:
    for folder, message in (("nope", "concept-bank folder not found"),
                            (".", "no *.yaml files")):
        out = run("bank", "validate", folder, cwd=tmp_path)
        assert out.returncode == 1 and out.stdout == ""
        assert out.stderr.startswith("error: ") and message in out.stderr
        assert out.stderr.count("\n") == 1


def test_validate_a_user_bank_against_shipped_ids(tmp_path: Path) -> None:
    shipped = sorted(packaged_dir().glob("*.yaml"))[0]
    data = yaml.safe_load(shipped.read_text(encoding="utf-8"))
    clash = {"section": data["section"], "entries": data["entries"][:1]}
    write(tmp_path / "mine", "extra.yaml", yaml.safe_dump(clash, allow_unicode=True))
    out = run("bank", "validate", "mine", cwd=tmp_path)
    assert out.returncode == 1
    assert f"duplicate id {data['entries'][0]['id']!r} (first at " in out.stdout
    assert shipped.name in out.stdout


def test_list_json_has_the_contract_shape(sample_dir: Path, tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    write(extra, "09-extra.yaml", DROPOUT.replace("section: 6", "section: 9")
          .replace("topic: dropout", "topic: regularization").replace("id: dropout-", "id: x-"))
    out = run_with_shipped(sample_dir, "--bank", "extra", "bank", "list", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [r["id"] for r in rows] == [
        "odd-kernel", "kernel-depth", "full-and-valid", "full-is-longer", "dropout-at-test",
        "x-at-test"]
    # The contract's keys, plus the added "templates" (the contract only ever grows).
    assert rows[0] == {"id": "odd-kernel", "topic": "padding", "kind": "short",
                       "langs": ["en", "zh"], "templates": []}
    assert rows[-1] == {"id": "x-at-test", "topic": "regularization", "kind": "truefalse",
                        "langs": ["en", "zh"], "templates": []}
    assert all(set(r) == {"id", "topic", "kind", "langs", "templates"} for r in rows)


def test_list_leaves_out_a_broken_file_and_names_it_in_one_line(sample_dir: Path,
                                                                  tmp_path: Path) -> None:
    write(sample_dir, "02-pooling.yaml", "section: 2\nentries:\n  - id: x\n")
    out = run_with_shipped(sample_dir, "bank", "list", "--json", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == 5  # the good files' entries are all there
    assert out.stderr.startswith("warning: bank/02-pooling.yaml left out (4 problems, first: ")
    assert "02-pooling.yaml:3: entries[0]." in out.stderr
    assert out.stderr.count("\n") == 1


def test_list_the_shipped_bank_as_table_and_json(tmp_path: Path) -> None:
    out = run("bank", "list", "--topic", "dropout", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "dropout" in out.stdout and "entries" in out.stdout
    as_json = json.loads(run("bank", "list", "--json", "--topic", "dropout", cwd=tmp_path).stdout)
    assert as_json and {r["topic"] for r in as_json} == {"dropout"}


def test_missing_bank_option_folder_is_a_user_error(tmp_path: Path) -> None:
    out = run("--bank", "nope", "bank", "list", cwd=tmp_path)
    assert out.returncode == 1 and out.stderr == "error: --bank folder not found: nope\n"


def test_help_path_does_not_import_yaml_or_pydantic(tmp_path: Path) -> None:
    code = ("import sys, cnnquiz.bank, cnnquiz.cli.bank; "
            "print(sorted(m for m in ('yaml', 'pydantic', 'rich') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, timeout=60)
    assert out.stdout.strip() == "[]", out.stderr
