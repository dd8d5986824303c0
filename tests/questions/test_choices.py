"""A generated choice template lists its options right-first; every instance letters them in
an order drawn from its code, with the answer, the mistakes and each option's why following."""

from __future__ import annotations

from collections import Counter

from cnnquiz.questions.grading import grade
from cnnquiz.questions.model import Answer, Option
from cnnquiz.questions.template import Ctx, Draft, Template, Wrong, realise

WRITTEN = (Option("A", "k x k x C_in", True, "one kernel spans every input channel"),
           Option("B", "k x k", False, "that is one channel's slice"),
           Option("C", "k x k x C_out", False, "C_out counts the kernels"),
           Option("D", "C_in x C_out", False, "no kernel size in it"))


def _build(t: Ctx) -> Draft:
    t.rng.random()
    return Draft(prompt="How many weights has one kernel?", answer=Answer("choice", "A"),
                 solution=["One kernel covers k x k positions in each input channel."],
                 spec={}, mistakes=[Wrong("forgot-input-channels", "B"), Wrong("kernels-as-depth", "C")],
                 options=list(WRITTEN))


TPL = Template("test.kernel_choice", "tkc", 1, "channels", _build)


def _make(seed: int):
    return realise(TPL, 1, seed, "en", f"tkc.1.1.{seed}")


def test_the_right_letter_follows_the_drawn_order() -> None:
    letters: Counter[str] = Counter()
    for seed in range(400):
        q = _make(seed)
        right = next(o for o in q.options if o.text == "k x k x C_in")
        assert q.answer.value == right.letter and right.correct
        assert [o.letter for o in q.options] == ["A", "B", "C", "D"]
        assert q.prompt.endswith("\n\n".join(f"{o.letter}. {o.text}" for o in q.options))
        for o in q.options:
            assert o.why == next(w.why for w in WRITTEN if w.text == o.text)
        letters[q.answer.value] += 1
    assert all(letters[x] > 60 for x in "ABCD"), letters


def test_a_code_regenerates_its_order_and_mistakes_follow_their_option() -> None:
    for seed in range(30):
        q = _make(seed)
        assert _make(seed) == q
        shown = {o.text: o.letter for o in q.options}
        assert {m.name: m.value for m in q.mistakes} == {
            "forgot-input-channels": shown["k x k"], "kernels-as-depth": shown["k x k x C_out"]}
        assert grade(q, shown["k x k"]).mistake == "forgot-input-channels"
        assert grade(q, shown["k x k x C_in"]).verdict == "correct"
    assert len({tuple(o.text for o in _make(s).options) for s in range(30)}) > 10
