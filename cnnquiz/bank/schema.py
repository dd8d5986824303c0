"""The concept-bank format as pydantic models (question_bank/README.md is its prose twin).

Models are strict (YAML already gives real ints and bools, so `level: "2"` is a
typo worth reporting) and forbid unknown fields, so a misspelt key never silently
drops content. Rules that span several fields (what each kind needs) are checked
after the fields and reported together as one `entry_rules` error whose context
lists every problem with its own location, so the loader can print one line per
problem, each pointing at the field to fix.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from cnnquiz.i18n import Lang
from cnnquiz.topics import BY_SLUG, SECTIONS

Kind = Literal["short", "choice", "truefalse"]
KINDS: tuple[str, ...] = ("short", "choice", "truefalse")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Fields that only some kinds use; another kind carrying one is almost always a mistake.
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "short": ("answer", "points"),
    "choice": ("options", "answer"),
    "truefalse": ("statement_true", "why"),
}
OPTIONAL_FIELDS = ("answer", "points", "options", "statement_true", "why")

Loc = tuple[str | int, ...]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


NonBlank = Annotated[str, AfterValidator(_not_blank)]


def _known_template(value: str, info: ValidationInfo) -> str:
    """Checked only when the caller passes the template ids (`validate_file(templates=...)`):
    the bank does not import the question templates; the application layer knows them."""
    known = (info.context or {}).get("templates")
    if known is not None and value not in known:
        near = difflib.get_close_matches(value, sorted(known), n=1)
        hint = f" (did you mean {near[0]!r}?)" if near else ""
        raise ValueError(
            f"unknown template id {value!r}{hint}; it must be the id of a generated "
            "question template (cnnquiz/questions/templates), e.g. conv.output_size"
        )
    return value


TemplateId = Annotated[str, AfterValidator(_not_blank), AfterValidator(_known_template)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(_Strict):
    """One text in both languages; neither may be empty."""

    en: NonBlank
    zh: NonBlank

    def get(self, lang: Lang) -> str:
        return self.zh if lang == "zh" else self.en


class Choice(_Strict):
    """One option of a `choice` entry; `why` says why it is right or wrong."""

    text: Text
    correct: bool
    why: Text


class Entry(_Strict):
    """One concept question. Which optional fields are needed depends on `kind`."""

    id: str
    topic: str
    kind: Kind
    level: Annotated[int, Field(ge=1, le=3)]
    tags: list[NonBlank] = Field(default_factory=list)
    templates: list[TemplateId] = Field(default_factory=list)
    question: Text
    answer: Text | None = None
    points: list[Text] | None = None
    options: list[Choice] | None = None
    statement_true: bool | None = None
    why: Text | None = None

    @field_validator("id")
    @classmethod
    def _id_is_kebab(cls, value: str) -> str:
        if not ID_RE.match(value):
            raise ValueError(
                f"id {value!r} must be lowercase-kebab (a-z, 0-9, single hyphens), "
                "e.g. odd-kernel-size"
            )
        return value

    @field_validator("topic")
    @classmethod
    def _topic_in_section(cls, value: str, info: ValidationInfo) -> str:
        if value not in BY_SLUG:
            near = difflib.get_close_matches(value, list(BY_SLUG), n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            raise ValueError(f"unknown topic {value!r}; {hint}known: {', '.join(BY_SLUG)}")
        section = (info.context or {}).get("section")
        if isinstance(section, int) and BY_SLUG[value].section != section:
            here = [t for t, v in BY_SLUG.items() if v.section == section]
            raise ValueError(
                f"topic {value!r} belongs to section {BY_SLUG[value].section}, not to this "
                f"file's section {section} (its topics: {', '.join(here) or 'none'})"
            )
        return value

    @model_validator(mode="after")
    def _kind_rules(self) -> Entry:
        problems = kind_problems(self)
        if problems:
            raise PydanticCustomError(
                "entry_rules", "{summary}",
                {"summary": "; ".join(m for _, m in problems), "problems": problems},
            )
        return self

    @property
    def section(self) -> int:
        return BY_SLUG[self.topic].section


def kind_problems(entry: Entry) -> list[tuple[Loc, str]]:
    """What `entry`'s kind requires and forbids, as (location, reason) pairs."""
    out: list[tuple[Loc, str]] = []
    needed = KIND_FIELDS[entry.kind]
    for name in OPTIONAL_FIELDS:
        if name in needed or getattr(entry, name) is None:
            continue
        users = [k for k, fields in KIND_FIELDS.items() if name in fields]
        out.append(((name,), f"not used by kind {entry.kind} (only by {', '.join(users)})"))
    if entry.kind == "short":
        if entry.answer is None:
            out.append((("answer",), "field required for kind short (the model answer)"))
        n = len(entry.points or ())
        if not 3 <= n <= 5:
            out.append((("points",), f"kind short needs 3 to 5 key points, got {n}"))
    elif entry.kind == "choice":
        n = len(entry.options or ())
        if not 2 <= n <= 6:
            out.append((("options",), f"kind choice needs 2 to 6 options, got {n}"))
        elif not any(o.correct for o in entry.options or ()):
            out.append((("options",), "no option has correct: true"))
    else:
        if entry.statement_true is None:
            out.append((("statement_true",), "field required for kind truefalse (true or false)"))
        if entry.why is None:
            out.append((("why",), "field required for kind truefalse (the reason)"))
    return out


class BankFile(_Strict):
    """One `NN-slug.yaml` file: the topic-map section it holds and its entries.

    Validate with `context={"section": n}` (the raw `section` value) so each entry's
    topic is checked against the file's section even when other entries are broken.
    """

    section: Annotated[int, Field(ge=1, le=10)]
    entries: Annotated[list[Entry], Field(min_length=1)]


class OwnSectionsFile(BankFile):
    """A file of a user's extra bank: its own section numbering (any number from 1),
    whatever topics it holds; the topics themselves are still checked."""

    section: Annotated[int, Field(ge=1)]


def validate_file(data: Any, templates: Collection[str] | None = None, *,
                  own_sections: bool = False) -> BankFile:
    """Validate parsed YAML as a bank file (raises pydantic.ValidationError).

    `templates`: the ids of the generated templates an entry may name; None skips
    that check (loading for study: an unknown id then simply matches nothing).
    `own_sections`: a user's extra bank, see OwnSectionsFile."""
    section = data.get("section") if isinstance(data, dict) else None
    if own_sections or isinstance(section, bool) or section not in SECTIONS:
        section = None  # a bad section is reported once, not once per entry
    model = OwnSectionsFile if own_sections else BankFile
    return model.model_validate(data, context={"section": section, "templates": templates})
