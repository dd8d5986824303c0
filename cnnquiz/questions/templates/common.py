"""Shared helpers for templates: realistic sizes, formatting, the engine's analysis."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cnnquiz.engine.network import Summary, analyze
from cnnquiz.questions.template import Ctx

# sizes and channel counts that real networks use
IMAGE_SIZES = (224, 227, 256, 299, 128, 96, 64, 32, 28)
FEATURE_SIZES = (112, 56, 55, 28, 27, 14, 13, 7)
CHANNELS = (16, 32, 48, 64, 96, 128, 192, 256, 384, 512)
SMALL_CHANNELS = (1, 3, 8, 16, 32)
ANALYSES_KEPT = 1024  # distinct (stack, input) analyses kept by `net` (about 4.5 MB when full)


def count_en(n: int, noun: str, plural: str = "") -> str:
    """`1 channel`, `3 channels`: an English count that agrees with its number."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def shape_text(shape: tuple[int, ...] | list[int]) -> str:
    return "x".join(str(s) for s in shape)


@lru_cache(maxsize=ANALYSES_KEPT)
def net(spec: str, shape: tuple[int, ...]) -> Summary:
    """Analyse a layer stack (invalid stacks raise SpecError, which drawing loops catch).

    Kept per (stack, input): templates analyse a few stacks again and again (inception's
    modules, a stack and its variants for mistakes); more than half the analyses of
    benchmarks/bench_questions.py repeat one already made. A Summary cannot change: a
    frozen dataclass of NamedTuple rows whose `explain` is read-only.
    """
    return analyze(spec, shape)


def net_spec(shape: tuple[int, ...], layers: str, ask: str, layer: int | None = None
             ) -> dict[str, Any]:
    """The contract's recomputable spec of a network question."""
    out: dict[str, Any] = {"input": list(shape), "layers": layers, "ask": ask}
    if layer is not None:
        out["layer"] = layer
    return out


def step(t: Ctx, en: str, zh: str, calc: Any = None) -> str:
    """One worked-solution line: a sentence, and the engine's formula when given."""
    if calc is None:
        return t.tr(en, zh)
    # Chinese text takes the full-width colon, as Chinese interview material writes it
    return f"{zh}：`{calc}`" if t.lang == "zh" else f"{en}: `{calc}`"
