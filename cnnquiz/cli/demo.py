"""`cnnquiz demo OP`: a mini operation replayed step by step (text or the contract's JSON)."""

from __future__ import annotations

import json
import sys

import typer

from cnnquiz.cli import context
from cnnquiz.errors import DemoError

HELP = """Step through one mini operation: conv, conv1d, convT, maxpool, avgpool, pixelshuffle,
dropout.

Matrices are rows separated by ';' (numbers by spaces or commas), channels by '|':
--x "1 2 3; 4 5 6; 7 8 9" --w "1 0; 0 -1". Left out, they are drawn at random
(--size, --seed). Each step shows the window in the padded input, the products and
their sum, and the output filling in; --json prints {"op", "frames", "output"}.
conv1d draws the input and the kernel as two trains: --x "1 2 3 4" --w "1 0 -1".
`demo edges --filter sobel-x` (sobel-y, laplacian, blur, sharpen) shows what a 3x3
filter finds in a small built-in picture.
"""


def register(app: typer.Typer) -> None:
    app.command("demo", help=HELP)(demo)


def demo(
    ctx: typer.Context,
    op: str = typer.Argument(
        ..., help="conv, conv1d, convT, maxpool, avgpool, pixelshuffle, dropout or edges."),
    x: str = typer.Option(None, "--x", help='Input matrix, e.g. "1 2 3; 4 5 6; 7 8 9".'),
    w: str = typer.Option(None, "--w", help='Kernel (conv, convT), e.g. "1 0; 0 -1".'),
    stride: int = typer.Option(None, "--stride", help="Stride (pooling: default the kernel)."),
    padding: str = typer.Option(None, "--padding",
                                help="Padding: a number; conv also valid, same or full."),
    dilation: int = typer.Option(None, "--dilation", help="Dilation (conv, convT, maxpool)."),
    output_padding: int = typer.Option(None, "--output-padding", help="convT output padding."),
    kernel: int = typer.Option(None, "--kernel",
                               help="Pooling kernel size; size of a random conv kernel."),
    ceil: bool = typer.Option(False, "--ceil", help="Pooling in ceil mode."),
    flip: bool = typer.Option(False, "--flip",
                              help="conv1d: reverse the kernel first (numpy.convolve)."),
    r: int = typer.Option(None, "--r", help="Pixel shuffle factor (input has C*r^2 channels)."),
    p: float = typer.Option(None, "--p", help="Dropout probability."),
    size: int = typer.Option(None, "--size", help="Side of a random input matrix."),
    seed: int = typer.Option(None, "--seed", help="Seed of random matrices and dropout's mask."),
    filter_name: str = typer.Option(None, "--filter",
                                    help="edges: sobel-x, sobel-y, laplacian, blur or sharpen."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    from cnnquiz.demos import DemoRequest, build, op_named

    if op.strip().lower() == "edges":
        given = [name for name, v in (("--x", x), ("--w", w), ("--size", size), ("--seed", seed))
                 if v is not None]
        if given:
            raise DemoError(f"{given[0]} does not apply to edges (its picture is built in)")
        _edges(ctx, filter_name or "sobel-x", as_json)
        return
    if filter_name is not None:
        raise DemoError("--filter applies to edges only: cnnquiz demo edges --filter sobel-x")
    request = DemoRequest(op_named(op), x, w, size, kernel, stride, padding, dilation,
                          output_padding, ceil, flip, r, p, seed)
    result = build(request)
    if as_json:
        typer.echo(json.dumps(result.to_json()))
        return
    from cnnquiz.cli.demo_grid import ansi, plain
    from cnnquiz.cli.demo_text import demo_chunks

    lang = context.settings(ctx).lang
    colors = _colors()
    for chunk in demo_chunks(result, lang):
        sys.stdout.write((ansi(chunk, colors) if colors else plain(chunk)) + "\n\n")


def _colors() -> str | None:
    """Rich's colour system on a terminal; None in a pipe, under NO_COLOR or TERM=dumb."""
    if not sys.stdout.isatty():
        return None
    from rich.console import Console

    return Console().color_system


def _edges(ctx: typer.Context, name: str, as_json: bool) -> None:
    from cnnquiz.cli.demo_edges import edge_lines, edges_json
    from cnnquiz.cli.demo_grid import ansi, plain
    from cnnquiz.demos.edges import edges, filter_named

    result = edges(filter_named(name))
    if as_json:
        typer.echo(json.dumps(edges_json(result)))
        return
    colors = _colors()
    lines = edge_lines(result, context.settings(ctx).lang, colour=colors is not None)
    sys.stdout.write((ansi(lines, colors) if colors else plain(lines)) + "\n")
