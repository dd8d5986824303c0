"""The readable form of a stats Progress: plain lines with text bars, no colours needed.

Every bar has its number beside it (screen readers), columns are padded by display
width (Chinese topic names take two columns a character), mistakes are shown in
words, and every label comes from cnnquiz/i18n/stats.py in the learner's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cnnquiz.i18n import Lang, text
from cnnquiz.store.interviews import trend
from cnnquiz.store.labels import cells, ljust, mistake_label, skill_label
from cnnquiz.store.stats import Progress
from cnnquiz.topics import BY_SLUG

BAR = 20
SHOWN_MISTAKES = 8
SHOWN_PER_STAGE = 8
STAGES = ("learning", "young", "mature")
SHOWN_MOCKS = 5


def bar(fraction: float, width: int = BAR) -> str:
    full = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * full + "." * (width - full)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def render(s: Progress, lang: Lang = "en", bank_dirs: Sequence[str | Path] = ()) -> str:
    """The summary as text for a terminal (or a screen reader: every bar has its number)."""
    def t(key: str, **values: object) -> str:
        return text(f"stats.{key}", lang, **values)

    lines = [t("title", learner=s.learner)]
    if s.interview is not None:
        lines.append(_interview(s, lang))
    if not s.attempts and not s.skills and not s.mock_interviews:
        return "\n".join([*lines, t("empty")])
    streak = t("day" if s.streak_days == 1 else "days", n=s.streak_days)
    lines.append(t("totals", attempts=s.attempts, correct=s.correct,
                   pct=pct(s.correct, s.attempts), streak=streak))
    lines += _mock_interviews(s, lang)
    if s.by_topic:
        lines += ["", t("by_topic")]
        names = {topic: _topic(topic, lang) for topic in s.by_topic}
        width = max(cells(n) for n in names.values())
        for topic, (n, r) in s.by_topic.items():
            lines.append(f"  {ljust(names[topic], width)}  {bar(r / n if n else 0)}  "
                         f"{pct(r, n):>4}  ({r}/{n})")
    later = ", ".join(f"{d.strftime('%m-%d' if lang == 'zh' else '%a %d')}: {n}"
                      for d, n in s.due_by_day if n)
    lines += ["", t("due", now=s.due, today=s.due_later_today)
              + (t("due_next", days=later) if later else "")]
    if s.mistakes:
        lines += ["", t("mistakes")]
        top = [(mistake_label(m, lang, bank_dirs), n)
               for m, n in list(s.mistakes.items())[:SHOWN_MISTAKES]]
        width = max(cells(label) for label, _ in top)
        lines += [f"  {ljust(label, width)}  {n}" for label, n in top]
    if s.skills:
        lines += ["", t("mastery")]
        for stage in STAGES:
            group = [k for k in s.skills if k.stage == stage]
            if not group:
                continue
            lines.append(f"  {t('stage_' + stage)} ({len(group)})")
            for k in group[:SHOWN_PER_STAGE]:
                lines.append(f"    {bar(k.recall, 10)} {100 * k.recall:3.0f}%  "
                             f"{skill_label(k.skill, lang, bank_dirs)}")
            if len(group) > SHOWN_PER_STAGE:
                lines.append(f"    {t('more', n=len(group) - SHOWN_PER_STAGE)}")
    return "\n".join(lines)


def _interview(s: Progress, lang: Lang) -> str:
    assert s.interview is not None and s.days_left is not None
    when = s.interview.isoformat()
    if s.days_left > 0:
        days = text("stats.day" if s.days_left == 1 else "stats.days", lang, n=s.days_left)
        return text("stats.interview", lang, date=when, days=days)
    return text("stats.interview_today" if s.days_left == 0 else "stats.interview_past", lang,
                date=when)


def _mock_interviews(s: Progress, lang: Lang) -> list[str]:
    """The last mock interviews, one line each, and the trend of their scores."""
    if not s.mock_interviews:
        return []
    lines = ["", text("stats.mock_title", lang)]
    for m in s.mock_interviews[-SHOWN_MOCKS:]:
        weakest = ("、" if lang == "zh" else ", ").join(_topic(w, lang) for w in m.weakest) or "-"
        lines.append("  " + text("stats.mock_line", lang, date=m.started_at.date().isoformat(),
                                 score=f"{m.correct}/{m.answered}", pct=pct(m.correct, m.answered),
                                 bar=bar(m.score, 10), asked=m.followups_asked,
                                 right=m.followups_correct, weakest=weakest))
    change = trend(s.mock_interviews)
    if change is not None:
        lines.append("  " + text("stats.mock_trend", lang, change=f"{change:+.0f}"))
    return lines


def _topic(slug: str, lang: Lang) -> str:
    t = BY_SLUG.get(slug)
    return slug if t is None else (t.zh if lang == "zh" else t.en)
