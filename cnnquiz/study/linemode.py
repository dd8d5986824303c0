"""`cnnquiz drill`: the study loop line by line on text streams.

For scripts, screen readers and dumb terminals: plain words, one flush per line.
A verdict is printed only after `StudyLoop` returned, i.e. after its attempt was
committed. EOF (or Ctrl-C) ends the session with its summary. A line `?` shows
the answer (saved as wrong, also on a short concept question); an unreadable or
blank answer gets its reason and the same question again, and reveals nothing.

Prompts, options and solutions are Markdown: the face passes `render` (Rich for
a terminal, plain text for a pipe); `--jsonl` carries the raw fields.

`--jsonl` events (one object a line):
  {"event": "question", "n", "code", "prompt", "topic", "level", "kind"}
      (sent again, same n and code, after an unreadable or blank reply)
  {"event": "reveal", "n", "answer", "key_points"}      short answers, then a 1-4 line
  {"event": "verdict", "n", "verdict", "expected", "mistake", "explanation",
   "solution", "why", "rating", "due"}   (expected, mistake, solution: null/[] unless
                                          correct or wrong)
  {"event": "end", "answered", "correct"}
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from cnnquiz.i18n import Lang, text
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.questions.grading import SELF_RATED
from cnnquiz.questions.model import Question
from cnnquiz.study.lineio import LineIO, Reader, Render, raw, undecodable
from cnnquiz.study.loop import StudyLoop
from cnnquiz.study.outcome import GAVE_UP, GIVE_UP_LINE, Outcome
from cnnquiz.topics import BY_SLUG

GIVE_UP = GIVE_UP_LINE
_OWN_NUMBER = re.compile(r"^\s*\d+[.)]\s+")


class Drill(LineIO):
    def __init__(self, loop: StudyLoop, stdin: TextIO, stdout: TextIO, *, jsonl: bool = False,
                 interactive: bool = False, render: Render = raw,
                 read_line: Reader | None = None) -> None:
        super().__init__(stdin, stdout, jsonl=jsonl, interactive=interactive, render=render,
                         read_line=read_line)
        self.loop = loop
        self.lang: Lang = "zh" if loop.lang == "zh" else "en"

    def t(self, key: str, **values: object) -> str:
        return text(f"drill.{key}", self.lang, **values)

    def run(self) -> int:
        """Ask until the session length is reached or input ends; the number answered."""
        try:
            while (q := self.loop.next()) is not None:
                self._question(q)
                if not self._answer(q):
                    break
        except KeyboardInterrupt:  # Ctrl-C ends the session like Ctrl-D: all is saved
            pass
        finally:
            self.loop.close()
        self._emit({"event": "end", "answered": self.loop.answered, "correct": self.loop.correct},
                   "\n" + self.t("session", answered=self.loop.answered,
                                 correct=self.loop.correct))
        return self.loop.answered

    def _answer(self, q: Question) -> bool:
        """Read lines until the current question is answered; False at EOF."""
        while True:
            line = self._read(self.t("answer_prompt"))
            if line is None:
                return False
            if undecodable(line):
                outcome = self.loop.unreadable(line, self.t("not_utf8"))
            elif line == GIVE_UP:
                if self.loop.self_rated:
                    self._reveal()
                outcome = self.loop.give_up()
            elif self.loop.self_rated and line:
                return self._self_rate(line)
            else:
                outcome = self.loop.answer(line)
            self._verdict(outcome)
            if outcome.counted:
                return True
            if self.jsonl:  # the same question again, for a script waiting for one
                self._question(q)

    def _reveal(self) -> None:
        shown = self.loop.reveal()
        lines = [self._para(self.t("model_answer", answer=shown.answer))]
        if shown.key_points:
            lines.append(self.t("key_points"))
            lines += [self._item("  - ", p) for p in shown.key_points]
        self._emit({"event": "reveal", "n": self.loop.n, "answer": shown.answer,
                    "key_points": list(shown.key_points)}, "\n".join(lines))

    def _self_rate(self, given: str) -> bool:
        self._reveal()
        ratings = self.t("ratings")
        if not self.jsonl:
            self._emit({}, self.t("rate", ratings=ratings))
        while True:
            line = self._read(self.t("rating_prompt"))
            if line is None:
                return False
            if line in ("1", "2", "3", "4"):
                self._verdict(self.loop.rate(int(line), given))
                return True
            self._emit({"event": "error", "n": self.loop.n, "message": self.t("rating_error")},
                       self.t("type_rating", ratings=ratings))

    def _question(self, q: Question) -> None:
        topic = BY_SLUG[q.topic].zh if self.lang == "zh" and q.topic in BY_SLUG else q.topic
        header = self.t("question", n=self.loop.n, topic=topic, level=q.level, code=q.code)
        self._emit({"event": "question", "n": self.loop.n, "code": q.code, "prompt": q.prompt,
                    "topic": q.topic, "level": q.level, "kind": q.answer.kind},
                   f"\n{header}\n{self.render(q.prompt, 0)}")

    def _verdict(self, o: Outcome) -> None:
        v = o.verdict
        explanation = self.t("gave_up") if v.explanation == GAVE_UP else v.explanation
        event: dict[str, Any] = {
            "event": "verdict", "n": o.n, "verdict": v.verdict,
            "expected": v.expected if o.counted else None,
            "mistake": v.mistake if o.counted else None, "explanation": explanation,
            "solution": o.solution if o.counted else [], "why": list(o.chosen_why),
            "rating": o.rating, "due": o.due.isoformat() if o.due else None}
        self._emit(event, "\n".join(self._text(o, explanation)))

    def _text(self, o: Outcome, explanation: str) -> list[str]:
        v = o.verdict
        if not o.counted:
            reason = self.t("reason", reason=explanation) if explanation else ""
            return [self.t("retry", verdict=self.t(v.verdict), reason=reason, give_up=GIVE_UP)]
        if v.explanation == SELF_RATED:  # model answer and key points were just revealed
            rating = o.rating or 1
            return [self.t("saved_rating", rating=rating, name=self.t(f"rating_{rating}"))]
        if v.verdict == "wrong" and o.question.answer.kind == "text":
            return [self.t("wrong")]  # a give-up: the model answer was just revealed
        lines = [self.t("correct")]
        if v.verdict == "wrong":
            lines = [self.t("wrong_expected", expected=answer_text(o.question.answer))]
            if v.mistake:
                lines.append(self._para(self.t("mistake", label=explanation)))
            elif explanation:
                lines.append(self._para(self.t("note", note=explanation)))
        lines += [self._para(self.t("why", why=w)) for w in o.chosen_why if w != explanation]
        if o.solution:
            lines.append(self.t("solution"))
            lines += [self._item(f"  {i}. ", _OWN_NUMBER.sub("", step))
                      for i, step in enumerate(o.solution, 1)]
        return lines

    def _para(self, markdown: str) -> str:
        return self.render(markdown, 0)

    def _item(self, bullet: str, markdown: str) -> str:
        """`markdown` rendered beside `bullet`, continuation lines aligned under it."""
        pad = " " * len(bullet)
        body = self.render(markdown, len(bullet)).split("\n")
        return "\n".join([bullet + body[0], *(pad + line if line else "" for line in body[1:])])
