"""`cnnquiz interview`: the mock interview line by line on text streams, like `drill`.

During the interview only "noted" (or why an answer could not be read) is shown;
the review at the end has every answer, mistake and solution, then the scorecard.
EOF (or Ctrl-C) ends the interview early; what was answered is saved and scored.

`--jsonl` events (one object a line), the drill's plus:
  {"event": "question", "n", "code", "prompt", "topic", "level", "kind", "followup",
   "about", "remaining"}   (followup: true on a "why" follow-up, about: its main question)
  {"event": "verdict", "n", "verdict", "expected": null, "mistake": null, "explanation",
   "solution": []}          (saved; nothing revealed until the review)
  {"event": "review", "n", "code", "topic", "level", "followup", "given", "verdict",
   "expected", "mistake", "explanation", "solution", "seconds"}   one per question
  {"event": "scorecard", "answered", "correct", "followups": {"asked", "correct"},
   "by_topic": {topic: {"answered", "correct"}}, "seconds", "weakest", "median_seconds",
   "slow", "drill"}        always the last line
"""

from __future__ import annotations

import re
from typing import TextIO

from cnnquiz.i18n import Lang, text
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.study.interview import Answered, Asked, Interview
from cnnquiz.study.lineio import LineIO, Reader, Render, raw, undecodable
from cnnquiz.study.linemode import GIVE_UP
from cnnquiz.study.outcome import GAVE_UP
from cnnquiz.study.scorecard import ReviewItem, Scorecard
from cnnquiz.topics import BY_SLUG

_OWN_NUMBER = re.compile(r"^\s*\d+[.)]\s+")  # a step that numbers itself


def clock(seconds: float, lang: Lang) -> str:
    s = round(seconds)
    if s < 60:
        return text("interview.seconds", lang, s=s)
    return text("interview.min_sec", lang, m=s // 60, s=s % 60)


class InterviewLines(LineIO):
    def __init__(self, interview: Interview, stdin: TextIO, stdout: TextIO, *,
                 jsonl: bool = False, interactive: bool = False, render: Render = raw,
                 read_line: Reader | None = None) -> None:
        super().__init__(stdin, stdout, jsonl=jsonl, interactive=interactive, render=render,
                         read_line=read_line)
        self.iv = interview
        self.lang: Lang = "zh" if interview.lang == "zh" else "en"

    def t(self, key: str, **values: object) -> str:
        return text(f"interview.{key}", self.lang, **values)

    def run(self) -> Scorecard:
        """Ask until time is up, the count is reached or input ends; then review and score."""
        self._emit({}, self.t("start", limit=self._limit(), give_up=GIVE_UP))
        try:
            while (asked := self.iv.next()) is not None:
                self._question(asked)
                if not self._answer(asked):
                    break
            else:
                if self.iv.remaining == 0.0:
                    self._emit({}, "\n" + self.t("time_up"))
        except KeyboardInterrupt:  # Ctrl-C ends the interview like Ctrl-D: all is saved
            pass
        card = self.iv.finish()
        if not self.jsonl:
            self._emit({}, "\n" + self.t("review"))
        for item in card.review:
            self._emit(item.to_json(), "\n".join(self._review(item)))
        self._emit(card.to_json(), "\n".join(self._scorecard(card)))
        return card

    def _limit(self) -> str:
        m = f"{self.iv.minutes:g}" if self.iv.minutes is not None else None
        if self.iv.count is not None and m is not None:
            return self.t("both", n=self.iv.count, m=m)
        return self.t("questions", n=self.iv.count) if m is None else self.t("minutes", m=m)

    def _answer(self, asked: Asked) -> bool:
        while True:
            line = self._read(self.t("answer_prompt"))
            if line is None:
                return False
            if undecodable(line):
                result = self.iv.unreadable(text("drill.not_utf8", self.lang))
            else:
                result = self.iv.give_up() if line == GIVE_UP else self.iv.answer(line)
            self._verdict(result)
            if result.counted:
                return True
            if self.jsonl:
                self._question(asked)

    def _question(self, a: Asked) -> None:
        q = a.question
        topic = BY_SLUG[q.topic].zh if self.lang == "zh" and q.topic in BY_SLUG else q.topic
        left = self.iv.remaining
        shown = self.t("left", clock=clock(left, self.lang)) if left is not None else ""
        header = (self.t("followup", n=a.n, about=a.about, topic=topic, code=q.code, left=shown)
                  if a.followup else
                  self.t("question", n=a.n, topic=topic, level=q.level, code=q.code, left=shown))
        self._emit({"event": "question", "n": a.n, "code": q.code, "prompt": q.prompt,
                    "topic": q.topic, "level": q.level, "kind": q.answer.kind,
                    "followup": a.followup, "about": a.about,
                    "remaining": None if left is None else round(left, 1)},
                   f"\n{header}\n{self.render(q.prompt, 0)}")

    def _verdict(self, r: Answered) -> None:
        item = self.iv.items[r.n - 1]
        shown = (self.t("noted", seconds=clock(item.seconds, self.lang)) if r.counted else
                 self.t("retry", verdict=text(f"common.{r.verdict}", self.lang),
                        reason=f": {r.explanation}" if r.explanation else "", give_up=GIVE_UP))
        self._emit({"event": "verdict", "n": r.n, "verdict": r.verdict, "expected": None,
                    "mistake": None, "explanation": "" if r.counted else r.explanation,
                    "solution": []}, shown)

    def _review(self, r: ReviewItem) -> list[str]:
        expected = answer_text(r.question.answer)
        verdict = text(f"common.{r.verdict}", self.lang)
        lines = ["", self.t("item", n=r.n, code=r.question.code, verdict=verdict,
                            followup=self.t("item_followup") if r.followup else "")]
        if r.given is None:
            lines.append("  " + self.t("not_answered", expected=expected))
        elif r.explanation == GAVE_UP:
            lines.append("  " + self.t("passed", expected=expected))
        elif r.verdict == "wrong":
            lines.append("  " + self.t("you_wrote", given=r.given, expected=expected))
            if r.mistake:
                lines.append("  " + self.render(self.t("mistake", label=r.explanation), 2))
        lines.append("  " + self.t("solution"))
        lines += [f"    {i}. " + self.render(_OWN_NUMBER.sub("", step), 7)
                  for i, step in enumerate(r.question.solution, 1)]
        return lines

    def _scorecard(self, c: Scorecard) -> list[str]:
        pct = f"{100 * c.correct / c.answered:.0f}%" if c.answered else "-"
        lines = ["", self.t("scorecard"),
                 self.t("score", correct=c.correct, answered=c.answered, pct=pct),
                 self.t("followups", correct=c.followups_correct, asked=c.followups_asked)]
        if c.by_topic:
            lines.append(self.t("by_topic"))
            for topic, (n, right) in c.by_topic.items():
                name = BY_SLUG[topic].zh if self.lang == "zh" and topic in BY_SLUG else topic
                lines.append(f"  {name}  {right}/{n}")
        lines.append(self.t("time", total=clock(c.seconds, self.lang),
                            median=clock(c.median_seconds, self.lang)))
        if c.slow:
            lines.append(self.t("slow", items=", ".join(
                self.t("slow_item", n=n, seconds=clock(s, self.lang),
                       times=f"{s / c.median_seconds:.1f}") for n, s in c.slow)))
        if c.weakest:
            lines += [self.t("weakest", topics=", ".join(c.weakest)),
                      self.t("drill", command=c.drill_command)]
        else:
            lines.append(self.t("no_weak"))
        return lines
