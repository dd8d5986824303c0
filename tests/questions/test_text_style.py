"""How the questions read in both languages: one Chinese term per concept, the full-width colon
after Chinese text, no stray spaces inside Chinese phrases, and English counts that agree
with their number. Every template is rendered over many seeds, with its mistakes' sentences."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import pytest

from cnnquiz.questions import generate
from cnnquiz.questions.mistakes import CATALOG
from cnnquiz.questions.model import Question

SEEDS = 25
HAN = r"[\u4e00-\u9fff]"
NUMBER = r"\d+(?:\.\d+)?"

# the concept -> the one term the templates and the bank use, and the synonyms they no longer do
TERMS = {"jump": ("跳距", ("累计步长",)), "depthwise": ("逐通道卷积", ("深度卷积",)),
         "scatter-add": ("分散相加", ("散射叠加",))}
ZH_SLIPS = {
    "a synonym of a chosen term": re.compile("|".join(w for _, old in TERMS.values() for w in old)),
    "a space between two Chinese characters (98 维 的)": re.compile(f"{HAN} {HAN}"),
    "a number spaced on one side only (对200 个单元)":
        re.compile(f"{HAN}{NUMBER} {HAN}|{HAN} {NUMBER}{HAN}"),
    "a half-width colon after Chinese text (分支 1:)": re.compile(f"{HAN}(?: ?{NUMBER})?[:;]"),
}
EN_SLIPS = {
    "a plural after 1 (1 output channels)": re.compile(
        r"(?<![\w.,/*+^-])1 (?:(?:input|output|feature) )?(?:channels|filters|kernels|units|"
        r"rows|columns|zeros|inputs|outputs|pixels|weights|steps|entries|values|layers|groups|"
        r"pieces|maps|biases|neurons)\b"),
}

OWN_NUMBER = re.compile(r"\s*\d+[.)]\s")

CASES = [(t.id, lv) for t in generate.templates() for lv in t.levels]


def texts(q: Question) -> Iterable[str]:
    yield q.prompt
    yield from q.solution
    yield from (m.explanation for m in q.mistakes)


def slips(text: str, patterns: dict[str, re.Pattern[str]]) -> list[str]:
    return [f"{what}: ...{text[max(0, m.start() - 15):m.end() + 15]}..."
            for what, p in patterns.items() for m in p.finditer(text)]


@pytest.mark.parametrize(("tid", "level"), CASES, ids=[f"{t}@{lv}" for t, lv in CASES])
def test_rendered_questions_read_cleanly(tid: str, level: int) -> None:
    rng = random.Random(f"style:{tid}:{level}")
    found: set[str] = set()
    for _ in range(SEEDS):
        seed = rng.getrandbits(32)
        for lang, patterns in (("zh", ZH_SLIPS), ("en", EN_SLIPS)):
            q = generate.make(tid, level, seed, lang)
            for text in texts(q):
                found.update(f"{q.code} {s}" for s in slips(text, patterns))
            # every face numbers the steps itself: a step of its own "1. " reads "1. 1. "
            found.update(f"{q.code} a step numbered by itself: {step[:30]}"
                         for step in q.solution if OWN_NUMBER.match(step))
    assert sorted(found)[:10] == []


def test_the_mistake_catalog_reads_cleanly() -> None:
    found = [s for en, zh in CATALOG.values() for s in slips(zh, ZH_SLIPS) + slips(en, EN_SLIPS)]
    assert found == []


def test_the_slip_patterns_catch_what_they_name() -> None:
    for bad in ("距离 = (b - a) * 累计步长", "输入为 98 维 的全连接层", "训练时对200 个单元",
                "分支 1: `conv`", "先做 3x3 的深度卷积"):
        assert slips(bad, ZH_SLIPS), bad
    for good in ("距离 = (b - a) * 跳距", "输入为 98 维的全连接层", "训练时对 200 个单元",
                 "分支 1：`conv`", "深度可分离卷积先做 3x3 的逐通道卷积"):
        assert not slips(good, ZH_SLIPS), good
    assert slips("A `ConvTranspose2d` with 1 output channels", EN_SLIPS)
    assert not slips("with 1 output channel, then 11 output channels and 0.1 units", EN_SLIPS)


def test_the_concept_bank_reads_cleanly_and_uses_the_same_terms() -> None:
    from cnnquiz import bank

    found, corpus = [], []
    for item in bank.entries():
        q = bank.to_question(item, "zh")
        for text in (q.prompt, *q.solution, *(o.why for o in q.options), *q.key_points):
            found += [f"{item.id} {s}" for s in slips(text, ZH_SLIPS)]
            corpus.append(text)
    assert found == []
    joined = "\n".join(corpus)
    assert all(term in joined for term, _ in TERMS.values() if term != "分散相加")
