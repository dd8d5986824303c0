"""Read plain command-line values (text, whole numbers, lists of text) without pydantic.

Recent Typer converts every option value through a pydantic TypeAdapter, so any
command, even `show CODE`, imported pydantic and built adapters: measured, that
cost about half of `python -c "import typer, numpy"` on every start
(benchmarks/bench_startup.py). Here a value that is already what the parameter
wants (a str for a str, digits for an int within its bounds, strs for a list[str])
is taken as is; anything else (a bad number, a path, a choice, an out-of-range
number) goes to Typer's own converter, so results and error messages are Typer's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_FALLBACK = object()  # "not plain: ask Typer"


def install() -> None:
    """Route Typer's parameter conversion through `_build` (no-op on a Typer without it)."""
    try:
        from typer import _coercion, core
    except ImportError:  # an older Typer: click types, no pydantic
        return
    if getattr(core, "build_runtime_param", None) is not _coercion.build_runtime_param:
        return  # already installed, or a Typer whose internals differ: leave it alone
    original = _coercion.build_runtime_param

    @dataclass(frozen=True)
    class PlainParam(_coercion.RuntimeParam):
        descriptor: Any = None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            plain = _plain(self.annotation, self.parameter_info, value)
            if plain is not _FALLBACK:
                return plain
            return original(self.descriptor)._coerce_value(value, param=param, ctx=ctx)

    def build(descriptor: Any) -> Any:
        if descriptor.file_annotation is not None:  # open files: Typer's own, no pydantic
            return original(descriptor)
        return PlainParam(descriptor.parameter_info, descriptor.annotation, descriptor)

    core.build_runtime_param = build


def _plain(annotation: Any, info: Any, value: Any) -> Any:
    """`value` converted when that is trivial, else _FALLBACK."""
    if getattr(info, "parser", None) is not None or getattr(info, "clamp", False):
        return _FALLBACK
    if annotation is str:
        return value if type(value) is str else _FALLBACK
    if annotation is int:
        if type(value) is str and _INT.fullmatch(value):
            value = int(value)
        if type(value) is not int:
            return _FALLBACK
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is not None and value < low) or (high is not None and value > high):
            return _FALLBACK
        return value
    if annotation == list[str] and isinstance(value, (list, tuple)) \
            and all(type(v) is str for v in value):
        return list(value)
    return _FALLBACK
