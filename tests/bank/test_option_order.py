"""The right option is not always A: each instance of a concept choice question letters its
options in an order drawn from its code, the same code always shows the same order (so
`show CODE` and a printed key agree), and every option keeps its own explanation."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnnquiz import bank
from cnnquiz.application.questions import build_sets, read_set, resolve_code
from cnnquiz.cli.main import app
from cnnquiz.questions.grading import grade
from cnnquiz.study.skills import catalogue

SINGLE = [e for e in bank.entries() if e.kind == "choice"
          and sum(o.correct for o in e.entry.options or ()) == 1]


def test_the_right_letter_is_spread_over_the_options() -> None:
    rng = random.Random(12)
    letters: Counter[str] = Counter()
    for item in SINGLE:
        for _ in range(10):
            q = bank.to_question(item, "en", variant=rng.getrandbits(32))
            letters[q.answer.value] += 1
    total = sum(letters.values())
    four = sum(len(e.entry.options or ()) >= 4 for e in SINGLE) * 10
    assert len(SINGLE) >= 50
    for letter in "ABC":
        assert letters[letter] > 0.2 * total, letters
    assert letters["D"] > 0.15 * four, letters


def test_the_bare_codes_do_not_all_answer_a() -> None:
    keys = Counter(bank.to_question(item, "en").answer.value for item in SINGLE)
    assert keys["A"] < 0.5 * len(SINGLE), keys


def test_a_code_always_shows_one_order_and_other_codes_others() -> None:
    item = next(e for e in SINGLE if len(e.entry.options or ()) >= 4)
    orders = set()
    for variant in range(12):
        q = bank.to_question(item, "zh", variant=variant)
        again = resolve_code(q.code, "zh")
        assert again == q == bank.question(q.code, "zh"), "a code must regenerate its own order"
        assert again.skill == f"bank:{item.id}"
        orders.add(tuple(o.text for o in q.options))
    assert len(orders) >= 6


def test_each_option_keeps_its_why_and_its_mistake_name() -> None:
    for item in SINGLE + [e for e in bank.entries() if e.kind == "choice"]:
        written = item.entry.options or []
        for lang in ("en", "zh"):
            q = bank.to_question(item, lang, variant=7)
            by_text = {o.text.get(lang): (i, o) for i, o in enumerate(written)}
            for shown in q.options:
                i, source = by_text[shown.text]
                assert (shown.why, shown.correct) == (source.why.get(lang), source.correct)
                if not source.correct:
                    verdict = grade(q, shown.letter.lower())
                    assert verdict.verdict == "wrong"
                    assert verdict.mistake == f"bank:{item.id}:{chr(65 + i)}"
                    assert verdict.explanation == source.why.get(lang)
            assert grade(q, ", ".join(o.letter for o in q.options if o.correct)).verdict \
                == "correct"
            steps = q.solution[:len(q.options)]
            assert [s.split("**")[1] for s in steps] == [o.letter for o in q.options]


def test_reviews_in_the_study_loop_show_new_orders() -> None:
    skills, _ = catalogue(["pooling"])
    skill = next(s for s in skills if s.bank_id in {e.id for e in SINGLE})
    rng = random.Random(3)
    shown = {tuple(o.text for o in skill.instance(rng, "en").options) for _ in range(10)}
    assert len(shown) > 1


def test_set_forms_have_their_own_keys_and_show_agrees_with_the_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CNNQUIZ_DB", str(tmp_path / "p.sqlite3"))
    keys = []
    for _, qset in build_sets(["pooling", "dropout"], 40, 77, None, 2, "en"):
        qs = [q for q in qset.questions if q.options and len(q.options) > 2]
        assert qs == [q for q in read_set(qset.code, "en").questions
                      if q.options and len(q.options) > 2], "the set code regenerates the key"
        keys.append([(q.skill, q.answer.value) for q in qs])
        for q in qs[:3]:
            out = CliRunner().invoke(app, ["show", q.code])
            assert out.exit_code == 0, out.output
            assert f"Answer: {q.answer.value}\n" in out.output
    assert [k for k, _ in keys[0]] == [k for k, _ in keys[1]] and keys[0] != keys[1]
