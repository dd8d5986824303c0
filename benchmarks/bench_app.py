"""The study app where a user waits, on a real pseudo-terminal, against baselines of the same run.

Targets (issue 9):
- `cnnquiz` to its first full frame (home, header and footer drawn): within 1.25x of a
  bare Textual app with a Header and a Footer;
- Enter to the verdict: under 50 ms (median);
- Enter on home to the first question: under 300 ms;
- peak memory of a whole session (ten answers, then the stats screen): under 120 MB.

Each app runs as `python -m cnnquiz` would for a user, on a pty of 80x24, and the clock
stops when the terminal receives the text that shows the screen is there (the footer's
"palette", a progress line "Question 1/", a verdict "Answer shown"). The learner waits a
second on home before pressing Enter, as a person does. Runs are interleaved (one of
each per round), so a busy neighbour's load falls on all alike. Baselines: the bare app
for the first frame and memory; for the two key presses, a bare app whose Enter swaps a
screen or updates a line (what Textual itself needs to show a change).
Run: python benchmarks/bench_app.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZE = (80, 24)
ANSWERS = 10
BARE = """
import sys
from textual.app import App
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static

class Asked(Screen):
    def compose(self):
        yield Header(); yield Static("Question 1/10", id="line"); yield Input(); yield Footer()
    def on_input_submitted(self, event):
        shown = self.query_one("#line", Static)
        shown.update("Session done" if event.value == "" else "Answer shown " + event.value)
        event.input.value = ""

class Bare(App):
    def compose(self):
        yield Header(); yield Static("Press Enter"); yield Footer()
    def on_key(self, event):
        if event.key == "enter" and not isinstance(self.screen, Asked):
            self.push_screen(Asked())
Bare().run()
"""


class Term:
    """A program on a pseudo-terminal: send keys, wait for text to appear on the screen."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.fd, self.seen = master, b""

    def wait_for(self, text: str, timeout: float = 120.0) -> float:
        """Seconds until `text` reaches the terminal (counting from the last `send`)."""
        want = text.encode()
        deadline = time.perf_counter() + timeout
        while want not in self.seen:
            left = deadline - time.perf_counter()
            ready, _, _ = select.select([self.fd], [], [], max(0.0, left))
            if not ready:
                raise SystemExit(f"{text!r} never appeared; last output: {self.seen[-300:]!r}")
            self.seen += os.read(self.fd, 1 << 16)
        return time.perf_counter() - self.start

    def send(self, keys: str) -> None:
        self.seen = b""
        self.start = time.perf_counter()
        os.write(self.fd, keys.encode())

    def close(self) -> int:
        """Stop the program; its peak resident memory in bytes."""
        self.proc.kill()
        _, _, usage = os.wait4(self.proc.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss * 1024  # kilobytes on Linux


def session(cmd: list[str], env: dict[str, str], answers: int,
            stats: bool = True) -> dict[str, object]:
    """First frame, then Enter on home, `answers` verdicts (`?`), the stats screen."""
    term = Term(cmd, env)
    out: dict[str, object] = {"frame": term.wait_for("palette")}
    term.wait_for("Press Enter")
    time.sleep(1.0)  # the learner reads home
    term.send("\r")
    out["first_question"] = term.wait_for("Question 1/")
    verdicts = []
    for n in range(answers):
        time.sleep(0.2)
        term.send("?")
        time.sleep(0.2)
        term.send("\r")
        verdicts.append(term.wait_for("Answer shown"))
        term.send("\r")
        term.wait_for(f"Question {n + 2}/" if n + 1 < answers else "Session done")
    out["verdicts"] = verdicts
    if stats:
        term.send("\r")
        term.wait_for("Press Enter")
        term.send("s")
        term.wait_for("Accuracy by topic")
    out["memory"] = term.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_app_"))
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT),
           "XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache"),
           "CNNQUIZ_LANG": "en"}
    bare = [sys.executable, "-c", BARE]
    runs: dict[str, list[dict[str, object]]] = {"bare": [], "cnnquiz": []}
    for i in range(args.runs + 1):  # the first round writes bytecode and the caches
        db = tmp / f"progress-{i}.sqlite3"
        app = [sys.executable, "-m", "cnnquiz", "--db", str(db), "study", "--count",
               str(ANSWERS)]
        b, c = session(bare, env, 1, stats=False), session(app, env, ANSWERS)
        if i:
            runs["bare"].append(b)
            runs["cnnquiz"].append(c)
    report(runs)


def report(runs: dict[str, list[dict[str, object]]]) -> None:
    def med(name: str, key: str) -> float:
        values: list[float] = []
        for r in runs[name]:
            v = r[key]
            values += v if isinstance(v, list) else [v]  # type: ignore[list-item]
        return statistics.median(values)

    rows = [
        ("first full frame", med("cnnquiz", "frame"), med("bare", "frame"), "ratio <= 1.25",
         med("cnnquiz", "frame") / med("bare", "frame") <= 1.25),
        ("Enter to verdict", med("cnnquiz", "verdicts"), med("bare", "verdicts"), "< 50 ms",
         med("cnnquiz", "verdicts") < 0.050),
        ("Enter on home to question 1", med("cnnquiz", "first_question"),
         med("bare", "first_question"), "< 300 ms", med("cnnquiz", "first_question") < 0.300),
    ]
    print(f"{'':30} {'cnnquiz':>10} {'baseline':>10} {'ratio':>7}  target")
    for name, ours, base, target, ok in rows:
        print(f"{name:30} {1000 * ours:8.0f}ms {1000 * base:8.0f}ms {ours / base:7.2f}  "
              f"{target:14} {'ok' if ok else 'MISSED'}")
    mem, base_mem = med("cnnquiz", "memory"), med("bare", "memory")
    print(f"{'peak memory (session, stats)':30} {mem / 2**20:8.0f}MB {base_mem / 2**20:8.0f}MB "
          f"{mem / base_mem:7.2f}  < 120 MB        {'ok' if mem < 120 * 2**20 else 'MISSED'}")


if __name__ == "__main__":
    main()
