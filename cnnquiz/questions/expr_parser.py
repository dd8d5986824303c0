"""The grammar of a typed answer: which names it knows and how tokens become a value.

A recursive-descent parser over safe_eval's tokens computes the value as it parses, so
no syntax tree of user text is ever built or run; each step checks depth and size
through reading_bounds. The names it knows (CONSTANTS, FUNCTIONS) are shared with the
answer readers, which must not strip them as unit words.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import NoReturn

from cnnquiz.errors import ReadError
from cnnquiz.questions.reading_bounds import MAX_DEPTH, UNARY, Number, checked, power, shorten

CONSTANTS: dict[str, float] = {"e": math.e, "pi": math.pi}
FUNCTIONS = frozenset({"exp", "ln", "log", "sqrt", "log2", "log10", "floor", "ceil", "max",
                       "min"})

#: (kind, payload, 1-based position); kind is "num", "name" or an operator
Token = tuple[str, Number | str, int]


class Parser:
    """expr := term (('+'|'-') term)*;  term := unary (('*'|'/'|'x') unary)*;
    unary := ('+'|'-') unary | power;  power := primary [('^'|'**') unary]  (right-assoc);
    primary := number | constant | function '(' expr (',' expr)* ')' | '(' expr ')'."""

    def __init__(self, tokens: list[Token], allow_x: bool) -> None:
        self.tokens = tokens
        self.i = 0
        self.allow_x = allow_x

    def parse(self) -> Number:
        value = self.expr(0)
        if self.i < len(self.tokens):
            self.fail()
        return value

    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def fail(self, missing: str = "") -> NoReturn:
        tok = self.peek()
        if tok is None:
            raise ReadError(f"missing '{missing}' at the end" if missing
                            else "the expression ends too early")
        shown = "number" if tok[0] == "num" else f"'{tok[1]}'"
        raise ReadError(f"unexpected {shown} at position {tok[2]}")

    def expect(self, kind: str) -> None:
        tok = self.peek()
        if tok is None or tok[0] != kind:
            self.fail(kind)
        self.i += 1

    def expr(self, depth: int) -> Number:
        if depth > MAX_DEPTH:
            raise ReadError("expression nested too deeply")
        value = self.term(depth)
        while (tok := self.peek()) is not None and tok[0] in "+-":
            self.i += 1
            rhs = self.term(depth)
            value = checked(value + rhs if tok[0] == "+" else value - rhs)
        return value

    def is_times(self, tok: Token) -> bool:
        return tok[0] == "*" or (self.allow_x and tok[0] == "name" and tok[1] in ("x", "X"))

    def term(self, depth: int) -> Number:
        value = self.unary(depth)
        while (tok := self.peek()) is not None and (self.is_times(tok) or tok[0] == "/"):
            self.i += 1
            rhs = self.unary(depth)
            if tok[0] == "/":
                if rhs == 0:
                    raise ReadError("division by zero")
                value = checked(Fraction(value) / rhs if not isinstance(value, float)
                               and not isinstance(rhs, float) else value / rhs)
            else:
                value = checked(value * rhs)
        return value

    def unary(self, depth: int) -> Number:
        if depth > MAX_DEPTH:
            raise ReadError("expression nested too deeply")
        tok = self.peek()
        if tok is not None and tok[0] in "+-":
            self.i += 1
            value = self.unary(depth + 1)
            return -value if tok[0] == "-" else value
        base = self.primary(depth)
        tok = self.peek()
        if tok is not None and tok[0] == "^":
            self.i += 1
            return power(base, self.unary(depth + 1))
        return base

    def primary(self, depth: int) -> Number:
        tok = self.peek()
        if tok is None:
            self.fail()
        kind, payload, pos = tok
        if kind == "num" and not isinstance(payload, str):
            self.i += 1
            return payload
        if kind == "(":
            self.i += 1
            value = self.expr(depth + 1)
            self.expect(")")
            return value
        if kind == "name":
            name = str(payload).lower()
            if name in CONSTANTS:
                self.i += 1
                return CONSTANTS[name]
            if name in FUNCTIONS:
                self.i += 1
                return self.call(name, pos, depth)
            if name != "x":
                raise ReadError(f"unknown name '{shorten(str(payload))}' at position {pos}")
        self.fail()

    def call(self, name: str, pos: int, depth: int) -> Number:
        self.expect("(")
        args = [self.expr(depth + 1)]
        while (tok := self.peek()) is not None and tok[0] == ",":
            self.i += 1
            args.append(self.expr(depth + 1))
        self.expect(")")
        if name in ("max", "min"):
            return max(args) if name == "max" else min(args)
        if len(args) != 1:
            raise ReadError(f"{name} takes one argument (position {pos})")
        return checked(UNARY[name](args[0]))
