"""The study app where a user waits, on a real pseudo-terminal, against baselines of the same run.

Targets (issue 9):
- `cnnquiz` to its first full frame (home, header and footer drawn): within 1.25x of a
  bare Textual app with a Header and a Footer;
- Enter to the verdict: under 50 ms (median);
- Enter on home to the first question: under 300 ms;
- peak memory of a whole session (ten answers, then the stats screen): under 120 MB.

The app runs as a user starts it (`cnnquiz --db FILE`, one store growing by ten answers a
round) on an 80x24 pty; the clock stops when the terminal receives the text that shows the
screen is there (the footer's "palette", a progress line "Question 1/", a verdict "Answer
shown"). The learner reads home for a second, and until the app has finished preparing
(it uses no more CPU), before pressing Enter, as a person reading the screen would. CPU
seconds of the program (user + system, all threads, from /proc) stand beside wall time:
on a shared machine they barely move with the load. Runs are interleaved (one of each per
round), so a busy neighbour's load falls on all alike. Baselines: the bare app for the
first frame and memory; for the key presses, a bare app whose Enter pushes a screen or
updates a line (what Textual itself needs to show a change).
Run: python benchmarks/bench_app.py [--runs N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import re
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
ANSWERS = 10  # a session's default length
TICKS = os.sysconf("SC_CLK_TCK")
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
# Run first in both programs: when the first frame holding a footer has been written to the
# terminal, the program itself notes the monotonic clock and its CPU seconds on a pipe, so a
# reader woken late on a busy machine counts neither its delay nor the work done after.
FRAME_HOOK = """
import os, sys, time
from textual.app import App
from textual.widgets import Footer
_display, _fd = App._display, int(os.environ.pop("BENCH_FRAME_FD"))
def _noted(self, screen, renderable):
    _display(self, screen, renderable)
    global _fd
    if _fd >= 0 and renderable is not None and screen.query(Footer):
        os.write(_fd, f"{time.monotonic()} {time.process_time()}\\n".encode())
        os.close(_fd)
        _fd = -1
