"""Parse YAML and remember the line every value starts on.

PyYAML's plain `safe_load` forgets positions and silently keeps the last of two
equal keys. Here the document is composed into a node tree first; the tree gives
each key's and each list item's line (indexed by its path, e.g.
`("entries", 5, "options", 1, "why")`) and exposes duplicate keys, and the same
tree is then constructed into plain dicts and lists for validation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Loc = tuple[str | int, ...]
_FAST: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_INT_TAG = "tag:yaml.org,2002:int"
_MERGE_TAG = "tag:yaml.org,2002:merge"
# PyYAML's wording for the slips authors make most, and what to do about them.
_HINTS = {
    "mapping values are not allowed": "is there a ': ' inside unquoted text? quote the text "
    "or write it as a block (`en: >-` and the text indented on the next lines)",
    "cannot start any token": "a tab (indent with spaces) or text starting with @ or ` "
    "(quote it)?",
    "found undefined alias": "a '*' starts an alias in YAML; quote text that begins with '*'",
}


class YamlSyntaxError(Exception):
    """The text is not YAML; `line` is 1-based, `reason` one line."""

    def __init__(self, line: int, reason: str) -> None:
        super().__init__(f"line {line}: {reason}")
        self.line = line
        self.reason = reason


@dataclass
class Parsed:
    """Plain data plus where each part of it is written."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicates: list[tuple[Loc, int, str]] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int:
        """Line of `loc`, or of its nearest written ancestor (a missing field's parent)."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return 1


def parse(text: str, portable: bool = False) -> Parsed:
    """Parse one YAML document; raise YamlSyntaxError with the line of the problem.

    libyaml (fast) accepts a few things the pure-Python parser rejects, e.g.
    `{en: Why?, zh: ...}`; `portable=True` parses with the pure-Python one, so a
    file that validates loads on every PyYAML install.
    """
    loader = (yaml.SafeLoader if portable else _FAST)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise YamlSyntaxError(*_describe(exc)) from None
    except yaml.YAMLError as exc:
        pos = getattr(exc, "position", None)
        line = text.count("\n", 0, pos) + 1 if isinstance(pos, int) else 1
        reason = " ".join(str(exc).split()).replace(' in "<unicode string>"', "")
        raise YamlSyntaxError(line, f"YAML: {reason}") from None
    finally:
        loader.dispose()
    parsed = Parsed(data)
    if node is not None:
        _index(node, (), parsed, frozenset())
    return parsed


def _describe(exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else 1
    reason = exc.problem or "invalid YAML"
    if exc.context:
        ctx_line = f" at line {exc.context_mark.line + 1}" if exc.context_mark else ""
        reason = f"{reason} ({exc.context}{ctx_line})"
    for problem, hint in _HINTS.items():
        if problem in reason:
            reason += f"; {hint}"
    return line, "YAML syntax: " + " ".join(reason.split())


def _key(node: yaml.Node) -> Any:
    """The key as the constructor will build it (ints stay ints, the rest as text)."""
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _INT_TAG:
            try:
                return int(node.value.replace("_", ""), 0)
            except ValueError:
                return node.value
        return node.value
    return "<mapping>" if isinstance(node, yaml.MappingNode) else "<sequence>"


def _index(node: yaml.Node, path: Loc, out: Parsed, seen: frozenset[int]) -> None:
    out.lines.setdefault(path, node.start_mark.line + 1)
    if id(node) in seen:  # an alias that refers to itself
        return
    seen = seen | {id(node)}
    if isinstance(node, yaml.MappingNode):
        first: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                continue
            key, line = _key(key_node), key_node.start_mark.line + 1
            if key in first:
                out.duplicates.append(
                    ((*path, key), line, f"duplicate key {key!r} (first on line {first[key]})")
                )
            else:
                first[key] = line
            out.lines[(*path, key)] = line  # the later one wins, as in the loaded data
            _index(value_node, (*path, key), out, seen)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _index(item, (*path, i), out, seen)
