"""Issue 12, a readable drill: Markdown rendered for a terminal and plain for a pipe,
solutions numbered once, every drill string in the learner's language."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest

from cnnquiz.cli.terminal import plain, renderer_for, rich_renderer
from cnnquiz.questions.model import Answer, Question
from cnnquiz.store.store import Store
from cnnquiz.study.linemode import Drill
from tests.store.helpers import Clock, cli, rows
from tests.study.test_loop import CHOICE, SHORT, concept, make

NUMBERED = Question(
    code="bank:zz-net", template="bank", topic="output-size", level=1, lang="en",
    prompt="What does **full** padding give for `conv(8,k=3)` on\n\n```\n1 2\n3 4\n```",
    answer=Answer("choice", "A"),
    solution=["1. `conv(8,k=3)` -> **8x26x26**", "2. `maxpool(2)` -> 8x13x13", "total: 8"],
    spec={"bank": "t.yaml#zz-net"})
ANSI = re.compile(r"\x1b\[[0-9;]*m")
CTRL_C = b"\x03"


def test_plain_drops_markdown_marks_but_keeps_arithmetic() -> None:
    text = plain("**full** mode, `p=2`, ``a`b``, *about* 11*11*3 and count_include_pad\n"
                 "```\n1  2\n3  4\n```\n# Title")
    assert text == ("full mode, p=2, a`b, about 11*11*3 and count_include_pad\n"
                    "    1  2\n    3  4\nTitle")


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_markdown_rendered_to_its_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    render = renderer_for(Tty())
    long = "**Bold** words " + "and `code` that wrap at the edge " * 6
    shown = ANSI.sub("", render(long, 0))
    assert "**" not in shown and "`" not in shown
    assert all(len(line) <= 40 for line in shown.splitlines()) and shown.count("\n") >= 4
    indented = ANSI.sub("", rich_renderer(Tty())(long, 10))
    assert all(len(line) <= 30 for line in indented.splitlines())
    assert renderer_for(io.StringIO()) is plain  # a pipe or a file


def test_rich_measures_chinese_by_display_width(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "30")
    shown = ANSI.sub("", renderer_for(Tty())("池化层没有可训练参数，" * 8, 0))
    from rich.cells import cell_len
    assert all(cell_len(line) <= 30 for line in shown.splitlines())


def test_solutions_are_numbered_once_and_plain_in_a_pipe(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(NUMBERED)], count=1)
    out = io.StringIO()
    Drill(loop, io.StringIO("B\n"), out, render=plain).run()
    text = out.getvalue()
    assert "**" not in text and "`" not in text
    assert "What does full padding give for conv(8,k=3) on\n\n    1 2\n    3 4" in text
    assert "  1. conv(8,k=3) -> 8x26x26\n  2. maxpool(2) -> 8x13x13\n  3. total: 8" in text
    assert "1. 1." not in text


def test_drill_speaks_chinese_in_zh(store: Store, clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(CHOICE), concept(SHORT)], count=3, lang="zh")
    out = io.StringIO()
    Drill(loop, io.StringIO("Z\nB\nbecause\n5\n2\n"), out, interactive=True).run()
    text = out.getvalue()
    for zh in ("答案> ", "错误 - 正确答案：A", "错误类型：has weights", "解答：",
               "参考答案：To shrink", "给你的答案评分（1 不会，2 困难，3 良好，4 轻松）：",
               "评分> ", "请输入 1-4", "已保存：你的评分是 2（困难）", "无法识别：",
               "本次练习：作答 2 题，答对 0 题", "第 1 题  [池化，难度 1，bank:zz-choice]"):
        assert zh in text, zh
    for en in ("answer>", "wrong - expected", "solution:", "model answer:", "rate your answer",
               "session:", "try again"):
        assert en not in text, en


def test_cli_drill_in_a_pipe_prints_no_markdown(tmp_path: Path) -> None:
    out = cli("drill", "--count", "4", "--topic", "padding", db=tmp_path / "p.sqlite3",
              input="?\n" * 4)
    assert out.returncode == 0, out.stderr
    assert "**" not in out.stdout and "```" not in out.stdout
    assert not re.search(r"\d+\. \d+\. ", out.stdout)


def test_global_option_after_the_command_says_where_it_goes(tmp_path: Path) -> None:
    out = cli("drill", "--lang", "zh", db=tmp_path / "p.sqlite3", input="")
    assert out.returncode == 2
    assert "global options go before the command" in out.stderr
    assert "cnnquiz --lang zh drill" in out.stderr


def test_drill_reads_lines_with_readline_on_a_terminal(tmp_path: Path) -> None:
    """Left arrow moves the cursor (the line becomes YZ), Ctrl-C prints the summary, exit 0."""
    pytest.importorskip("readline")
    db = tmp_path / "p.sqlite3"
    transcript = _pty_session(db, [b"Z\x1b[DY\r", CTRL_C])
    assert "^[[D" not in transcript
    assert rows(db, "SELECT given, verdict FROM attempts") == [("YZ", "unreadable")]
    assert "session: 0 answered, 0 correct" in transcript


def _own_terminal() -> None:
    """In the child: a new session whose controlling terminal is the pty (so Ctrl-C is SIGINT)."""
    import fcntl
    import os
    import termios

    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _pty_session(db: Path, keys: list[bytes]) -> str:
    """Run `cnnquiz drill` on a pseudo-terminal, typing each of `keys` at a prompt."""
    import os
    import pty
    import select
    import subprocess
    import time

    main, sub = pty.openpty()
    env = {**os.environ, "CNNQUIZ_DB": str(db), "CNNQUIZ_LANG": "en", "TERM": "xterm"}
    proc = subprocess.Popen([sys.executable, "-m", "cnnquiz", "drill", "--topic", "pooling",
                             "--count", "3"], stdin=sub, stdout=sub, stderr=sub, env=env,
                            close_fds=True, preexec_fn=_own_terminal)
    os.close(sub)
    seen = b""

    def wait_for(marker: bytes, count: int, timeout: float = 60) -> None:
        nonlocal seen
        end = time.time() + timeout
        while seen.count(marker) < count and time.time() < end and proc.poll() is None:
            if select.select([main], [], [], 0.2)[0]:
                try:
                    seen += os.read(main, 65536)
                except OSError:
                    return

    try:
        for n, key in enumerate(keys, 1):
            wait_for(b"answer> ", n)
            os.write(main, key)
        for _ in range(5):
            wait_for(b"session:", 1, timeout=3)
            if b"session:" in seen or proc.poll() is not None or keys[-1] != CTRL_C:
                break
            # A Ctrl-C that lands after readline has shown its prompt but before it waits for
            # a key is held by Python's readline module until the next key (a race of
            # CPython's, not of drill's): press it again, as a user would.
            os.write(main, CTRL_C)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert proc.returncode == 0, seen
    return seen.decode("utf-8", "replace")


def test_a_give_up_on_a_short_answer_shows_the_model_answer_once(store: Store,
                                                                 clock: Clock) -> None:
    loop = make(store, clock, skills=[concept(SHORT)], count=1)
    out = io.StringIO()
    Drill(loop, io.StringIO("?\n"), out, render=plain).run()
    assert out.getvalue().count("To shrink maps") == 1
    assert "\nwrong\n" in out.getvalue()


def test_a_chinese_true_false_prompt_renders_its_bold_lead(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    from cnnquiz import bank

    monkeypatch.setenv("COLUMNS", "80")
    q = bank.question("bank:padding-p-is-per-side", "zh")
    shown = ANSI.sub("", rich_renderer(Tty())(q.prompt, 0))
    assert shown.startswith("判断对错：在公式") and "**" not in shown
    assert plain(q.prompt).startswith("判断对错：在公式")
