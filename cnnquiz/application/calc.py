"""`calc`: a layer stack or built-in network summarised layer by layer.

Only the engine's pure-integer modules load here (no numpy, no database, no YAML),
so the calculator starts as fast as the CLI itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cnnquiz.errors import SpecError
from cnnquiz.i18n import Lang

if TYPE_CHECKING:
    from cnnquiz.engine.network import Summary
    from cnnquiz.engine.zoo import Network


@dataclass(frozen=True)
class CalcResult:
    summary: Summary
    title: str | None  # the built-in network's or printed model's name; None for a layer spec
    notices: tuple[str, ...] = ()  # lines for stderr: the input size taken, the print's warning


def networks() -> list[Network]:
    """The built-in networks (`calc --list`)."""
    from cnnquiz.engine import zoo

    return list(zoo.NETWORKS.values())


def spec_text(spec: str | None, stdin: TextIO | None = None) -> str:
    """SPEC as given, or the text of `stdin` (`-`) or of a file (`@FILE`)."""
    if spec is None:
        return ""
    if spec.strip() == "-":
        if stdin is None:
            raise SpecError("- reads the spec from standard input, which this face has not")
        return stdin.read()
    if spec.startswith("@"):
        path = Path(spec[1:])
        try:
            return path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise SpecError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None
    return spec


def calc_summary(spec: str | None, input_size: str | None, lang: Lang = "en",
                 stdin: TextIO | None = None) -> CalcResult:
    """The per-layer summary of `spec` (a layer spec, a network name, a print(model) text,
    or `-`/`@FILE` naming one) on `input_size` (`CxHxW`; optional for a built-in network,
    which has its own, and for a print, whose printed sizes suggest one)."""
    from cnnquiz.engine.spec_args import parse_input
    from cnnquiz.engine.user_network import resolve
    from cnnquiz.i18n import text

    net = resolve(spec_text(spec, stdin))
    shape, guessed = net.input_for(parse_input(input_size) if input_size else None)
    summary = net.analyze(shape)
    notices = [text("network.input_guessed", lang, shape="x".join(map(str, shape)))] \
        if guessed else []
    if (warning := net.warning(summary, lang)) is not None:
        notices.append(warning)
    title = net.label if net.builtin or net.model else None
    return CalcResult(summary, title, tuple(notices))
