"""Codes resolve one layer above questions and bank: generated codes, shipped `bank:`
codes and codes of the user's extra `--bank` folders, in the app and through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnnquiz.application import Settings, make_application
from cnnquiz.application.questions import concept_questions
from cnnquiz.cli.main import app as cli
from cnnquiz.errors import CnnquizError
from cnnquiz.questions import generate
from tests.application.conftest import EXTRA_ID

runner = CliRunner()


def test_a_generated_code_regenerates_its_question(settings: Settings) -> None:
    made = generate.make("conv.output_size", 2, 12345)
    q = make_application(settings).question(made.code)
    assert (q.code, q.prompt, q.answer) == (made.code, made.prompt, made.answer)


def test_an_extra_bank_code_resolves_in_both_languages(settings: Settings) -> None:
    application = make_application(settings)
    q = application.question(f"bank:{EXTRA_ID}")
    assert q.code == f"bank:{EXTRA_ID}" and q.answer.value == "B"
    zh = make_application(Settings(settings.db, "zh", bank_dirs=settings.bank_dirs))
    assert "反向 dropout" in zh.question(f"bank:{EXTRA_ID}").prompt


def test_an_extra_code_is_unknown_without_its_folder(settings: Settings) -> None:
    with pytest.raises(CnnquizError, match=f"unknown concept question 'bank:{EXTRA_ID}'"):
        make_application(Settings(settings.db)).question(f"bank:{EXTRA_ID}")


def test_generated_code_resolution_never_loads_the_bank() -> None:
    """`generate.from_code` knows nothing of `bank:` codes any more."""
    with pytest.raises(CnnquizError, match="not a question code"):
        generate.from_code(f"bank:{EXTRA_ID}")


def test_show_finds_an_entry_that_bank_list_shows(extra_bank: Path, db: Path) -> None:
    opts = ["--db", str(db), "--bank", str(extra_bank)]
    listed = runner.invoke(cli, [*opts, "bank", "list", "--json", "--topic", "dropout"])
    assert listed.exit_code == 0, listed.output
    assert EXTRA_ID in [row["id"] for row in json.loads(listed.stdout)]
    shown = runner.invoke(cli, [*opts, "show", f"bank:{EXTRA_ID}", "--json"])
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.stdout)["code"] == f"bank:{EXTRA_ID}"
    text = runner.invoke(cli, [*opts, "show", f"bank:{EXTRA_ID}"])
    assert "Inverted dropout scales kept units" in text.stdout and "Solution" in text.stdout


def test_print_draws_concepts_from_the_extra_bank(extra_bank: Path) -> None:
    found = concept_questions(("dropout",), 2, "en", [str(extra_bank)])
    assert f"bank:{EXTRA_ID}" in [make(0).code for make in found]
    shipped = concept_questions(("dropout",), 2, "en")
    assert f"bank:{EXTRA_ID}" not in [make(0).code for make in shipped]


def test_print_honours_a_bad_bank_folder(tmp_path: Path) -> None:
    out = runner.invoke(cli, ["--bank", str(tmp_path / "nope"), "print", "--count", "2"])
    assert out.exit_code == 1
    assert str(out.exception) == f"--bank folder not found: {tmp_path / 'nope'}"


def test_check_regenerates_extra_bank_questions_from_a_set_file(settings: Settings,
                                                                tmp_path: Path) -> None:
    application = make_application(settings)
    q = application.question(f"bank:{EXTRA_ID}")
    sheet = tmp_path / "set.json"
    sheet.write_text(json.dumps({"code": "x", "questions": [q.to_json(1)]}), encoding="utf-8")
    (_, verdict), = application.check(str(sheet), "1: A\n").results
    assert verdict.verdict == "wrong" and verdict.mistake  # a named mistake: regenerated
