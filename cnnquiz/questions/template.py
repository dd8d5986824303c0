"""The template registry: a template draws parameters, asks the engine, renders en/zh text.

A template is a function `build(t: Ctx) -> Draft`, registered with `@template(...)`.
It must draw every random number from `t.rng` in an order that does not depend on
`t.lang`, so both languages of one code carry the same numbers and answer. Text is
chosen with `t.tr(en, zh)`. Changing what a template draws or answers requires a new
`version` (keep the old function registered) so printed codes keep regenerating the
same question.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar

from cnnquiz.i18n import Lang, as_lang
from cnnquiz.questions import choices
from cnnquiz.questions.grading import counts_as_answer
from cnnquiz.questions.mistakes import explain as explain_mistake
from cnnquiz.questions.model import Answer, Mistake, Option, Question
from cnnquiz.topics import BY_SLUG

T = TypeVar("T")
MAX_DRAWS = 1000  # rejections in a row before a template's drawing loop gives up


class DrawExhausted(RuntimeError):
    """A template's rejection loop found nothing acceptable: a bug in the template, not in
    anything the user did (so not a CnnquizError)."""


@dataclass
class Ctx:
    """What a template's build function receives."""

    rng: random.Random
    level: int
    lang: Lang

    def tr(self, en: str, zh: str) -> str:
        return zh if self.lang == "zh" else en

    def choice(self, seq: Sequence[T]) -> T:
        return seq[self.rng.randrange(len(seq))]

    def by_level(self, basic: Any, interview: Any, tricky: Any) -> Any:
        return (basic, interview, tricky)[self.level - 1]

    def redraw(self, draw: Callable[[], T | None], what: str) -> T:
        """Call `draw` until it returns something (None: rejected, draw again).

        Templates draw, then reject what would make a poor question (a constant kernel,
        a stack too deep for its input). A rejection loop that runs out is a bug in the
        template, so after MAX_DRAWS rejections it stops with DrawExhausted.
        """
        for _ in range(MAX_DRAWS):
            drawn = draw()
            if drawn is not None:
                return drawn
        raise DrawExhausted(f"no acceptable {what} in {MAX_DRAWS} draws (level {self.level})")


@dataclass(frozen=True, slots=True)
class Wrong:
    """One misconception a draft names: its catalog name, the (wrong) answer it leads to
    with these numbers, and a sentence of its own (`why`) where the catalog's does not fit."""

    name: str
    value: Any
    why: str | None = None


@dataclass
class Draft:
    """A template's output before codes and mistake filtering are applied.

    `mistakes` lists the misconceptions worth naming for these numbers (`Wrong` records).
    A choice template lists `options` in any order (say right first) with the letters
    as written, and names mistakes by those letters; `realise` letters them in the
    order the question's code draws and appends them to the prompt.
    """

    prompt: str
    answer: Answer
    solution: list[str]
    spec: dict[str, Any]
    mistakes: Sequence[Wrong] = ()
    options: list[Option] = field(default_factory=list)


Build = Callable[[Ctx], Draft]


@dataclass(frozen=True)
class Template:
    id: str  # "conv.output_size"
    short: str  # code prefix, unique, lowercase letters/digits: "os"
    version: int
    topic: str
    build: Build
    levels: tuple[int, ...] = (1, 2, 3)
    title_en: str = ""
    title_zh: str = ""

    def title(self, lang: Lang) -> str:
        return (self.title_zh if lang == "zh" else self.title_en) or self.id


REGISTRY: dict[tuple[str, int], Template] = {}  # (short, version) -> template
LATEST: dict[str, Template] = {}  # id -> newest version


def template(
    id: str, short: str, topic: str, version: int = 1, levels: tuple[int, ...] = (1, 2, 3),
    title: tuple[str, str] = ("", ""),
) -> Callable[[Build], Build]:
    """Register a build function as a template version."""
    if topic not in BY_SLUG:
        raise ValueError(f"template {id}: unknown topic {topic!r}")
    if not short.isalnum() or not short.islower():
        raise ValueError(f"template {id}: short code must be lowercase alphanumeric")

    def register(fn: Build) -> Build:
        key = (short, version)
        if key in REGISTRY and REGISTRY[key].build is not fn:
            raise ValueError(f"template code {short} v{version} registered twice")
        other = LATEST.get(id)
        if other and other.short != short:
            raise ValueError(f"template {id} changed its short code")
        tpl = Template(id, short, version, topic, fn, levels, *title)
        REGISTRY[key] = tpl
        if other is None or other.version < version:
            LATEST[id] = tpl
        return fn

    return register


def realise(tpl: Template, level: int, seed: int, lang: Lang, code: str) -> Question:
    """Run a template and turn its draft into a Question (mistakes filtered and explained)."""
    as_lang(lang)  # LangError for a language without text, even from an untyped caller
    draft = tpl.build(Ctx(random.Random(f"{tpl.short}:{tpl.version}:{level}:{seed}"), level, lang))
    prompt, answer, options = draft.prompt, draft.answer, tuple(draft.options)
    relettered: dict[str, str] = {}
    if options:  # the right option is not always A: letters drawn per code
        relettered = choices.moved(options, code)
        options = choices.arrange(options, code)
        prompt = f"{prompt}\n\n{choices.lines(options)}"
        answer = replace(answer, kind="choice", value=choices.key(options))
    mistakes: list[Mistake] = []
    seen = {_norm(answer.value)}
    for wrong in draft.mistakes:
        value = wrong.value
        if relettered:
            value = _reletter(value, relettered)
        key = _norm(value)
        if key in seen or counts_as_answer(answer, value):
            # a mistake that gives the right (or an earlier mistake's) answer says nothing,
            # and one within the answer's tolerance (2% of an "about" count, the decimals
            # asked for) is graded correct, so it could never be named
            continue
        seen.add(key)
        sentence = explain_mistake(wrong.name, lang) if wrong.why is None else wrong.why
        mistakes.append(Mistake(wrong.name, value, sentence))
    return Question(
        code=code, template=tpl.id, topic=tpl.topic, level=level, lang=lang,
        prompt=prompt, answer=answer, solution=list(draft.solution),
        spec=draft.spec, mistakes=tuple(mistakes), options=options,
    )


def _reletter(value: Any, to: dict[str, str]) -> Any:
    """A choice mistake's letter(s) as written -> as shown."""
    if isinstance(value, str):
        return to[value]
    return sorted(to[v] for v in value)


def _norm(v: Any) -> Any:
    """A hashable key under which equal answers (1 == 1.0, lists == tuples) coincide."""
    if isinstance(v, list | tuple):
        return tuple(_norm(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _norm(x)) for k, x in v.items()))
    return v  # equal numbers (1, 1.0, numpy's 1.0) hash alike already
