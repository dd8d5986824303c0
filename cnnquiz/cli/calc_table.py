"""`calc`'s table on the terminal: the engine's cells laid out by `text_table`.

On a terminal the table fits its width (wrapping layer texts and shapes, never numbers)
and the header is bold; in a pipe lines are as long as they need to be, unless COLUMNS
says otherwise.
"""

from __future__ import annotations

import os
import shutil
import sys

import typer

from cnnquiz.cli import text_table
from cnnquiz.engine.calc_rows import calc_rows, scaled, shape_cell, total_row
from cnnquiz.engine.network import Summary
from cnnquiz.i18n import Lang, text

COLUMNS = ("index", "layer", "output", "params", "macs", "rf", "jump")
RIGHT = (True, False, True, True, True, True, True)


def output_width() -> int | None:
    """Terminal width on a tty; COLUMNS if set; otherwise unlimited (a pipe)."""
    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    if sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def table_lines(summary: Summary, title: str | None, explain: bool, lang: Lang,
                width: int | None) -> list[str]:
    rows = calc_rows(summary, explain)
    cells = [("  " * r.depth + r.layer if r.depth else r.layer) for r in rows]
    body = [(*r.cells()[:1], cell, *r.cells()[2:]) for r, cell in zip(rows, cells, strict=True)]
    total = total_row(summary, text("calc.total", lang)).cells()
    headers = [text(f"calc.col_{c}", lang) for c in COLUMNS]
    lines = text_table.render(headers, [*body, total], RIGHT, width, wrappable=(1, 2))
    lines.insert(-1, lines[1])  # a rule above the total
    heading = text("calc.title", lang, name=title or text("calc.network", lang),
                   shape=shape_cell(summary.input))
    totals = text("calc.totals", lang, params=f"{summary.total_params:,}",
                  macs=f"{summary.total_macs:,}", scaled=scaled(summary.total_macs))
    wrapped_totals = text_table.wrap(totals, width) if width else [totals]
    return [heading, *lines, *wrapped_totals]


def print_table(summary: Summary, title: str | None, explain: bool, lang: Lang) -> None:
    lines = table_lines(summary, title, explain, lang, output_width())
    if sys.stdout.isatty():
        lines[0] = typer.style(lines[0], bold=True)
        lines[1] = typer.style(lines[1], bold=True)
    sys.stdout.write("\n".join(lines) + "\n")
