"""`cnnquiz drill`: the study loop line by line on text streams.

For scripts, screen readers and dumb terminals: plain words, no colours, no
cursor tricks, one flush per line. A verdict is printed only after
`StudyLoop.answer` returned, i.e. after its attempt was committed. EOF ends the
session. A line `?` shows the answer (recorded as a miss); an unreadable or blank
answer is explained and the same question is asked again.

`--jsonl` events (one object a line):
  {"event": "question", "n", "code", "prompt", "topic", "level", "kind"}
  {"event": "reveal", "n", "answer", "key_points"}      short answers, then a 1-4 line
  {"event": "verdict", "n", "verdict", "expected", "mistake", "explanation",
   "solution", "why", "rating", "due"}
  {"event": "end", "answered", "correct"}
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from cnnquiz.questions.grading import SELF_RATED
from cnnquiz.study.loop import Outcome, StudyLoop

GIVE_UP = "?"
RATINGS = "1 again, 2 hard, 3 good, 4 easy"


class Drill:
    def __init__(self, loop: StudyLoop, stdin: TextIO, stdout: TextIO, *, jsonl: bool = False,
                 interactive: bool = False) -> None:
        self.loop, self.stdin, self.stdout = loop, stdin, stdout
        self.jsonl, self.interactive = jsonl, interactive

    def run(self) -> int:
        """Ask until the session length is reached or input ends; the number answered."""
        try:
            while (q := self.loop.next()) is not None:
                self._question(q.code, q.prompt, q.topic, q.level, q.answer.kind)
                if not self._answer():
                    break
        finally:
            self.loop.close()
        self._emit({"event": "end", "answered": self.loop.answered, "correct": self.loop.correct},
                   f"\nsession: {self.loop.answered} answered, {self.loop.correct} correct")
        return self.loop.answered

    def _answer(self) -> bool:
        """Read lines until the current question is answered; False at EOF."""
        while True:
            line = self._read("answer> ")
            if line is None:
                return False
            if self.loop.self_rated:
                return self._self_rate(line)
            outcome = self.loop.give_up() if line == GIVE_UP else self.loop.answer(line)
            self._verdict(outcome)
            if outcome.counted:
                return True

    def _self_rate(self, given: str) -> bool:
        shown = self.loop.reveal()
        points = "".join(f"\n  - {p}" for p in shown.key_points)
        self._emit({"event": "reveal", "n": self.loop.n, "answer": shown.answer,
                    "key_points": list(shown.key_points)},
                   f"model answer: {shown.answer}" + (f"\nkey points:{points}" if points else "")
                   + f"\nrate your answer ({RATINGS}):")
        while True:
            line = self._read("rating> ")
            if line is None:
                return False
            if line in ("1", "2", "3", "4"):
                self._verdict(self.loop.rate(int(line), given))
                return True
            self._emit({"event": "error", "n": self.loop.n, "message": "type 1, 2, 3 or 4"},
                       f"please type one of 1-4 ({RATINGS})")

    def _question(self, code: str, prompt: str, topic: str, level: int, kind: str) -> None:
        self._emit({"event": "question", "n": self.loop.n, "code": code, "prompt": prompt,
                    "topic": topic, "level": level, "kind": kind},
                   f"\nQ{self.loop.n}  [{topic}, level {level}, {code}]\n{prompt}")

    def _verdict(self, o: Outcome) -> None:
        v = o.verdict
        event: dict[str, Any] = {
            "event": "verdict", "n": o.n, "verdict": v.verdict, "expected": v.expected,
            "mistake": v.mistake, "explanation": v.explanation,
            "solution": o.solution if o.counted else [], "why": list(o.chosen_why),
            "rating": o.rating, "due": o.due.isoformat() if o.due else None}
        self._emit(event, "\n".join(_text(o)))

    def _read(self, prompt: str) -> str | None:
        if self.interactive and not self.jsonl:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        return None if line == "" else line.strip()

    def _emit(self, event: dict[str, Any], text: str) -> None:
        out = json.dumps(event, ensure_ascii=False, default=str) if self.jsonl else text
        self.stdout.write(out + "\n")
        self.stdout.flush()


def _text(o: Outcome) -> list[str]:
    v = o.verdict
    if not o.counted:
        why = f": {v.explanation}" if v.explanation else ""
        return [f"{v.verdict}{why} - try again, or type {GIVE_UP} to see the answer"]
    if v.explanation == SELF_RATED:  # model answer and key points were just revealed
        return [f"saved: you rated {o.rating} ({RATINGS.split(', ')[(o.rating or 1) - 1][2:]})"]
    lines = [v.verdict]
    if v.verdict == "wrong":
        lines[0] += f" - expected {_plain(v.expected)}"
        if v.mistake:
            lines.append(f"mistake: {v.mistake}: {v.explanation}")
        elif v.explanation:
            lines.append(f"note: {v.explanation}")
    lines += [f"why: {w}" for w in o.chosen_why]
    if o.solution:
        lines.append("solution:")
        lines += [f"  {i}. {step}" for i, step in enumerate(o.solution, 1)]
    return lines


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
