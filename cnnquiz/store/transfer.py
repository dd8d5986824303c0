"""`export` and `import`: all progress as one JSON document, and back, losslessly.

The document holds every learner with their settings, sessions, attempts, review
logs and cards; row ids are left out (they are local), uids and names are kept,
so importing into a store that already has some of it merges without duplicates:
rows whose uid is present are skipped, settings already set are kept, and a card
is replaced only by one reviewed more recently. Export -> import into an empty
store -> export gives the same bytes. An import is one transaction: a bad file
changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from cnnquiz.store.models import (
    Attempt,
    Card,
    Learner,
    MockInterview,
    ReviewLog,
    Setting,
    StudySession,
)
from cnnquiz.store.store import Store

FORMAT, VERSION = "cnnquiz-progress", 1
CHUNK = 500
# (export key, table, exported columns, sort columns); the learner column is implied
KINDS: tuple[tuple[str, Table, tuple[str, ...], tuple[str, ...]], ...] = (
    ("sessions", StudySession.__table__, ("uid", "started_at", "ended_at", "topics", "planned",
                                          "answered"), ("started_at", "uid")),
    ("attempts", Attempt.__table__, ("uid", "session_uid", "code", "template", "topic", "level",
                                     "skill", "given", "verdict", "mistake", "seconds", "rating",
                                     "answered_at", "day"), ("answered_at", "uid")),
    ("reviews", ReviewLog.__table__, ("uid", "attempt_uid", "skill", "rating", "reviewed_at",
                                      "duration_ms"), ("reviewed_at", "uid")),
    ("cards", Card.__table__, ("skill", "topic", "state", "step", "stability", "difficulty",
                               "due", "last_review", "reps", "lapses"), ("skill",)),
    ("interviews", MockInterview.__table__, ("uid", "session_uid", "started_at", "ended_at",
                                             "minutes", "planned", "answered", "correct",
                                             "followups_asked", "followups_correct", "seconds",
                                             "by_topic", "weakest"), ("started_at", "uid")),
)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else value


def export_data(store: Store) -> dict[str, Any]:
    """Everything in the store as plain JSON data, in a stable order."""
    out: list[dict[str, Any]] = []
    with store.reading() as s:
        for lid, name, created in s.execute(select(Learner.id, Learner.name, Learner.created_at)
                                            .order_by(Learner.name)).all():
            item: dict[str, Any] = {"name": name, "created_at": created.isoformat()}
            item["settings"] = {k: v for k, v in s.execute(
                select(Setting.key, Setting.value).where(Setting.learner_id == lid)
                .order_by(Setting.key))}
            for key, table, cols, order in KINDS:
                rows = s.execute(select(*(table.c[c] for c in cols))
                                 .where(table.c.learner_id == lid)
                                 .order_by(*(table.c[c] for c in order)))
                item[key] = [{c: _plain(v) for c, v in zip(cols, r, strict=True)} for r in rows]
            out.append(item)
    return {"format": FORMAT, "version": VERSION, "learners": out}


@dataclass
class ImportReport:
    added: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)

    def __str__(self) -> str:
        parts = [f"{self.added.get(k, 0)} {k}" for k in ("learners", "attempts", "reviews",
                                                        "cards", "sessions", "settings",
                                                        "interviews")]
        skipped = sum(self.skipped.values())
        return "imported " + ", ".join(parts) + (f"; {skipped} already present" if skipped else "")


def import_data(store: Store, doc: Any, source: str) -> ImportReport:
    """Merge a validated export document into the store, in one transaction."""
    from cnnquiz.store.import_file import parse

    parsed = parse(doc, source)
    return store.write(lambda s: _merge(s, parsed))


def _merge(s: Session, doc: dict[str, Any]) -> ImportReport:
    report = ImportReport()
    for person in doc["learners"]:
        lid = s.scalar(select(Learner.id).where(Learner.name == person["name"]))
        if lid is None:
            row = Learner(name=person["name"], created_at=person["created_at"])
            s.add(row)
            s.flush()
            lid = row.id
            _count(report, "learners", 1, 0)
        have = set(s.scalars(select(Setting.key).where(Setting.learner_id == lid)))
        new = [{"learner_id": lid, "key": k, "value": v}
               for k, v in person["settings"].items() if k not in have]
        if new:
            s.execute(insert(Setting), new)
        _count(report, "settings", len(new), len(person["settings"]) - len(new))
        for key, table, _cols, _order in KINDS:
            rows = [{**r, "learner_id": lid} for r in person[key]]
            if key == "cards":
                _merge_cards(s, lid, rows, report)
            else:
                fresh = _missing(s, table, rows)
                if fresh:
                    s.execute(insert(table), fresh)
                _count(report, key, len(fresh), len(rows) - len(fresh))
    return report


def _missing(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The rows whose uid is in neither the store nor earlier in `rows`."""
    seen: set[str] = set()
    for chunk in _chunks([r["uid"] for r in rows]):
        seen.update(s.scalars(select(table.c.uid).where(table.c.uid.in_(chunk))))
    out = []
    for r in rows:
        if r["uid"] not in seen:
            seen.add(r["uid"])
            out.append(r)
    return out


def _merge_cards(s: Session, lid: int, rows: list[dict[str, Any]], report: ImportReport) -> None:
    mine = {c.skill: c for c in s.scalars(select(Card).where(Card.learner_id == lid))}
    added = 0
    for r in rows:
        old = mine.get(r["skill"])
        if old is None:
            mine[r["skill"]] = card = Card(**r)
            s.add(card)
            added += 1
        elif _newer(r["last_review"], old.last_review):
            for k, v in r.items():
                setattr(old, k, v)
            added += 1
    s.flush()
    _count(report, "cards", added, len(rows) - added)


def _newer(theirs: datetime | None, ours: datetime | None) -> bool:
    return theirs is not None and (ours is None or theirs > ours)


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def _count(report: ImportReport, key: str, added: int, skipped: int) -> None:
    report.added[key] = report.added.get(key, 0) + added
    report.skipped[key] = report.skipped.get(key, 0) + skipped
