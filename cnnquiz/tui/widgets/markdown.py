"""Markdown widgets that share one parser.

Textual's Markdown builds a new markdown-it parser on every `update` unless given a
factory, and building one costs more than parsing a question: a verdict (prompt,
solution) paid it on every answer. The parser keeps no state between documents.
"""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from textual.widgets import Markdown


@cache
def shared_parser() -> MarkdownIt:
    return MarkdownIt("gfm-like")


def markdown(*, id: str | None = None) -> Markdown:
    """An empty Markdown widget that parses with the shared parser."""
    return Markdown(id=id, parser_factory=shared_parser)
