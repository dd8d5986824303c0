"""Templates' rejection loops are bounded: one helper redraws, and a loop that never
finds an acceptable draw stops with a clear error instead of hanging a drill."""

from __future__ import annotations

import random

import pytest

from cnnquiz.questions.template import MAX_DRAWS, Ctx, DrawExhausted


def test_redraw_returns_the_first_accepted_draw_with_the_same_random_numbers() -> None:
    t = Ctx(random.Random(7), 1, "en")
    got = t.redraw(lambda: v if (v := t.rng.randrange(10)) > 6 else None, "digit above 6")
    plain = random.Random(7)
    while (expected := plain.randrange(10)) <= 6:
        pass
    assert got == expected and t.rng.random() == plain.random()


def test_a_loop_that_never_accepts_raises_naming_what_it_wanted() -> None:
    calls = []
    t = Ctx(random.Random(1), 2, "en")
    with pytest.raises(DrawExhausted, match=f"no acceptable kernel in {MAX_DRAWS} draws"):
        t.redraw(lambda: calls.append(1), "kernel")
    assert len(calls) == MAX_DRAWS
