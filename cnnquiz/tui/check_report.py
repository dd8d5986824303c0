"""A checked sheet's report as one Markdown page for the app's check screen: the score,
then each question's verdict, the expected answer, the mistake in words and the worked
solution of every wrong one (the same parts `cnnquiz check` prints)."""

from __future__ import annotations

from cnnquiz.i18n import Lang, text
from cnnquiz.printing.md import numbered
from cnnquiz.printing.sheet import colon
from cnnquiz.questions.answer_text import answer_text
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.questions.sheets import Report
from cnnquiz.store.labels import mistake_label

MARKS = {"correct": "✓", "wrong": "✗", "unreadable": "?", "blank": "–", "self": "◇"}


def report_markdown(report: Report, lang: Lang, saved: int | None, not_saved: str) -> str:
    out = [f"## {text('printing.set', lang, code=report.code)}", "",
           f"**{text('check.score', lang, score=report.score, total=report.total)}**"]
    selfs = sum(v.verdict == "self" for _, v in report.results)
    if selfs:
        out += ["", f"*{text('check.self_note', lang, count=selfs)}*"]
    notes = [text("check.repeated", lang, n=n, lines=", ".join(map(str, lines))) if lines
             else text("check.repeated_json", lang, n=n)
             for n, lines in sorted(report.sheet.repeated.items())]
    notes += [text("check.no_number", lang, line=line) for line in report.sheet.stray]
    out += [f"- {note}" for note in notes]
    for q, (n, v) in zip(report.questions, report.results, strict=True):
        out += ["", f"### {n}. {_headline(q, v, lang)}"]
        body = _body(q, v, lang)
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


def _body(q: Question, v: Verdict, lang: Lang) -> str:
    out: list[str] = []
    if v.mistake:
        out.append(f"**{colon(text('check.mistake', lang), lang)}** {_mistake(v, lang)}")
    elif v.explanation and v.verdict in ("wrong", "unreadable"):
        out.append(f"**{colon(text('check.why', lang), lang)}** {v.explanation}")
    if v.verdict == "self":
        out.append(f"**{colon(text('printing.model_answer', lang), lang)}** {q.answer.value}")
        out.append("\n".join(f"- {point}" for point in q.key_points))
    elif v.verdict != "correct":
        out.append(f"**{colon(text('printing.solution', lang), lang)}**")
        out.append("\n".join(numbered(i, step) for i, step in enumerate(q.solution, 1)))
    return "\n\n".join(part for part in out if part)


def _mistake(v: Verdict, lang: Lang) -> str:
    assert v.mistake is not None
    if v.mistake.startswith("bank:"):
        name = text("check.option", lang, letter=v.mistake.rpartition(":")[2])
    else:
        name = mistake_label(v.mistake, lang)
    if not v.explanation or v.explanation.lower().startswith(name.lower()):
        return v.explanation or name
    return f"{name}. {v.explanation}" if lang == "en" else f"{name}。{v.explanation}"
