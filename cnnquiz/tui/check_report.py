"""A checked sheet's report as one Markdown page for the app's check screen: the score,
then each question's verdict, the expected answer, the mistake in words and the worked
solution of every wrong one (the same parts `cnnquiz check` prints)."""

from __future__ import annotations

from cnnquiz.application.verdicts import MARKS, sheet_notes, verdict_body
from cnnquiz.i18n import Lang, text
from cnnquiz.printing.sheet import colon
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.questions.sheets import Report


def report_markdown(report: Report, lang: Lang, saved: int | None, not_saved: str) -> str:
    out = [f"## {text('printing.set', lang, code=report.code)}", "",
           f"**{text('check.score', lang, score=report.score, total=report.total)}**"]
    selfs = sum(v.verdict == "self" for _, v in report.results)
    if selfs:
        out += ["", f"*{text('check.self_note', lang, count=selfs)}*"]
    out += [f"- {note}" for note in sheet_notes(report, lang)]
    for q, (n, v) in zip(report.questions, report.results, strict=True):
        out += ["", f"### {n}. {_headline(q, v, lang)}"]
        body = verdict_body(q, v, lang)
        if body:
            out += ["", body]
    out += ["", f"*{not_saved if saved is None else text('check.saved', lang, count=saved)}*"]
    return "\n".join(out)


def _headline(q: Question, v: Verdict, lang: Lang) -> str:
    line = f"{MARKS[v.verdict]} {text('common.' + v.verdict, lang)}"
    if v.given:
        line += f" · {colon(text('check.you_wrote', lang), lang)} {v.given}"
    if v.verdict not in ("correct", "self"):
        line += f" · {colon(text('check.expected', lang), lang)} {answer_text(q.answer)}"
    return line
