"""Bank entries become Questions that the study loop, drill and printed sets can use,
and the lookup functions other layers call find them by code, topic and section."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cnnquiz
from cnnquiz import bank
from cnnquiz.bank import locate
from cnnquiz.errors import CnnquizError


@pytest.fixture
def only_sample(sample_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the sample bank the 'shipped' one, so these tests do not depend on content."""
    monkeypatch.setattr(locate, "packaged_dir", lambda: sample_dir)
    return sample_dir


def test_short_answer_question(only_sample: Path) -> None:
    q = bank.question("bank:odd-kernel", "en")
    assert (q.code, q.template, q.topic, q.level, q.lang) == (
        "bank:odd-kernel", "bank", "padding", 2, "en")
    assert q.spec == {"bank": "01-convolution.yaml#odd-kernel"}
    assert q.skill == "bank:odd-kernel"
    assert q.prompt == "Why are kernels odd-sized?"
    assert (q.answer.kind, q.answer.value) == ("text", "A centre pixel and symmetric padding.")
    assert q.key_points == ("a centre anchor pixel", "symmetric padding p = (k-1)/2",
                            "output size kept at stride 1")
    assert q.solution == [q.answer.value, *q.key_points]
    assert q.options == () and q.mistakes == ()


def test_single_answer_choice(only_sample: Path) -> None:
    q = bank.question("kernel-depth", "en")
    by_text = {o.text: o for o in q.options}
    right = by_text["The number of input channels"]
    assert (q.answer.kind, q.answer.value) == ("choice", right.letter)
    assert [o.letter for o in q.options] == ["A", "B", "C"]
    assert [o.correct for o in q.options].count(True) == 1 and right.correct
    wrong = by_text["The number of output channels"]
    assert wrong.why == "That is the number of kernels."
    paragraphs = q.prompt.split("\n\n")
    assert paragraphs == ["What is the depth of a kernel?",
                          *(f"{o.letter}. {o.text}" for o in q.options)]
    # a mistake keeps the letter written in the file as its name, and the shown letter as value
    assert sorted((m.name, m.value, m.explanation) for m in q.mistakes) == sorted([
        ("bank:kernel-depth:B", wrong.letter, "That is the number of kernels."),
        ("bank:kernel-depth:C", by_text["Always one"].letter, "Only for a one-channel input.")])
    assert q.solution[-1] == "Depth equals input channels."
    assert all(step.startswith(f"**{o.letter}**") and o.why in step
               for o, step in zip(q.options, q.solution, strict=False))


def test_multi_answer_choice_is_a_sorted_letter_list(only_sample: Path) -> None:
    q = bank.question("full-and-valid", "zh")
    right = sorted(o.letter for o in q.options if o.text in ("full 得 7", "valid 得 3"))
    assert q.answer.value == right
    assert "多选" in q.prompt.split("\n\n")[0]
    (wrong,) = [o for o in q.options if not o.correct]
    assert [(m.name, m.value) for m in q.mistakes] == [("bank:full-and-valid:B", wrong.letter)]
    assert wrong.text == "valid 得 2"


@pytest.mark.parametrize(("ident", "lang", "letter", "texts"), [
    ("full-is-longer", "en", "A", ("True", "False")),
    ("dropout-at-test", "en", "B", ("True", "False")),
    ("dropout-at-test", "zh", "B", ("对", "错")),
])
def test_true_false_is_a_two_option_choice(
    only_sample: Path, ident: str, lang: str, letter: str, texts: tuple[str, str]
) -> None:
    q = bank.question(ident, lang)
    assert q.answer.value == letter
    assert tuple(o.text for o in q.options) == texts
    assert [o.letter for o in q.options if o.correct] == [letter]
    why = bank.find(ident).entry.why
    assert why is not None and q.solution == [why.get(lang)]
    assert [m.value for m in q.mistakes] == ["B" if letter == "A" else "A"]
    assert q.prompt.endswith(f"A. {texts[0]}\n\nB. {texts[1]}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_sample_renders_to_contract_json(only_sample: Path, lang: str) -> None:
    for item in bank.entries():
        q = bank.to_question(item, lang)
        out = json.loads(json.dumps(q.to_json(n=3), ensure_ascii=False))
        assert set(out) >= {"n", "code", "template", "topic", "level", "prompt", "answer",
                            "solution", "spec"}
        assert out["spec"] == {"bank": item.source}
        assert out["answer"]["kind"] in ("choice", "text")


def test_languages_differ(only_sample: Path) -> None:
    en, zh = bank.question("odd-kernel", "en"), bank.question("odd-kernel", "zh")
    assert zh.prompt == "为什么卷积核是奇数尺寸？" and en.prompt != zh.prompt
    with pytest.raises(ValueError, match="language"):
        bank.question("odd-kernel", "fr")


def test_find_accepts_code_id_and_spec_forms(only_sample: Path) -> None:
    forms = ["bank:kernel-depth", "kernel-depth", "01-convolution.yaml#kernel-depth"]
    assert {bank.find(f).id for f in forms} == {"kernel-depth"}
    with pytest.raises(CnnquizError, match="did you mean bank:kernel-depth"):
        bank.find("bank:kernel-dept")


def test_entries_filter_by_topic_and_section(only_sample: Path) -> None:
    assert [e.id for e in bank.entries(topic="conv1d")] == ["full-and-valid", "full-is-longer"]
    assert [e.id for e in bank.entries(section=6)] == ["dropout-at-test"]
    assert bank.entries(topic="conv1d", section=6) == []
    with pytest.raises(CnnquizError, match="unknown topic"):
        bank.entries(topic="convolution")
    with pytest.raises(CnnquizError, match="section"):
        bank.entries(section=11)


def test_list_rows_have_the_contract_shape(only_sample: Path) -> None:
    rows = bank.list_rows()
    assert rows[0] == {"id": "odd-kernel", "topic": "padding", "kind": "short",
                       "langs": ["en", "zh"], "templates": []}
    assert [r["kind"] for r in rows] == ["short", "choice", "choice", "truefalse", "truefalse"]


def test_extra_folders_add_entries_and_must_exist(only_sample: Path, tmp_path: Path) -> None:
    extra = tmp_path / "mine"
    extra.mkdir()
    (extra / "09-mine.yaml").write_text(
        "section: 9\nentries:\n  - id: my-relu\n    topic: activations\n    kind: truefalse\n"
        "    level: 1\n    question: {en: ReLU is linear., zh: ReLU 是线性的。}\n"
        "    statement_true: false\n    why: {en: It bends at 0., zh: 它在 0 处弯折。}\n",
        encoding="utf-8")
    assert bank.find("my-relu", extra=[extra]).section == 9
    assert len(bank.entries(extra=[str(extra)])) == 6
    with pytest.raises(CnnquizError, match="unknown concept question"):
        bank.find("my-relu")  # not without --bank
    with pytest.raises(CnnquizError, match="--bank folder not found"):
        bank.entries(extra=[tmp_path / "nope"])


def test_bank_is_loaded_once_per_process(only_sample: Path) -> None:
    first = bank.get_bank()
    assert bank.get_bank() is first
    bank.clear_cache()
    assert bank.get_bank() is not first


def test_the_shipped_bank_is_beside_or_inside_the_package() -> None:
    package = Path(cnnquiz.__file__).resolve().parent
    found = locate.packaged_dir()
    assert found in (package / "question_bank", package.parent / "question_bank")
    assert (found / "README.md").is_file()
