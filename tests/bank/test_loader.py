"""Broken bank files: each mistake an author makes gives one line naming file, line,
field and reason, and `validate` collects them all instead of stopping at the first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from cnnquiz.bank.loader import Problem, check, load
from cnnquiz.errors import CnnquizError
from tests.bank.conftest import CONV, DROPOUT, line_of, write


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Problems show paths relative to the working folder, as a user would open them."""
    monkeypatch.chdir(tmp_path)


def _sub(old: str, new: str, count: int = 1) -> Callable[[str], str]:
    def edit(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, count)
    return edit


@dataclass
class Case:
    edit: Callable[[str], str]
    where: str
    reason: str  # a substring of the reason
    line_needle: str  # the line the problem must point at (in the edited text)
    nth: int = 1


CASES: dict[str, Case] = {
    "yaml syntax": Case(
        _sub('question: {en: "Why are kernels odd-sized?"', "question: Why: odd"), "",
        "YAML syntax", "question: Why: odd"),
    "missing field": Case(
        _sub("    level: 1\n    question: {en: \"What", "    question: {en: \"What"),
        "entries[1].level", "field required", "id: kernel-depth"),
    "missing nested text": Case(
        _sub("why: {en: That is the number of kernels., zh: 那是卷积核的个数。}",
             "why: {en: That is the number of kernels.}"),
        "entries[1].options[1].why.zh", "field required", "That is the number of kernels"),
    "duplicate id in a file": Case(
        _sub("id: full-and-valid", "id: odd-kernel"), "entries[2].id",
        "duplicate id 'odd-kernel' (first at bank/01-convolution.yaml:3)", "id: odd-kernel", 2),
    "wrong type": Case(
        _sub("level: 2", "level: two"), "entries[0].level",
        "valid integer, got the text 'two'", "level: two"),
    "number where text is due": Case(
        _sub("{en: Always one,", "{en: 1,"), "entries[1].options[2].text.en",
        "got the number 1 (YAML read it as that; put the text in quotes)", "{en: 1,"),
    "unknown field": Case(
        _sub("    level: 2\n", "    level: 2\n    anwser: {en: x, zh: y}\n"), "entries[0].anwser",
        "unknown field 'anwser' (did you mean 'answer'?)", "anwser:"),
    "bad topic": Case(
        _sub("topic: channels", "topic: chanels"), "entries[1].topic",
        "unknown topic 'chanels'; did you mean 'channels'?", "topic: chanels"),
    "topic of another section": Case(
        _sub("topic: channels", "topic: dropout"), "entries[1].topic",
        "belongs to section 6, not to this file's section 1", "topic: dropout"),
    "duplicate key": Case(
        _sub("    kind: short\n", "    kind: short\n    level: 1\n"), "entries[0].level",
        "duplicate key 'level' (first on line 6)", "level: 2"),
    "empty text": Case(
        _sub("zh: 输入通道数}", "zh: ' '}"), "entries[1].options[0].text.zh",
        "must not be empty", "The number of input channels"),
    "bad id": Case(
        _sub("id: kernel-depth", "id: Kernel_Depth"), "entries[1].id",
        "must be lowercase-kebab", "id: Kernel_Depth"),
    "choice without a correct option": Case(
        _sub("correct: true", "correct: false"), "entries[1].options",
        "no option has correct: true", "options:"),
    "short with two points": Case(
        _sub("      - {en: output size kept at stride 1, zh: 步长为 1 时输出尺寸不变}\n", ""),
        "entries[0].points", "kind short needs 3 to 5 key points, got 2", "points:"),
    "truefalse without statement_true": Case(
        _sub("    statement_true: true\n", ""), "entries[3].statement_true",
        "field required for kind truefalse", "id: full-is-longer"),
    "field of another kind": Case(
        _sub("    kind: short\n", "    kind: short\n    statement_true: false\n"),
        "entries[0].statement_true", "not used by kind short", "statement_true: false"),
    "section out of range": Case(
        _sub("section: 1", "section: 11"), "section", "less than or equal to 10", "section:"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_each_mistake_gives_one_clear_line(tmp_path: Path, name: str) -> None:
    case = CASES[name]
    text = case.edit(CONV)
    folder = tmp_path / "bank"
    write(folder, "01-convolution.yaml", text)
    write(folder, "06-dropout.yaml", DROPOUT)
    _, problems = check([folder])
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    assert problem.file == "bank/01-convolution.yaml"
    assert problem.line == line_of(text, case.line_needle, case.nth)
    assert problem.where == case.where
    assert case.reason in problem.reason
    line = str(problem)
    assert "\n" not in line
    assert line.startswith(f"{problem.file}:{problem.line}: ")


def test_duplicate_id_across_files_names_both_places(tmp_path: Path) -> None:
    folder = tmp_path / "bank"
    write(folder, "01-convolution.yaml", CONV)
    clash = DROPOUT.replace("id: dropout-at-test", "id: kernel-depth")
    write(folder, "06-dropout.yaml", clash)
    _, problems = check([folder])
    assert [str(p) for p in problems] == [
        f"bank/06-dropout.yaml:{line_of(clash, 'id: kernel')}: entries[0].id: duplicate id "
        f"'kernel-depth' (first at bank/01-convolution.yaml:{line_of(CONV, 'id: kernel-depth')})"
    ]


def test_all_problems_are_collected_in_line_order(tmp_path: Path) -> None:
    text = CONV
    for name in ("bad topic", "unknown field", "wrong type", "missing nested text"):
        text = CASES[name].edit(text)
    write(tmp_path, "01-convolution.yaml", text)
    _, problems = check([tmp_path])
    assert {p.where for p in problems} == {
        "entries[1].topic", "entries[0].level", "entries[0].anwser", "entries[1].options[1].why.zh"
    }
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_file_name_must_match_section(tmp_path: Path) -> None:
    write(tmp_path, "02-pooling.yaml", CONV)
    _, problems = check([tmp_path])
    assert [(p.where, p.line) for p in problems] == [("section", 1)]
    assert "file name says 02" in problems[0].reason


@pytest.mark.parametrize(("text", "reason"), [
    ("", "expected a mapping with section, entries, got nothing (null)"),
    ("- a\n- b\n", "expected a mapping with section, entries, got a list"),
    ("section: 1\nentries: []\n", "at least 1 item"),
])
def test_files_of_the_wrong_shape(tmp_path: Path, text: str, reason: str) -> None:
    write(tmp_path, "01-x.yaml", text)
    _, problems = check([tmp_path])
    assert len(problems) == 1 and reason in problems[0].reason, problems


def test_yaml_that_only_libyaml_accepts_is_reported(tmp_path: Path) -> None:
    """Validation uses the strict parser so a bank that passes loads on every PyYAML."""
    text = CONV.replace('{en: "Why are kernels odd-sized?",', "{en: Why are kernels odd-sized?,")
    write(tmp_path, "01-convolution.yaml", text)
    _, problems = check([tmp_path])
    assert [p.line for p in problems] == [line_of(text, "Why are kernels odd-sized?")]


def test_not_utf8_and_yml_files_are_reported(tmp_path: Path) -> None:
    (tmp_path / "01-convolution.yaml").write_bytes(CONV.encode("utf-8") + b"\xff\xfe oops\n")
    write(tmp_path, "06-dropout.yml", DROPOUT)
    _, problems = check([tmp_path])
    assert sorted((Path(p.file).name, p.line) for p in problems) == [
        ("01-convolution.yaml", CONV.count("\n") + 1), ("06-dropout.yml", 1)]


def test_load_leaves_out_a_broken_file_naming_its_first_problem(sample_dir: Path) -> None:
    write(sample_dir, "01-convolution.yaml", CASES["bad topic"].edit(CONV))
    bank = load([sample_dir])
    assert [e.id for e in bank.entries] == ["dropout-at-test"]  # the other file stays
    (skipped,) = bank.skipped
    assert re.search(r"01-convolution\.yaml left out \(1 problem, first: \S*01-convolution"
                     r"\.yaml:\d+: entries\[1\]\.topic", skipped)


def test_load_of_a_good_bank_keeps_order_and_lines(sample_dir: Path) -> None:
    bank = load([sample_dir])
    assert [e.id for e in bank.entries] == [
        "odd-kernel", "kernel-depth", "full-and-valid", "full-is-longer", "dropout-at-test"]
    assert [e.line for e in bank.entries[:4]] == [
        line_of(CONV, f"id: {e.id}") for e in bank.entries[:4]]
    assert bank.by_id["dropout-at-test"].source == "06-dropout.yaml#dropout-at-test"


def test_missing_folder_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(CnnquizError, match="not found"):
        check([tmp_path / "nope"])


def test_problem_without_field_path_prints_file_line_reason() -> None:
    assert str(Problem("a.yaml", 3, "", "YAML syntax: x")) == "a.yaml:3: YAML syntax: x"
