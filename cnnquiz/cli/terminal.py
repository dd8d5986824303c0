"""How line-mode commands talk to a terminal, a pipe or a screen reader.

Questions, options and solutions are Markdown. On a terminal they are rendered by
Rich to the terminal's width (so words never break at its edge); into a pipe
they become plain text: no `**`, no backticks, code fences as indented lines,
and no wrapping (a screen reader or script gets each sentence on one line).

Input: stdin is read with `surrogateescape`, so bytes that are not UTF-8 arrive
as lone surrogates for the drill to call unreadable instead of a traceback; on a
terminal lines are read with readline (arrow keys edit the line, not print ^[[D).
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Callable
from typing import Literal, TextIO

Render = Callable[[str, int], str]  # (Markdown, columns already used on the left) -> text

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def plain(markdown: str, _used: int = 0) -> str:
    """Markdown as plain text: emphasis and code marks dropped, code blocks indented."""
    out: list[str] = []
    in_code = False
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
            continue
        out.append("    " + line if in_code else _inline(_HEADING.sub("", line)))
    return "\n".join(out).strip("\n")


def _inline(line: str) -> str:
    parts = _CODE_SPAN.split(line)  # [text, ticks, code, text, ticks, code, ...]
    texts = []
    for i in range(0, len(parts), 3):
        text = _ITALIC.sub(r"\1", _BOLD.sub(r"\2", parts[i]))
        texts.append(_ESCAPE.sub(r"\1", text))
        if i + 2 < len(parts):
            texts.append(parts[i + 2].strip() if parts[i + 2].strip() else parts[i + 2])
    return "".join(texts)


def rich_renderer(stream: TextIO) -> Render:
    """Markdown rendered by Rich for the terminal behind `stream` (its width and colours)."""
    from rich.console import Console
    from rich.markdown import Markdown

    screen = Console(file=stream)
    width = screen.width
    colours: Literal["auto"] | None = "auto" if screen.color_system else None  # NO_COLOR, dumb

    def render(markdown: str, used: int = 0) -> str:
        buffer = io.StringIO()
        console = Console(file=buffer, width=max(20, width - used), force_terminal=True,
                          color_system=colours, highlight=False, emoji=False)
        console.print(Markdown(markdown, code_theme="ansi_dark"))
        lines = buffer.getvalue().rstrip("\n").split("\n")
        return "\n".join(line.rstrip() for line in lines)  # Rich pads lines to the width

    return render


def renderer_for(stream: TextIO) -> Render:
    """Rich on a terminal, plain text for a pipe or a file."""
    isatty = getattr(stream, "isatty", None)
    return rich_renderer(stream) if isatty is not None and isatty() else plain


def tolerant_stdin() -> TextIO:
    """sys.stdin reading undecodable bytes as surrogates (see `undecodable`)."""
    stdin = sys.stdin
    reconfigure = getattr(stdin, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(ValueError, OSError):  # a stream already being read
            reconfigure(errors="surrogateescape")
    return stdin


def line_reader() -> Callable[[str], str | None]:
    """Read one line from the terminal with readline editing; None at EOF (Ctrl-D)."""
    with contextlib.suppress(ImportError):  # Windows has no readline: plain input()
        import readline  # noqa: F401  (importing it is what makes input() edit lines)

    def read(prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            return None

    return read
