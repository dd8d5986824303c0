"""The readable form of a stats Summary: plain lines with text bars, no colours needed."""

from __future__ import annotations

from cnnquiz.store.stats import Summary
from cnnquiz.topics import BY_SLUG

BAR = 20
SHOWN_MISTAKES = 8
SHOWN_PER_STAGE = 8
STAGES = ("learning", "young", "mature")


def bar(fraction: float, width: int = BAR) -> str:
    full = round(max(0.0, min(1.0, fraction)) * width)
    return "#" * full + "." * (width - full)


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.0f}%" if d else "-"


def render(s: Summary, lang: str = "en") -> str:
    """The summary as text for a terminal (or a screen reader: every bar has its number)."""
    lines = [f"progress of {s.learner}"]
    if not s.attempts and not s.skills:
        return "\n".join([*lines, "no attempts yet - start with `cnnquiz drill`"])
    lines.append(f"attempts {s.attempts}, correct {s.correct} ({pct(s.correct, s.attempts)}), "
                 f"streak {s.streak_days} day{'s' if s.streak_days != 1 else ''}")
    if s.by_topic:
        lines += ["", "accuracy by topic"]
        width = max(len(_topic(t, lang)) for t in s.by_topic)
        for t, (n, r) in s.by_topic.items():
            lines.append(f"  {_topic(t, lang):<{width}}  {bar(r / n if n else 0)}  "
                         f"{pct(r, n):>4}  ({r}/{n})")
    later = ", ".join(f"{d.strftime('%a %d')}: {n}" for d, n in s.due_by_day if n)
    lines += ["", f"due now {s.due}, later today {s.due_later_today}"
              + (f"; next days {later}" if later else "")]
    if s.mistakes:
        lines += ["", "most frequent mistakes"]
        top = list(s.mistakes.items())[:SHOWN_MISTAKES]
        width = max(len(m) for m, _ in top)
        lines += [f"  {m:<{width}}  {n}" for m, n in top]
    if s.skills:
        lines += ["", "skills by mastery (predicted recall now, weakest first)"]
        for stage in STAGES:
            group = [k for k in s.skills if k.stage == stage]
            if not group:
                continue
            lines.append(f"  {stage} ({len(group)})")
            for k in group[:SHOWN_PER_STAGE]:
                lines.append(f"    {bar(k.recall, 10)} {100 * k.recall:3.0f}%  {k.skill}")
            if len(group) > SHOWN_PER_STAGE:
                lines.append(f"    ... and {len(group) - SHOWN_PER_STAGE} more")
    return "\n".join(lines)


def _topic(slug: str, lang: str) -> str:
    t = BY_SLUG.get(slug)
    return slug if t is None else (t.zh if lang == "zh" else t.en)
