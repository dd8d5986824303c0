"""Reading the text PyTorch prints for a model (`print(model)`) into a tree of modules.

    VGG(
      (features): Sequential(
        (0): Conv2d(3, 64, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))
        (1): ReLU(inplace=True)
      )
      (classifier): Linear(in_features=4096, out_features=1000, bias=True)
    )

Only the text is read: nothing is imported or evaluated. A line is a leaf `(name):
Class(args)`, a block opener `(name): Class(` closed by a line `)`, or PyTorch's
collapsed repeat `(0-2): 3 x Class(...)`. What this module knows is the shape of the
text; what each class means is `print_model`'s business.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from cnnquiz.errors import SpecError

MAX_MODULES = 20_000  # modules and containers (a layer spec takes up to 10,000 layers)
MAX_CHARS = 5_000_000

_LINE = re.compile(r"^(?:\((?P<name>[\w.\-]+)\):\s*)?(?:(?P<times>\d+) x )?"
                   r"(?P<cls>[A-Za-z_][\w.]*)\((?P<rest>.*)$")
_INT = re.compile(r"^[+-]?\d+$")
_FLOAT = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(inf|nan)$")
_RANGE = re.compile(r"^(\d+)-(\d+)$")


@dataclass(frozen=True)
class Module:
    """One printed module: its path (`features.0`, "" for the root), class, and either the
    arguments of a leaf or the children of a block."""

    path: str
    cls: str
    args: tuple[Any, ...] = ()
    kwargs: tuple[tuple[str, Any], ...] = ()
    children: tuple[Module, ...] = ()
    block: bool = False
    line: int = 0

    def kw(self, key: str, default: Any = None) -> Any:
        return next((v for k, v in self.kwargs if k == key), default)


def looks_like_print(text: str) -> bool:
    """True for PyTorch's print(model) text, False for a layer spec (which has no
    `(name): Class(` lines, no `Class(` opener line and no `kernel_size=(` tuples)."""
    lines = [ln.strip() for ln in text.strip().splitlines() if ln.strip()]
    if not lines:
        return False
    if re.match(r"^[A-Z]\w*\($", lines[0]):
        return True
    if any(re.match(r"^\([\w.\-]+\):\s*(\d+ x )?[A-Z]\w*\(", ln) for ln in lines):
        return True
    return bool(re.match(r"^[A-Z]\w*\(.*(kernel_size=\(|in_features=|eps=)", lines[0]))


def parse_tree(text: str) -> Module:
    """The printed module tree; SpecError naming the line when the text is not a print."""
    if len(text) > MAX_CHARS:
        raise SpecError(f"print(model) text is too long ({len(text):,} characters; at most "
                        f"{MAX_CHARS:,})")
    root: list[Module] = []
    stack: list[tuple[str, str, int, list[Module], int]] = []  # (path, cls, line, kids, times)
    count = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line == ")":
            if not stack:
                raise SpecError(f"print(model) line {number}: ')' closes nothing")
            path, cls, start, kids, times = stack.pop()
            _add(stack, root, _repeat(Module(path, cls, children=tuple(kids), block=True,
                                             line=start), times), number)
            continue
        m = _LINE.match(line)
        if not m:
            raise SpecError(f"print(model) line {number}: cannot read {line[:60]!r} as a module")
        count += 1
        if count > MAX_MODULES:
            raise SpecError(f"print(model) has too many modules (at most {MAX_MODULES})")
        name = m.group("name") or ""
        path = ".".join(p for p in (stack[-1][0] if stack else "", name) if p)
        times = int(m.group("times") or 1)
        rest = m.group("rest")
        if rest == "":  # a block opener: children follow until ")"
            stack.append((path, m.group("cls"), number, [], times))
            continue
        if not rest.endswith(")") or rest.count("(") + 1 != rest.count(")"):
            raise SpecError(f"print(model) line {number}: unbalanced parentheses in {line[:60]!r}")
        args, kwargs = _arguments(rest[:-1])
        _add(stack, root, _repeat(Module(path, m.group("cls"), args, kwargs, line=number), times),
             number)
    if stack:
        raise SpecError(f"print(model) line {stack[-1][2]}: {stack[-1][1]}( is never closed")
    if len(root) != 1:
        raise SpecError("print(model) text must hold one model" if root else
                        "the print(model) text is empty")
    return root[0]


def _add(stack: list[tuple[str, str, int, list[Module], int]], root: list[Module],
         modules: list[Module], number: int) -> None:
    if stack:
        stack[-1][3].extend(modules)
    elif root:
        raise SpecError(f"print(model) line {number}: text after the end of the model")
    else:
        root.extend(modules)


def _repeat(module: Module, times: int) -> list[Module]:
    """`(0-2): 3 x ReLU()` as three modules named 0, 1 and 2 (paths rewritten below it)."""
    head, _, last = module.path.rpartition(".")
    found = _RANGE.match(last)
    if times == 1 and not found:
        return [module]
    first = int(found.group(1)) if found else 0
    out = []
    for i in range(first, first + times):
        new = ".".join(p for p in (head, str(i)) if p)
        out.append(_renamed(module, module.path, new))
    return out


def _renamed(m: Module, old: str, new: str) -> Module:
    path = new + m.path[len(old):]
    kids = tuple(_renamed(c, old, new) for c in m.children)
    return Module(path, m.cls, m.args, m.kwargs, kids, m.block, m.line)


_FLAT_ITEM = re.compile(r"(?:[^,()\[\]'\"]|\([^()]*\)|\[[^\[\]]*\])+")


def _split(text: str) -> list[str]:
    """Split at top-level commas (not inside parentheses, brackets or quotes)."""
    if "'" not in text and '"' not in text and not re.search(r"[(\[][^)\]]*[(\[]", text):
        return [p.strip() for p in _FLAT_ITEM.findall(text) if p.strip()]  # the usual case
    parts: list[str] = []
    buf: list[str] = []
    depth, quote = 0, ""
    for c in text:
        if quote:
            quote = "" if c == quote else quote
        elif c in "'\"":
            quote = c
        elif c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append("".join(buf).strip())
            buf = []
            continue
        buf.append(c)
    if "".join(buf).strip():
        parts.append("".join(buf).strip())
    return parts


@lru_cache(maxsize=4096)
def _arguments(text: str) -> tuple[tuple[Any, ...], tuple[tuple[str, Any], ...]]:
    """A leaf's arguments (cached: a print repeats the same module lines many times)."""
    args: list[Any] = []
    kwargs: list[tuple[str, Any]] = []
    for part in _split(text):
        key, eq, value = part.partition("=")
        if eq and re.match(r"^\w+$", key.strip()):
            kwargs.append((key.strip(), value_of(value.strip())))
        else:
            args.append(value_of(part))
    return tuple(args), tuple(kwargs)


def value_of(text: str) -> Any:
    """A printed value: int, float, True/False/None, a tuple of values, or the text itself
    (quoted strings lose their quotes; bare words like `same` stay as they are)."""
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        return tuple(value_of(p) for p in _split(text[1:-1]))
    if text in ("True", "False", "None"):
        return {"True": True, "False": False, "None": None}[text]
    if _INT.match(text) and len(text) <= 12:
        return int(text)
    if _FLOAT.match(text):
        return float(text)
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text
