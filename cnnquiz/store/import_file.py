"""Validation of `import` files: a wrong file is refused with the field that is wrong.

Strict (unknown fields are errors, times must carry a time zone) because an
import writes into the learner's only copy of their progress.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from cnnquiz.store.errors import ImportFileError

Uid = str  # kept as text; matched exactly


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SessionRow(_Strict):
    uid: Uid = Field(min_length=1, max_length=32)
    started_at: AwareDatetime
    ended_at: AwareDatetime | None
    topics: str
    planned: int | None
    answered: int = Field(ge=0)


class AttemptRow(_Strict):
    uid: Uid = Field(min_length=1, max_length=32)
    session_uid: str | None = Field(max_length=32)
    code: str = Field(max_length=96)
    template: str = Field(max_length=64)
    topic: str = Field(max_length=32)
    level: int
    skill: str = Field(max_length=96)
    given: str
    verdict: Literal["correct", "wrong", "unreadable", "blank"]
    mistake: str | None = Field(max_length=96)
    seconds: float = Field(ge=0)
    rating: int | None = Field(ge=1, le=4)
    answered_at: AwareDatetime
    day: date


class ReviewRow(_Strict):
    uid: Uid = Field(min_length=1, max_length=32)
    attempt_uid: str = Field(max_length=32)
    skill: str = Field(max_length=96)
    rating: int = Field(ge=1, le=4)
    reviewed_at: AwareDatetime
    duration_ms: int | None


class CardRow(_Strict):
    skill: str = Field(max_length=96)
    topic: str = Field(max_length=32)
    state: int = Field(ge=1, le=3)
    step: int | None
    stability: float | None
    difficulty: float | None
    due: AwareDatetime
    last_review: AwareDatetime | None
    reps: int = Field(ge=0)
    lapses: int = Field(ge=0)


class InterviewRow(_Strict):
    uid: Uid = Field(min_length=1, max_length=32)
    session_uid: str | None = Field(max_length=32)
    started_at: AwareDatetime
    ended_at: AwareDatetime
    minutes: float | None = Field(gt=0)
    planned: int | None = Field(ge=1)
    answered: int = Field(ge=0)
    correct: int = Field(ge=0)
    followups_asked: int = Field(ge=0)
    followups_correct: int = Field(ge=0)
    seconds: float = Field(ge=0)
    by_topic: str
    weakest: str


class LearnerDoc(_Strict):
    name: str = Field(min_length=1, max_length=64)
    created_at: AwareDatetime
    settings: dict[str, str]
    sessions: list[SessionRow]
    attempts: list[AttemptRow]
    reviews: list[ReviewRow]
    cards: list[CardRow]
    interviews: list[InterviewRow] = []  # mock interviews (absent in older exports)


class ExportDoc(_Strict):
    format: Literal["cnnquiz-progress"]
    version: Literal[1]
    learners: list[LearnerDoc]


def parse(doc: Any, source: str) -> dict[str, Any]:
    """`doc` checked against the export format; ImportFileError naming the bad field."""
    if not isinstance(doc, dict) or doc.get("format") != "cnnquiz-progress":
        raise ImportFileError(f"{source} is not a cnnquiz progress export")
    if isinstance(doc.get("version"), int) and doc["version"] > 1:
        raise ImportFileError(f"{source} was exported by a newer cnnquiz (format version "
                              f"{doc['version']}); upgrade cnnquiz to import it")
    try:
        model = ExportDoc.model_validate(doc)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"])
        more = f" (and {exc.error_count() - 1} more problems)" if exc.error_count() > 1 else ""
        raise ImportFileError(f"{source}: {where.lstrip('.')}: {err['msg']}{more}; "
                              "nothing was imported") from None
    names = [p.name for p in model.learners]
    if len(set(names)) != len(names):
        raise ImportFileError(f"{source}: a learner appears twice; nothing was imported")
    return model.model_dump()
