"""A hint: help towards the answer that stops short of giving it away.

The hint is the start of the worked solution, but a first step often ends in the
answer itself ("... = ceil(24/1) = 24") or lists the whole computation, and a
concept question's first step is the right option. So a hint is:

- a choice question: one wrong option ruled out, with why it is wrong;
- a short answer: its first key point;
- any other question: the first paragraph of the first solution step, with a
  closing "= <the answer>" replaced by "= ?".

Using a hint counts as help: the study loop rates a right answer after it Hard.
"""

from __future__ import annotations

import random
import re

from cnnquiz.i18n import Lang, is_lang, text
from cnnquiz.questions.model import Question

_NUMBER = re.compile(r"[\s,]")


def hint(q: Question, rng: random.Random) -> str | None:
    """A hint for `q` in its language (Markdown), or None when there is nothing to offer."""
    lang: Lang = q.lang if is_lang(q.lang) else "en"
    if q.options:
        wrong = [o for o in q.options if not o.correct]
        if not wrong:
            return None
        o = wrong[rng.randrange(len(wrong))]
        return text("study.hint_not", lang, letter=o.letter, why=o.why or o.text)
    if q.answer.kind == "text":
        return q.key_points[0] if q.key_points else None
    if not q.solution:
        return None
    first = q.solution[0].strip().split("\n\n", 1)[0].rstrip(":：")
    return _mask_result(first, q.answer.value)


def _mask_result(step: str, answer: object) -> str:
    """`step` with a final `= <answer>` (inside backticks or not) shown as `= ?`."""
    match = re.search(r"=\s*([^=`]+?)(`?)\s*$", step)
    if match is None:
        return step
    written = _NUMBER.sub("", match.group(1)).rstrip(".。")
    if written in _spellings(answer):
        return step[:match.start()] + "= ?" + match.group(2)
    return step


def _spellings(answer: object) -> set[str]:
    if isinstance(answer, list) and all(isinstance(v, int) for v in answer):
        return {"x".join(map(str, answer)), "×".join(map(str, answer))}
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return {str(answer)}
    if isinstance(answer, float):
        return {str(answer), f"{answer:g}", f"{answer:.2f}", f"{answer:.3f}", f"{answer:.4g}"}
    return {str(answer)}
