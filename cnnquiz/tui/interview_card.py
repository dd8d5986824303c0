"""The interview's end as one Markdown page: the scorecard first, then the review of
every question with the answer given, the expected one, the mistake and the solution."""

from __future__ import annotations

import json
from typing import Any

from cnnquiz.i18n import Lang, text
from cnnquiz.printing.md import numbered
from cnnquiz.study.interview_linemode import clock
from cnnquiz.study.scorecard import ReviewItem, Scorecard
from cnnquiz.tui.names import topic_name


def card_markdown(c: Scorecard, lang: Lang, gave_up: str) -> str:
    def t(key: str, **values: object) -> str:
        return text(f"interview.{key}", lang, **values)

    pct = f"{100 * c.correct / c.answered:.0f}%" if c.answered else "-"
    out = [f"## {t('scorecard')}", "",
           f"- **{t('score', correct=c.correct, answered=c.answered, pct=pct)}**",
           f"- {t('followups', correct=c.followups_correct, asked=c.followups_asked)}",
           f"- {t('time', total=clock(c.seconds, lang), median=clock(c.median_seconds, lang))}"]
    if c.slow:
        out.append("- " + t("slow", items=", ".join(
            t("slow_item", n=n, seconds=clock(s, lang), times=f"{s / c.median_seconds:.1f}")
            for n, s in c.slow)))
    if c.weakest:
        out.append("- " + t("weakest", topics=", ".join(topic_name(w, lang) for w in c.weakest)))
        out.append("- " + t("drill", command=f"`{c.drill_command}`"))
    else:
        out.append("- " + t("no_weak"))
    if c.by_topic:
        out += ["", f"**{t('by_topic')}**", ""]
        out += [f"- {topic_name(topic, lang)}  {right}/{n}"
                for topic, (n, right) in c.by_topic.items()]
    out += ["", f"## {t('review')}"]
    for item in c.review:
        out += ["", *_review(item, lang, gave_up)]
    return "\n".join(out)


def _review(r: ReviewItem, lang: Lang, gave_up: str) -> list[str]:
    def t(key: str, **values: object) -> str:
        return text(f"interview.{key}", lang, **values)

    expected = _plain(r.expected)
    verdict = text(f"common.{r.verdict}", lang)
    mark = {"correct": "✓", "wrong": "✗"}.get(r.verdict, "–")
    lines = [f"### {mark} " + t("item", n=r.n, code=r.question.code, verdict=verdict,
                                followup=t("item_followup") if r.followup else ""), "",
             r.question.prompt, ""]
    if r.given is None:
        lines.append(t("not_answered", expected=expected))
    elif r.explanation == gave_up:
        lines.append(t("passed", expected=expected))
    elif r.verdict == "wrong":
        lines.append(t("you_wrote", given=r.given, expected=expected))
        if r.mistake:
            lines += ["", t("mistake", label=r.explanation)]
    else:
        lines.append(t("you_wrote", given=r.given, expected=expected))
    lines += ["", f"**{t('solution')}**", ""]
    lines += [numbered(i, step) for i, step in enumerate(r.question.solution, 1)]
    return lines


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
