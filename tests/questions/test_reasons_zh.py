"""Issue 12: `check` (and the drill) on a Chinese question explain in Chinese why an
answer could not be read, not only why it is wrong."""

from __future__ import annotations

import re

import pytest

from cnnquiz.i18n import table
from cnnquiz.questions import generate
from cnnquiz.questions.grading import grade
from cnnquiz.questions.reasons import localize

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("given", "zh"), [
    ("B", "第 1 个字符处有未知名称 'B'"),
    ("(3", "末尾缺少 ')'"),
    ("12.5", "形状的各个尺寸必须是整数，这里是 '12.5'"),
    ("1/0", "除数为零"),
    ("3x4", "应有 3 个尺寸，实际给出 2 个"),
])
def test_a_zh_shape_question_explains_in_chinese(given: str, zh: str) -> None:
    q = generate.make("conv.output_size", 2, 5, "zh")
    assert grade(q, given).explanation == zh
    en = generate.make("conv.output_size", 2, 5, "en")
    assert not CJK.search(grade(en, given).explanation)


def test_every_reason_template_round_trips() -> None:
    for key, (en, zh) in table().items():
        if key.startswith("reasons.") and "{" not in en:
            assert localize(en, "zh") == zh, key
    assert localize("rows have different lengths (2 and 3)", "zh") == "各行长度不同（2、3）"
    assert localize("has weights", "zh") == "has weights"  # not a reader message
