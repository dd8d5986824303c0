"""Turn pydantic's validation errors into short reasons a question author can act on.

pydantic says "Input should be a valid string"; an author editing YAML needs to
hear "got the number 42; put it in quotes", or which fields are allowed where a
misspelt one was found. Locations stay pydantic's (`("entries", 5, "why")`).
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any, get_args

from pydantic import BaseModel, ValidationError

from cnnquiz.bank.schema import BankFile, Loc, Text


def describe(exc: ValidationError) -> list[tuple[Loc, str]]:
    """One (location, reason) per problem; an entry's kind rules expand to one each."""
    out: list[tuple[Loc, str]] = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        if err["type"] == "entry_rules":
            out.extend((loc + tuple(sub), msg) for sub, msg in err["ctx"]["problems"])
        else:
            out.append((loc, _reason(err, loc)))
    return out


def _reason(err: Any, loc: Loc) -> str:
    kind, value = err["type"], err.get("input")
    if kind == "missing":
        return "field required"
    if kind == "extra_forbidden":
        return _unknown_field(loc)
    if kind == "value_error":
        return str(err["ctx"]["error"])
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"expected {_expected_mapping(_model_at(loc))}, got {_got(value)}"
    message: str = err["msg"][:1].lower() + err["msg"][1:]
    if kind.endswith("_type") or not isinstance(value, dict | list):
        message += f", got {_got(value)}"
        if kind == "string_type" and isinstance(value, int | float | bool | dt.date):
            message += " (YAML read it as that; put the text in quotes)"
    return message


def _unknown_field(loc: Loc) -> str:
    key = loc[-1]
    model = _model_at(loc[:-1])
    if model is None:
        return f"unknown field {key!r}"
    allowed = list(model.model_fields)
    near = difflib.get_close_matches(str(key), allowed, n=1)
    hint = f" (did you mean {near[0]!r}?)" if near else ""
    return f"unknown field {key!r}{hint}; allowed here: {', '.join(allowed)}"


def _expected_mapping(model: type[BaseModel] | None) -> str:
    if model is Text:
        return "a mapping {en: ..., zh: ...}"
    if model is None:
        return "a mapping"
    return f"a mapping with {', '.join(model.model_fields)}"


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model that validates the value at `loc` (list indices skipped)."""
    model: type[BaseModel] | None = BankFile
    for part in loc:
        if isinstance(part, int) or model is None:
            continue
        model = _child(model, part)
    return model


def _child(model: type[BaseModel], name: str) -> type[BaseModel] | None:
    field = model.model_fields.get(name)
    stack = [field.annotation] if field is not None else []
    while stack:
        hint = stack.pop()
        if isinstance(hint, type) and issubclass(hint, BaseModel):
            return hint
        stack.extend(get_args(hint))
    return None


def _got(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text {value[:40] + '...' if len(value) > 40 else value!r}"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    return type(value).__name__
