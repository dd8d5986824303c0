"""A choice question's options as a compact list led by their letter keys.

The prompt Markdown carries the options as one paragraph each (two rows an
option); here they take one row each, with the letter drawn like a key to
press. After the verdict the right options get a tick and wrong picks a cross.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cnnquiz.questions.model import Option

_INLINE = re.compile(r"`([^`]+)`|\*\*([^*]+)\*\*")


def inline_text(markdown: str, style: str = "") -> Text:
    """One line of Markdown with `code` and **bold** spans, as Rich text."""
    out, at = Text(style=style), 0
    for m in _INLINE.finditer(markdown):
        out.append(markdown[at:m.start()])
        out.append(m.group(1) or m.group(2), style="bold")
        at = m.end()
    out.append(markdown[at:])
    return out


def split_options(prompt: str, options: Sequence[Option]) -> str | None:
    """`prompt` without its option paragraphs, or None if they are not all found in it."""
    rest = prompt
    for o in options:
        paragraph = f"\n\n{o.letter}. {o.text}"
        if paragraph not in rest:
            return None
        rest = rest.replace(paragraph, "", 1)
    return rest.rstrip()


class Choices(Static):
    DEFAULT_CSS = """
    Choices { height: auto; padding: 0 1; margin-bottom: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options: tuple[Option, ...] = ()

    def show(self, options: Sequence[Option], chosen: Collection[str] = (),
             judged: bool = False) -> None:
        """List `options`; once `judged`, mark the right ones and the wrong `chosen` ones."""
        self.options = tuple(options)
        self.display = bool(self.options)
        table = Table.grid(padding=(0, 1))
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for o in self.options:
            picked = o.letter in chosen
            if judged and o.correct:
                mark, style = "✓", "bold green"
            elif judged and picked:
                mark, style = "✗", "bold red"
            else:
                mark, style = " ", ""
            key = Text(f" {o.letter} ", style="reverse bold" if picked or not judged else "dim")
            table.add_row(Text.assemble(key, " ", (mark, style)), inline_text(o.text, style))
        self.update(table)
