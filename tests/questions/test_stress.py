"""Stress test for templates (in the spirit of R/exams' stresstest_exercise): many draws per
template and level must give valid, varied, recomputable questions in both languages."""

from __future__ import annotations

import json
import random
import re

import pytest

from cnnquiz.questions import generate
from cnnquiz.questions.model import Question

DRAWS = 150

TEMPLATES = [(t.id, lv) for t in generate.templates() for lv in t.levels]


def _key(v: object) -> str:
    return json.dumps(v, sort_keys=True)


def _check_value(q: Question) -> None:
    a = q.answer
    v = a.value
    if a.kind == "int":
        assert isinstance(v, int) and not isinstance(v, bool), q.code
    elif a.kind == "float":
        assert isinstance(v, float) and v == v and abs(v) < 1e15, q.code
        assert a.tolerance > 0, f"{q.code}: float answers carry a tolerance"
    elif a.kind == "shape":
        assert isinstance(v, list) and v and all(isinstance(x, int) and x >= 1 for x in v), q.code
    elif a.kind == "matrix":
        assert isinstance(v, list) and v, q.code
    elif a.kind == "choice":
        letters = {o.letter for o in q.options if o.correct}
        assert letters and (v in letters or set(v) == letters), q.code
    else:
        raise AssertionError(f"{q.code}: generated questions are auto-graded, not {a.kind}")


@pytest.mark.parametrize(("tid", "level"), TEMPLATES, ids=[f"{t}@{lv}" for t, lv in TEMPLATES])
def test_template_stress(tid: str, level: int) -> None:
    rng = random.Random(f"stress:{tid}:{level}")
    answers = set()
    for _ in range(DRAWS):
        seed = rng.getrandbits(32)
        q = generate.make(tid, level, seed, "en")
        zh = generate.make(tid, level, seed, "zh")
        assert q.prompt.strip() and zh.prompt.strip() and q.prompt != zh.prompt
        assert q.answer == zh.answer and q.spec == zh.spec, "languages must share the numbers"
        assert [m.value for m in q.mistakes] == [m.value for m in zh.mistakes]
        assert q.solution and len(q.solution) == len(zh.solution)
        assert not any(re.search(r"[\u4e00-\u9fff]: `", s) for s in zh.solution), \
            f"{q.code}: Chinese text takes the full-width colon before a formula"
        _check_value(q)
        json.dumps(q.to_json())  # the set format must serialise
        again = generate.from_code(q.code, "en")
        assert again == q, f"{q.code} does not regenerate the same question"
        for m in q.mistakes:
            assert _key(m.value) != _key(q.answer.value), f"{q.code}: mistake {m.name} = answer"
            assert m.explanation
        answers.add(_key(q.answer.value))
    assert len(answers) >= min(10, DRAWS // 10), f"{tid}@{level} keeps producing the same answers"


def test_at_least_thirty_templates_cover_every_numeric_topic() -> None:
    tpls = generate.templates()
    assert len(tpls) >= 30
    wanted = {"conv1d", "output-size", "padding", "channels", "conv-as-fc", "conv-by-hand",
              "pooling", "flatten", "params", "macs", "receptive-field", "upsampling", "dropout",
              "activations", "losses", "regularization", "optimizers", "normalization"}
    assert wanted <= {t.topic for t in tpls}