App._display = _noted
"""


class Term:
    """A program on a pseudo-terminal: send keys, wait for text to appear on the screen."""

    def __init__(self, cmd: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", SIZE[1], SIZE[0], 0, 0))
        note, self.noted = os.pipe()[::-1], b""
        self.started = time.monotonic()
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(cmd, stdin=slave, stdout=slave, stderr=slave,
                                     env={**env, "BENCH_FRAME_FD": str(note[0])},
                                     start_new_session=True, pass_fds=(note[0],))
        os.close(slave)
        os.close(note[0])
        self.note = note[1]
        self.fd, self.seen = master, b""
        self.cpu0 = 0.0

    def first_frame(self, timeout: float = 120.0) -> tuple[float, float]:
        """Wall seconds from the start to the first frame with a footer, and CPU seconds."""
        while not self.noted.endswith(b"\n"):
            ready, _, _ = select.select([self.note, self.fd], [], [], timeout)
            if not ready:
                raise SystemExit(f"no first frame; last output: {self.seen[-300:]!r}")
            if self.fd in ready:
                self.seen += os.read(self.fd, 1 << 16)  # keep the terminal flowing
            if self.note in ready:
                self.noted += os.read(self.note, 256)
        when, cpu = map(float, self.noted.split())
        os.close(self.note)
        return when - self.started, cpu

    def cpu(self) -> float:
        """CPU seconds (user + system, all threads) the program has used so far."""
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def wait_for(self, text: str, timeout: float = 120.0) -> tuple[float, float]:
        """Wall and CPU seconds until `text` reaches the terminal (since the last `send`)."""
        want = text.encode()
        deadline = time.perf_counter() + timeout
        while want not in self.seen:
            left = deadline - time.perf_counter()
            ready, _, _ = select.select([self.fd], [], [], max(0.0, left))
            if not ready:
                shown = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b" ", self.seen).decode(errors="replace")
                raise SystemExit(f"{text!r} never appeared in {self.proc.args[:3]}; last output: "
                                 f"{' '.join(shown.split())[-600:]!r}")
            self.seen += os.read(self.fd, 1 << 16)
        return time.perf_counter() - self.start, self.cpu() - self.cpu0

    def idle(self, least: float = 1.0, step: float = 0.25) -> None:
        """Wait `least` seconds, then until the program uses no CPU for two `step`s."""
        time.sleep(least)
        calm, used = 0, self.cpu()
        while calm < 2:
            time.sleep(step)
            now = self.cpu()
            calm, used = (calm + 1 if now == used else 0), now

    def send(self, keys: str) -> None:
        self.seen = b""
        self.start, self.cpu0 = time.perf_counter(), self.cpu()
        os.write(self.fd, keys.encode())

    def close(self) -> int:
        """Stop the program; its peak resident memory in bytes."""
        self.proc.kill()
        _, _, usage = os.wait4(self.proc.pid, 0)
        os.close(self.fd)
        return usage.ru_maxrss * 1024  # kilobytes on Linux


def session(cmd: list[str], env: dict[str, str], answers: int,
            stats: bool = True) -> dict[str, list[tuple[float, float]]]:
    """First frame, then Enter on home, `answers` verdicts (`?`), the stats screen;
    (wall, CPU) seconds of each wait, and the peak memory."""
    term = Term(cmd, env)
    out = {"frame": [term.first_frame()]}
    term.wait_for("Press Enter")
    term.idle()  # the learner reads home; meanwhile the app prepares the session
    term.send("\r")
    out["first_question"] = [term.wait_for("Question 1/")]
    out["verdicts"] = []
    for n in range(answers):
        time.sleep(0.2)
        term.send("?")
        time.sleep(0.2)
        term.send("\r")
        out["verdicts"].append(term.wait_for("Answer shown"))
        term.send("\r")
        term.wait_for(f"Question {n + 2}/" if n + 1 < answers else "Session done")
    if stats:
        term.send("\r")
        term.wait_for("Press Enter")
        term.send("s")
        term.wait_for("Accuracy by topic")
    out["memory"] = [(term.close() / 2**20, 0.0)]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench_app_"))
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT),
           "XDG_DATA_HOME": str(tmp / "data"), "XDG_CACHE_HOME": str(tmp / "cache"),
           "CNNQUIZ_LANG": "en"}
    bare = [sys.executable, "-c", FRAME_HOOK + BARE]
    app = [sys.executable, "-c", FRAME_HOOK + "import runpy; runpy.run_module('cnnquiz', "
           "run_name='__main__', alter_sys=True)", "--db", str(tmp / "progress.sqlite3")]
    runs: dict[str, list[dict[str, list[tuple[float, float]]]]] = {"bare": [], "cnnquiz": []}
    for i in range(args.runs + 1):  # the first round writes bytecode, caches and the store
        b, c = session(bare, env, 1, stats=False), session(app, env, ANSWERS)
        if i:
            runs["bare"].append(b)
            runs["cnnquiz"].append(c)
    report(runs)


def report(runs: dict[str, list[dict[str, list[tuple[float, float]]]]]) -> None:
    def med(name: str, key: str, which: int) -> float:
        return statistics.median(v[which] for r in runs[name] for v in r[key])

    targets = [("first full frame", "frame", 1000, "ms", "wall ratio <= 1.25",
                lambda ours, base: ours / base <= 1.25),
               ("Enter to verdict", "verdicts", 1000, "ms", "wall < 50 ms",
                lambda ours, base: ours < 0.050),
               ("Enter on home to question 1", "first_question", 1000, "ms", "wall < 300 ms",
                lambda ours, base: ours < 0.300),
               ("peak memory (session, stats)", "memory", 1, "MB", "< 120 MB",
                lambda ours, base: ours < 120)]
    print(f"{'median of ' + str(len(runs['bare'])) + ' runs':30} {'cnnquiz':>9} {'baseline':>9} "
          f"{'ratio':>6} {'CPU':>9} {'CPU base':>9} {'ratio':>6}  target")
    for name, key, scale, unit, target, ok in targets:
        ours, base = med("cnnquiz", key, 0), med("bare", key, 0)
        line = f"{name:30} {scale * ours:7.0f}{unit} {scale * base:7.0f}{unit} {ours / base:6.2f}"
        if key != "memory":
            cpu, cpu_base = med("cnnquiz", key, 1), med("bare", key, 1)
            line += (f" {scale * cpu:7.0f}{unit} {scale * cpu_base:7.0f}{unit} "
                     f"{cpu / max(cpu_base, 1 / TICKS):6.2f}")
        else:
            line += " " * 27
        print(f"{line}  {target:20} {'ok' if ok(ours, base) else 'MISSED'}")


if __name__ == "__main__":
    main()
