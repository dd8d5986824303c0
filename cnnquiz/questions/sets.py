"""Problem sets: a reproducible selection of questions named by a set code.

Set code: `s1.<level>.<count>.<topics>.<seed>[.<form>]` — level 0 means mixed, topics is a
base-36 bitmask over the topic map (0 = all), seed base 36, form a letter for the K
forms of `print --versions K` (same templates and levels, different numbers). The
code alone regenerates the set, so `check` accepts it in place of the JSON file.
Renderers (JSON now; Markdown, HTML, PDF, Anki later) only format a `QuestionSet`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, TypeGuard

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang, as_lang
from cnnquiz.questions import codes, generate
from cnnquiz.questions.codes import CodeError, from36, to36
from cnnquiz.questions.model import Answer, AnswerKind, Question
from cnnquiz.topics import BY_SLUG, ORDER, TOPICS

SET_VERSION = 1
MAX_COUNT = 500
CONCEPT_SHARE = 4  # about one question in four is a concept question, where the topic has them


@dataclass(frozen=True)
class SetParams:
    level: int  # 0 = mixed
    count: int
    topics: tuple[str, ...]  # empty = all
    seed: int
    form: str = ""

    @property
    def code(self) -> str:
        mask = sum(1 << ORDER[t] for t in self.topics)
        base = f"s{SET_VERSION}.{self.level}.{self.count}.{to36(mask)}.{to36(self.seed)}"
        return f"{base}.{self.form}" if self.form else base


@dataclass
class QuestionSet:
    code: str
    lang: Lang
    questions: list[Question]
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "version": SET_VERSION, "lang": self.lang,
                "created": self.created,
                "questions": [q.to_json(n) for n, q in enumerate(self.questions, 1)]}


def parse_code(code: str) -> SetParams:
    parts = code.strip().lower().split(".")
    if len(parts) not in (5, 6) or parts[0] != f"s{SET_VERSION}":
        raise CodeError(f"not a set code: {code[:40]!r} (expected like s1.2.10.0.k3j9)")
    if not (parts[1].isdigit() and parts[2].isdigit()):
        raise CodeError(f"not a set code: {code[:40]!r}")
    level, count, mask = int(parts[1]), int(parts[2]), from36(parts[3])
    topics = tuple(t.slug for t in TOPICS if mask >> ORDER[t.slug] & 1)
    form = parts[5] if len(parts) == 6 else ""
    if form and not (len(form) == 1 and form.isalpha()):
        raise CodeError(f"bad form {form!r} in set code")
    return _checked(SetParams(level, count, topics, from36(parts[4]), form))


def _checked(p: SetParams) -> SetParams:
    if p.level not in (0, 1, 2, 3):
        raise CodeError("level must be 1, 2 or 3 (0 for mixed)")
    if not 1 <= p.count <= MAX_COUNT:
        raise CodeError(f"count must be between 1 and {MAX_COUNT}")
    for t in p.topics:
        if t not in BY_SLUG:
            raise CodeError(f"unknown topic {t!r}; known: {', '.join(BY_SLUG)}")
    return p


def params(topics: list[str] | None = None, count: int = 10, seed: int | None = None,
           level: int | None = None, form: str = "") -> SetParams:
    if seed is None:
        seed = random.SystemRandom().getrandbits(32)
    ordered = tuple(sorted(set(topics or ()), key=lambda t: ORDER.get(t, 999)))
    return _checked(SetParams(level or 0, count, ordered, seed % codes.MAX_SEED, form.lower()))


def build(p: SetParams, lang: Lang = "en",
          concepts: Sequence[Callable[[int], Question]] = ()) -> QuestionSet:
    """The questions a set code names: template choices from the seed, numbers from the form.

    `concepts` are the concept questions that may be mixed in (choice and true/false are
    graded, short answers self-checked), each as a function of a variant: the question
    with its options lettered in the order that variant draws (the bank's
    `bank:<id>.<v>`); the caller reads them from the bank (questions never import the
    bank). Each form draws its own variants, from a stream of its own so the numbers stay
    those of before, and so has its own key; only the concept questions a set holds are
    made.
    """
    pick = random.Random(f"set:{p.seed}:{p.level}:{p.count}:{','.join(p.topics)}")
    numbers = random.Random(f"form:{p.seed}:{p.form}")
    orders = random.Random(f"options:{p.seed}:{p.form}")
    pool = generate.templates(p.topics or None, p.level or None)
    if not pool and not concepts:
        raise CodeError("no question matches those topics and level")
    order = list(range(len(pool)))
    pick.shuffle(order)
    chosen: list[tuple[int, Question]] = []
    for i in range(p.count):
        use_concept = concepts and (not pool or pick.randrange(CONCEPT_SHARE) == 0)
        if use_concept:
            concept = concepts[pick.randrange(len(concepts))]
            q = concept(orders.getrandbits(32))
        else:
            tpl = pool[order[i % len(order)]]
            lv = p.level or tpl.levels[pick.randrange(len(tpl.levels))]
            q = generate.make(tpl, lv, numbers.getrandbits(32), lang)
        chosen.append((i, q))
    chosen.sort(key=lambda iq: (ORDER.get(iq[1].topic, 999), iq[0]))
    return QuestionSet(p.code, lang, [q for _, q in chosen])


def from_json(data: Any, lang: Lang | None = None,
              regenerate: Callable[[str, Lang], Question] = generate.from_code) -> QuestionSet:
    """A set read back from `print --format json`. Each question is regenerated from its
    code (so wrong answers can be diagnosed); an item whose code no longer regenerates
    the printed answer is graded against the printed answer itself. `regenerate(code,
    lang)` resolves a code (the application layer's also knows `bank:<id>`)."""
    if not isinstance(data, dict) or not isinstance(data.get("questions"), list):
        raise CodeError('not a cnnquiz set: expected {"code": ..., "questions": [...]}')
    lang = lang or as_lang(data.get("lang") or "en")
    questions: list[Question] = []
    for i, item in enumerate(data["questions"], 1):
        printed = _printed(item, lang, i)
        q = _regenerate(regenerate, printed.code, lang)
        if q is None or q.answer.value != printed.answer.value or q.answer.kind != printed.answer.kind:
            q = printed
        questions.append(q)
    return QuestionSet(str(data.get("code", "")), lang, questions, str(data.get("created", "")))


def _printed(item: Any, lang: Lang, n: int) -> Question:
    """Set question `n` as printed in the file; CodeError when it cannot be graded.

    Each field is checked for the type the contract gives it, so a hand-edited file is
    refused with one line while a bug of ours still raises as a bug."""
    bad = CodeError(f"set question {n} is malformed (needs code, answer.kind, answer.value)")
    raw = item.get("answer") if isinstance(item, dict) else None
    if not isinstance(raw, dict):
        raise bad
    kind, value, tolerance = raw.get("kind"), raw.get("value"), raw.get("tolerance", 0.0)
    level, solution, spec = item.get("level", 1), item.get("solution", []), item.get("spec") or {}
    if not (_gradable(kind, value) and _number(tolerance)
            and isinstance(level, int) and not isinstance(level, bool)
            and isinstance(solution, list) and isinstance(spec, dict)):
        raise bad
    answer = Answer(kind=kind, value=value, tolerance=float(tolerance),
                    unit=str(raw.get("unit", "")),
                    allow_rounding=raw.get("allow_rounding", False) is True)
    return Question(code=str(item.get("code", "")), template=str(item.get("template", "")),
                    topic=str(item.get("topic", "")), level=level, lang=lang,
                    prompt=str(item.get("prompt", "")), answer=answer,
                    solution=[str(s) for s in solution], spec=spec)


def _regenerate(regenerate: Callable[[str, Lang], Question], code: str,
                lang: Lang) -> Question | None:
    """The question a printed code names; None when the code names none (any other
    failure is a bug and is raised)."""
    try:
        return regenerate(code, lang)
    except CnnquizError:
        return None


def _number(v: Any) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool)


def _gradable(kind: object, value: Any) -> TypeGuard[AnswerKind]:
    """A set file's answer is of a kind we grade, in the form that kind needs, so grading
    it cannot fail."""
    if kind in ("int", "float"):
        return _number(value)
    if kind == "shape":
        return isinstance(value, list) and bool(value) and all(
            isinstance(v, int) and not isinstance(v, bool) for v in value)
    if kind == "matrix":
        return isinstance(value, list) and bool(value) and all(
            _number(v) or _gradable("matrix", v) for v in value)
    if kind == "choice":
        return isinstance(value, str) or (
            isinstance(value, list) and all(isinstance(v, str) for v in value))
    return kind == "text" and isinstance(value, str)
