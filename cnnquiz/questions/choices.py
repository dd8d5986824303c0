"""Lettering the options of a choice question in an order drawn for each instance.

Options are written right-first (in the bank's YAML and in templates), so lettering
them as written makes A the key of every question. Each instance instead draws its
order from its code: `show CODE`, a printed key and a regenerated set agree, while
other codes (other seeds, set forms and reviews) see other orders. An option keeps its
text and its `why`; only its letter follows the order.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

from cnnquiz.questions.model import Option


def letter(i: int) -> str:
    return chr(65 + i)


def order(n: int, code: str) -> list[int]:
    """The positions of `n` options as `code` shows them: order[i] is the option lettered i."""
    out = list(range(n))
    random.Random(f"options:{code}").shuffle(out)
    return out


def arrange(options: Sequence[Option], code: str) -> tuple[Option, ...]:
    """`options` in the order `code` draws, relettered A, B, ...; the same code, the same order."""
    return tuple(replace(options[j], letter=letter(i))
                 for i, j in enumerate(order(len(options), code)))


def moved(options: Sequence[Option], code: str) -> dict[str, str]:
    """Each option's letter as written -> its letter in the order `code` draws."""
    return {options[j].letter: letter(i) for i, j in enumerate(order(len(options), code))}


def key(options: Sequence[Option]) -> str | list[str]:
    """The answer: the one right letter, or the sorted list of them when several are right."""
    right = [o.letter for o in options if o.correct]
    return right[0] if len(right) == 1 else sorted(right)


def lines(options: Sequence[Option]) -> str:
    """The options as the prompt shows them, one paragraph each: `A. text`."""
    return "\n\n".join(f"{o.letter}. {o.text}" for o in options)
