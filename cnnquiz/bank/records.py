"""Concept-bank entries as the program uses them: plain frozen records, no pydantic.

cnnquiz.bank.schema validates what authors write (pydantic, strict); what passes is
turned into these records, which are also what the start-up cache stores (see
cnnquiz.bank.cache). So `show bank:<id>`, `print` and `drill` read a bank without
importing pydantic or PyYAML once the YAML has been validated. The fields mirror
the schema's models one for one (tests/bank/test_cache.py checks they agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from cnnquiz.i18n import Lang
from cnnquiz.topics import BY_SLUG


@dataclass(frozen=True)
class Text:
    """One text in both languages."""

    en: str
    zh: str

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Choice:
    """One option of a `choice` entry; `why` says why it is right or wrong."""

    text: Text
    correct: bool
    why: Text


@dataclass(frozen=True)
class Concept:
    """One validated concept question (schema.Entry's fields)."""

    id: str
    topic: str
    kind: str
    level: int
    question: Text
    tags: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    answer: Text | None = None
    points: tuple[Text, ...] | None = None
    options: tuple[Choice, ...] | None = None
    statement_true: bool | None = None
    why: Text | None = None

    @property
    def section(self) -> int:
        return BY_SLUG[self.topic].section

    @classmethod
    def from_plain(cls, d: dict[str, Any]) -> Concept:
        """From validated plain data: `Entry.model_dump()` or a `to_plain()` dict."""
        def text(v: Any) -> Text | None:
            return None if v is None else Text(v["en"], v["zh"])

        options = d.get("options")
        points = d.get("points")
        return cls(
            id=d["id"], topic=d["topic"], kind=d["kind"], level=d["level"],
            question=Text(d["question"]["en"], d["question"]["zh"]),
            tags=tuple(d.get("tags") or ()), templates=tuple(d.get("templates") or ()),
            answer=text(d.get("answer")),
            points=None if points is None else tuple(Text(p["en"], p["zh"]) for p in points),
            options=None if options is None else tuple(
                Choice(Text(o["text"]["en"], o["text"]["zh"]), o["correct"],
                       Text(o["why"]["en"], o["why"]["zh"])) for o in options),
            statement_true=d.get("statement_true"), why=text(d.get("why")),
        )

    def to_plain(self) -> dict[str, Any]:
        """JSON-ready data as an author writes it: unset and empty fields left out."""
        def plain(v: Any) -> Any:
            if isinstance(v, (Text, Choice)):
                return {k: plain(x) for k, x in vars(v).items()}
            return [plain(x) for x in v] if isinstance(v, tuple) else v

        return {k: plain(v) for k, v in vars(self).items() if v is not None and v != ()}


@dataclass(frozen=True)
class BankEntry:
    """A validated entry and where it is written (for `spec`, errors and editors)."""

    entry: Concept
    path: Path
    line: int

    id = property(lambda self: self.entry.id)
    topic = property(lambda self: self.entry.topic)
    kind = property(lambda self: self.entry.kind)
    level = property(lambda self: self.entry.level)
    section = property(lambda self: self.entry.section)

    @property
    def source(self) -> str:
        """`file#id`, the contract's `spec.bank` value."""
        return f"{self.path.name}#{self.entry.id}"


@dataclass(frozen=True)
class Bank:
    """Every entry of some bank folders, in file order then written order."""

    entries: tuple[BankEntry, ...] = ()
    files: tuple[Path, ...] = ()
    skipped: tuple[str, ...] = ()  # files left out by `load`, each with its first problem

    @cached_property
    def by_id(self) -> dict[str, BankEntry]:
        return {e.id: e for e in self.entries}
