"""Small sample bank files written into tmp_path, and helpers to find lines in them.

The samples cover every kind (short, single- and multi-answer choice, true and
false statements) so loader, renderer and CLI tests share one known-good bank.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from cnnquiz.bank import clear_cache

CONV = textwrap.dedent("""\
    section: 1
    entries:
      - id: odd-kernel
        topic: padding
        kind: short
        level: 2
        tags: [kernel]
        question: {en: "Why are kernels odd-sized?", zh: 为什么卷积核是奇数尺寸？}
        answer: {en: A centre pixel and symmetric padding., zh: 有中心像素，填充对称。}
        points:
          - {en: a centre anchor pixel, zh: 有中心锚点像素}
          - {en: "symmetric padding p = (k-1)/2", zh: "对称填充 p = (k-1)/2"}
          - {en: output size kept at stride 1, zh: 步长为 1 时输出尺寸不变}
      - id: kernel-depth
        topic: channels
        kind: choice
        level: 1
        question: {en: "What is the depth of a kernel?", zh: 卷积核的深度是多少？}
        options:
          - text: {en: The number of input channels, zh: 输入通道数}
            correct: true
            why: {en: It spans every input channel., zh: 它覆盖所有输入通道。}
          - text: {en: The number of output channels, zh: 输出通道数}
            correct: false
            why: {en: That is the number of kernels., zh: 那是卷积核的个数。}
          - text: {en: Always one, zh: 总是 1}
            correct: false
            why: {en: Only for a one-channel input., zh: 只在单通道输入时成立。}
        answer: {en: Depth equals input channels., zh: 深度等于输入通道数。}
      - id: full-and-valid
        topic: conv1d
        kind: choice
        level: 3
        question: {en: "Which lengths are right for n = 5 and m = 3?", zh: n = 5、m = 3 时哪些长度正确？}
        options:
          - text: {en: full gives 7, zh: full 得 7}
            correct: true
            why: {en: n + m - 1 = 7., zh: n + m - 1 = 7。}
          - text: {en: valid gives 2, zh: valid 得 2}
            correct: false
            why: {en: "n - m + 1 = 3, not 2.", zh: n - m + 1 = 3，不是 2。}
          - text: {en: valid gives 3, zh: valid 得 3}
            correct: true
            why: {en: n - m + 1 = 3., zh: n - m + 1 = 3。}
      - id: full-is-longer
        topic: conv1d
        kind: truefalse
        level: 1
        question: {en: A full convolution is longer than its input., zh: full 卷积的输出比输入长。}
        statement_true: true
        why: {en: It has n + m - 1 outputs., zh: 它有 n + m - 1 个输出。}
    """)

DROPOUT = textwrap.dedent("""\
    section: 6
    entries:
      - id: dropout-at-test
        topic: dropout
        kind: truefalse
        level: 2
        question:
          en: Inverted dropout scales activations at test time.
          zh: 反向 dropout 在测试时缩放激活值。
        statement_true: false
        why: {en: It scales kept units during training instead., zh: 它在训练时缩放保留的单元。}
    """)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text: str, needle: str, nth: int = 1) -> int:
    """1-based line of the nth line of `text` containing `needle`."""
    hits = [i for i, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(hits) >= nth, f"{needle!r} not in text"
    return hits[nth - 1]


@pytest.fixture
def sample_dir(tmp_path: Path) -> Path:
    """A valid two-file bank: 4 entries in section 1, 1 in section 6."""
    folder = tmp_path / "bank"
    write(folder, "01-convolution.yaml", CONV)
    write(folder, "06-dropout.yaml", DROPOUT)
    return folder


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Each test sees banks loaded from disk as they are now."""
    clear_cache()
