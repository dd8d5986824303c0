"""Hints help without giving the answer away, count as help, and sessions sum up."""

from __future__ import annotations

import random

from cnnquiz.questions import generate
from cnnquiz.questions.model import Answer, Question
from cnnquiz.store.store import Store
from cnnquiz.study.hints import hint
from cnnquiz.study.loop import StudyLoop
from cnnquiz.study.skills import Skill, catalogue
from tests.store.helpers import START, Clock
from tests.study.test_loop import CHOICE, SHORT, concept, right

OUTPUT_SIZE = Skill("conv.output_size@1", "output-size", 1, template="conv.output_size")


def make(store: Store, clock: Clock, skills: list[Skill]) -> StudyLoop:
    return StudyLoop(store, now=clock, rng=random.Random(3), tz=START.tzinfo, fuzzing=False,
                     skills=skills)


def numeric(solution: list[str], value: object) -> Question:
    return Question(code="x", template="t", topic="output-size", level=1, lang="en",
                    prompt="?", answer=Answer("int", value), solution=solution, spec={})


def test_a_hint_hides_the_result_that_ends_the_first_step() -> None:
    q = numeric(["Output: `ceil(W/S) = ceil(25/1) = 25`", "Answer: 25"], 25)
    assert hint(q, random.Random(0)) == "Output: `ceil(W/S) = ceil(25/1) = ?`"
    q = numeric(["Multiply and add: 3 + 4 = 1,207"], 1207)
    assert hint(q, random.Random(0)) == "Multiply and add: 3 + 4 = ?"
    q = numeric(["Flip the kernel: [1, -1]. Full mode:\n\n- `y[0] = 3`\n- `y[1] = 4`"], [3, 4])
    assert hint(q, random.Random(0)) == "Flip the kernel: [1, -1]. Full mode"


def test_no_generated_hint_ends_in_the_answer() -> None:
    rng = random.Random(11)
    for tpl in generate.templates():
        for level in tpl.levels:
            q = generate.make(tpl, level, rng.getrandbits(32))
            shown = hint(q, rng)
            assert shown, q.code
            tail = shown.rstrip("`. ").rsplit("=", 1)[-1].replace(",", "").strip()
            assert not (q.answer.kind in ("int", "float") and tail == str(q.answer.value)), \
                (q.code, shown)


def test_a_choice_hint_rules_out_a_wrong_option_and_a_short_answer_gives_a_key_point() -> None:
    assert hint(CHOICE, random.Random(0)) == "It is not **B**: has weights"
    assert hint(SHORT, random.Random(0)) == "smaller maps"


def test_a_right_answer_after_a_hint_is_rated_hard(store: Store, clock: Clock) -> None:
    loop = make(store, clock, [OUTPUT_SIZE])
    q = loop.next()
    assert q is not None
    plain = loop.answer(right(q))
    assert plain.rating == 3 and not plain.hinted
    clock.advance(days=3)
    q = loop.next()
    assert q is not None and loop.hint()
    helped = loop.answer(right(q))
    assert helped.verdict.verdict == "correct" and helped.hinted and helped.rating == 2
    clock.advance(days=3)
    q = loop.next()
    assert q is not None and loop.answer(right(q)).rating == 3  # the next question is unaided


def test_a_hint_caps_a_self_rating_and_a_wrong_answer_stays_again(store: Store,
                                                                   clock: Clock) -> None:
    loop = make(store, clock, [concept(SHORT)])
    loop.next()
    loop.hint()
    assert loop.rate(4, "shrink").rating == 2
    clock.advance(days=2)
    loop = make(store, clock, [concept(CHOICE)])
    loop.next()
    loop.hint()
    assert loop.answer("B").rating == 1


def test_the_summary_counts_score_help_topics_and_mistakes_in_words(store: Store,
                                                                     clock: Clock) -> None:
    skills, _ = catalogue(["output-size"], include_bank=False)
    loop = StudyLoop(store, now=clock, rng=random.Random(3), tz=START.tzinfo, fuzzing=False,
                     skills=skills[:3], count=3)
    q = loop.next()
    assert q is not None and q.mistakes
    wrong = loop.answer(str(q.mistakes[0].value))
    assert wrong.mistake_words and wrong.mistake_words != q.mistakes[0].name
    q = loop.next()
    assert q is not None
    loop.hint()
    loop.answer(right(q))
    loop.next()
    clock.advance(minutes=4)
    loop.give_up()
    s = loop.summary()
    assert (s.answered, s.correct, s.hinted, s.gave_up) == (3, 1, 1, 1)
    assert s.by_topic == (("output-size", 3, 1),)
    assert s.mistakes == ((wrong.mistake_words, 1),)
    assert s.seconds == 240 and s.next_due is not None
