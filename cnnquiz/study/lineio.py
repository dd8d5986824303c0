"""Reading and writing a line-mode session (drill, interview): one answer line in,
one event out, the same for both so that a script or a screen reader meets one manner.

In `--jsonl` mode each event is a JSON object a line and prompts are never written;
otherwise the text shown is written, with a prompt when the input is a terminal.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TextIO

Render = Callable[[str, int], str]  # (Markdown, columns used on the left) -> text
Reader = Callable[[str], "str | None"]  # (prompt) -> a line, None at EOF


def raw(markdown: str, _used: int = 0) -> str:
    return markdown


def undecodable(line: str) -> bool:
    """The line held bytes that are not UTF-8 (read with errors="surrogateescape")."""
    return any("\udc80" <= c <= "\udcff" for c in line)


class LineIO:
    def __init__(self, stdin: TextIO, stdout: TextIO, *, jsonl: bool = False,
                 interactive: bool = False, render: Render = raw,
                 read_line: Reader | None = None) -> None:
        """`interactive`: show input prompts; `read_line` replaces reading `stdin`
        (a terminal's line editor)."""
        self.stdin, self.stdout = stdin, stdout
        self.jsonl, self.interactive = jsonl, interactive
        self.render, self.read_line = render, read_line

    def _read(self, prompt: str) -> str | None:
        if self.read_line is not None and not self.jsonl:
            line = self.read_line(prompt)
            return None if line is None else line.strip()
        if self.interactive and not self.jsonl:
            self.stdout.write(prompt)
            self.stdout.flush()
        line = self.stdin.readline()
        return None if line == "" else line.strip()

    def _emit(self, event: dict[str, Any], shown: str) -> None:
        if self.jsonl and not event:
            return
        out = json.dumps(event, ensure_ascii=False, default=str) if self.jsonl else shown
        self.stdout.write(out + "\n")
        self.stdout.flush()
