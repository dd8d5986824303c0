"""`cnnquiz print` in every format: files, forms, separate keys, and what stdout refuses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnnquiz.cli.main import app
from cnnquiz.errors import CnnquizError
from tests.cli.conftest import Run
from tests.printing.conftest import pdf_pages


def _run(*args: str) -> tuple[int, str, BaseException | None]:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    return result.exit_code, result.stdout, result.exception


def _refused(*args: str) -> str:
    code, _, exc = _run(*args)
    assert isinstance(exc, CnnquizError), (code, exc)
    return str(exc)


def test_versions_write_forms_with_separate_keys(tmp_path: Path) -> None:
    out = tmp_path / "quiz.pdf"
    code, _, exc = _run("print", "--count", "6", "--seed", "4", "--format", "pdf", "--versions", "2",
                        "--key", "separate", "-o", str(out))
    assert code == 0, exc
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["quiz-A-key.pdf", "quiz-A.pdf", "quiz-B-key.pdf", "quiz-B.pdf"]
    for form in "AB":
        code = f"s1.0.6.0.4.{form.lower()}"  # every page's footer shows the form's own code
        sheet = pdf_pages((tmp_path / f"quiz-{form}.pdf").read_bytes(), code)
        key = pdf_pages((tmp_path / f"quiz-{form}-key.pdf").read_bytes(), code)
        assert f"Form {form}" in sheet[0] and "Answer key" not in "".join(sheet)
        assert "answer key" in key[0] and "Answer:" in key[0]


def test_versions_keep_templates_and_change_numbers(tmp_path: Path) -> None:
    code, _, exc = _run("print", "--count", "8", "--seed", "9", "--versions", "2", "-o",
                        str(tmp_path / "set.json"))
    assert code == 0, exc
    a, b = (json.loads((tmp_path / f"set-{f}.json").read_text()) for f in "AB")
    assert [q["template"] for q in a["questions"]] == [q["template"] for q in b["questions"]]
    assert [q["level"] for q in a["questions"]] == [q["level"] for q in b["questions"]]
    generated = [(x["code"], y["code"]) for x, y in zip(a["questions"], b["questions"], strict=True)
                 if x["template"] != "bank"]
    assert generated and all(x != y for x, y in generated)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_text_formats_go_to_stdout(fmt: str) -> None:
    code, stdout, exc = _run("print", "--count", "3", "--seed", "2", "--format", fmt, "-o", "-")
    assert code == 0, exc
    assert "s1.0.3.0.2" in stdout


@pytest.mark.parametrize("args", [["--format", "pdf"], ["--format", "apkg", "-o", "-"]])
def test_binary_formats_are_refused_on_stdout(args: list[str]) -> None:
    assert "-o" in _refused("print", "--count", "2", *args)


def test_several_forms_and_separate_keys_are_refused_on_stdout() -> None:
    assert "forms" in _refused("print", "--count", "2", "--format", "md", "--versions", "2")
    assert "second file" in _refused("print", "--count", "2", "--format", "md", "--key", "separate")
    assert "unknown format" in _refused("print", "--format", "docx", "-o", "x.docx")


def test_apkg_file_is_an_anki_package(tmp_path: Path) -> None:
    code, _, exc = _run("print", "--count", "4", "--seed", "1", "--format", "apkg", "-o",
                        str(tmp_path / "deck.apkg"))
    assert code == 0, exc
    assert (tmp_path / "deck.apkg").read_bytes()[:2] == b"PK"


def test_refusal_is_one_line_on_stderr_exit_1(cli: Run) -> None:
    out = cli("print", "--format", "pdf", "--count", "2")
    assert out.returncode == 1 and out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
