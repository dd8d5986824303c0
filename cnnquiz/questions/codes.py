"""Question codes: `short.version.level.seed` (seed in base 36), e.g. `os.1.2.1x9kq3`.

A code regenerates exactly one question forever: templates are versioned and old
versions stay registered. Concept-bank questions use `bank:<id>`, or `bank:<id>.<variant>`
for a choice question whose options are lettered in the order the variant draws.
"""

from __future__ import annotations

from dataclasses import dataclass

from cnnquiz.errors import CnnquizError

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
MAX_SEED = 2**40


class CodeError(CnnquizError):
    """A question code that cannot be read or names nothing."""


def to36(n: int) -> str:
    if n == 0:
        return "0"
    out = []
    while n:
        n, r = divmod(n, 36)
        out.append(_DIGITS[r])
    return "".join(reversed(out))


def from36(s: str) -> int:
    if not s or len(s) > 8 or any(c not in _DIGITS for c in s):
        raise CodeError(f"bad seed {s[:20]!r} in question code (base-36 digits expected)")
    return int(s, 36)


@dataclass(frozen=True)
class Code:
    short: str
    version: int
    level: int
    seed: int

    def __str__(self) -> str:
        return f"{self.short}.{self.version}.{self.level}.{to36(self.seed)}"


def parse(code: str) -> Code:
    text = code.strip().lower()
    parts = text.split(".")
    if len(parts) != 4 or not parts[1].isdigit() or not parts[2].isdigit():
        raise CodeError(
            f"not a question code: {code[:40]!r} (expected like os.1.2.1x9kq3, or bank:<id>)"
        )
    level = int(parts[2])
    if level not in (1, 2, 3):
        raise CodeError(f"level must be 1, 2 or 3 in question code {code[:40]!r}")
    return Code(parts[0], int(parts[1]), level, from36(parts[3]))
