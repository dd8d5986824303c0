"""A checked sheet's findings in words, shared by `cnnquiz check` and the app's check
screen, so both say the same thing: the notes on the sheet itself, and under each verdict
the named mistake and the worked solution (or the model answer of a concept question)."""

from __future__ import annotations

from cnnquiz.i18n import Lang, text
from cnnquiz.printing.md import numbered
from cnnquiz.printing.sheet import colon
from cnnquiz.questions.model import Question, Verdict
from cnnquiz.questions.sheets import Report
from cnnquiz.store.labels import mistake_label

MARKS = {"correct": "✓", "wrong": "✗", "unreadable": "?", "blank": "–", "self": "◇"}


def sheet_notes(report: Report, lang: Lang) -> list[str]:
    """What was odd about the sheet: numbers answered twice, lines without a number."""
    out = [text("check.repeated", lang, n=n, lines=", ".join(map(str, lines))) if lines
           else text("check.repeated_json", lang, n=n)
           for n, lines in sorted(report.sheet.repeated.items())]
    return out + [text("check.no_number", lang, line=line) for line in report.sheet.stray]


def verdict_body(q: Question, v: Verdict, lang: Lang) -> str:
    """Markdown under a verdict: the named mistake, then the solution or model answer."""
    out: list[str] = []
    if v.mistake:
        out.append(f"**{colon(text('check.mistake', lang), lang)}** {mistake_words(v, lang)}")
    elif v.explanation and v.verdict in ("wrong", "unreadable"):
        out.append(f"**{colon(text('check.why', lang), lang)}** {v.explanation}")
    if v.verdict == "self":
        out.append(f"**{colon(text('printing.model_answer', lang), lang)}** {q.answer.value}")
        out.append("\n".join(f"- {point}" for point in q.key_points))
    elif v.verdict != "correct":
        out.append(f"**{colon(text('printing.solution', lang), lang)}**")
        out.append("\n".join(numbered(i, step) for i, step in enumerate(q.solution, 1)))
    return "\n\n".join(part for part in out if part)


def mistake_words(v: Verdict, lang: Lang) -> str:
    """The misconception in words: a wrong option by its letter (the question is shown
    above), a catalogued mistake by its name, then this answer's explanation."""
    assert v.mistake is not None
    if v.mistake.startswith("bank:"):
        name = text("check.option", lang, letter=v.mistake.rpartition(":")[2])
    else:
        name = mistake_label(v.mistake, lang)
    if not v.explanation or v.explanation.lower().startswith(name.lower()):
        return v.explanation or name
    return f"{name}. {v.explanation}" if lang == "en" else f"{name}。{v.explanation}"
