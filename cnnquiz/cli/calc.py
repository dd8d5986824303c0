"""`cnnquiz calc`: a per-layer summary of a layer stack or a built-in network."""

from __future__ import annotations

import json
import sys

import typer

from cnnquiz.application import make_application
from cnnquiz.cli import context

HELP = """Per-layer output shape, parameters, MACs, receptive field and jump.

SPEC is a layer stack such as "conv(64,k=3,p=1) -> relu -> maxpool(2) -> flatten -> fc(10)"
(separators: ->, ; or newline), a built-in network name (see --list), or - (read stdin)
or @FILE (read a file) holding a layer spec or what PyTorch prints for a model
(print(model)); what the print cannot show (residual additions, custom modules) is named
in one warning line.

Layers: conv(out, k, s=1, p=0, d=1, g=1, bias=true) with p also valid|same|full;
convT(out, k, s=1, p=0, op=0, d=1, g=1, bias=true); maxpool(k, s=k, p=0, d=1, ceil=false);
avgpool(k, s=k, p=0, ceil=false); adaptiveavgpool(n); linear(out, bias=true) (alias fc);
adaptivemaxpool(n); bn; relu; sigmoid; tanh (and gelu, silu, elu, selu, leakyrelu, relu6,
hardswish, hardsigmoid, mish, softplus, softmax); dropout(p); flatten; pixelshuffle(r);
upsample(scale).
PyTorch argument names (kernel_size, stride, padding, ...) work too; sizes may be HxW.
"""


def register(app: typer.Typer) -> None:
    app.command("calc", help=HELP)(calc)


def _fmt_shape(shape: tuple[int, ...]) -> str:
    return " x ".join(str(s) for s in shape)


def _si(n: int) -> str:
    for unit, size in (("G", 10**9), ("M", 10**6), ("K", 10**3)):
        if n >= size:
            return f"{n / size:.3f}{unit}"
    return str(n)


def calc(
    ctx: typer.Context,
    spec: str = typer.Argument(None, help="Layer spec, built-in network name, - or @FILE."),
    input: str = typer.Option(None, "--input", "-i", help="Input size CxHxW, e.g. 3x224x224."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    explain: bool = typer.Option(False, "--explain", help="Show each layer's formulas."),
    list_: bool = typer.Option(False, "--list", help="List the built-in networks."),
) -> None:
    application = make_application(context.settings(ctx))
    if list_:
        for net in application.networks():
            typer.echo(f"{net.name:<12} {_fmt_shape(net.input):<14} {net.about}")
        return
    result = application.calc(spec, input, stdin=sys.stdin)
    for line in result.notices:
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(result.summary.to_json()))
        return
    _print_table(result.summary, title=result.title, explain=explain)


def _print_table(summary, title: str | None, explain: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{title or 'network'}: input {_fmt_shape(summary.input)}",
                  header_style="bold", show_footer=True)
    table.add_column("#", justify="right")
    table.add_column("layer", footer="total")
    table.add_column("output", justify="right", footer=_fmt_shape(summary.output))
    table.add_column("params", justify="right", footer=f"{summary.total_params:,}")
    table.add_column("MACs", justify="right", footer=_si(summary.total_macs))
    table.add_column("RF", justify="right")
    table.add_column("jump", justify="right")
    for row in summary.rows:
        label = "  " * row.depth + (f"{row.name}  {row.spec}" if row.name else row.spec)
        table.add_row(
            str(row.index), label, _fmt_shape(row.output), f"{row.params:,}",
            _si(row.macs) if row.macs else "0",
            "-" if row.rf is None else str(row.rf), "-" if row.jump is None else str(row.jump),
        )
        if explain:
            for key, value in row.explain.items():
                table.add_row("", f"    [dim]{key}: {value}[/dim]", "", "", "", "", "")
    console = Console()
    console.print(table)
    console.print(f"total params {summary.total_params:,}   total MACs {summary.total_macs:,}")
