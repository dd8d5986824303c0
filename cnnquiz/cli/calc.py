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


def calc(
    ctx: typer.Context,
    spec: str = typer.Argument(None, help="Layer spec, built-in network name, - or @FILE."),
    input: str = typer.Option(None, "--input", "-i", help="Input size CxHxW, e.g. 3x224x224."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    explain: bool = typer.Option(False, "--explain", help="Show each layer's formulas."),
    list_: bool = typer.Option(False, "--list", help="List the built-in networks."),
) -> None:
    from cnnquiz.engine.calc_rows import shape_cell

    application = make_application(context.settings(ctx))
    if list_:
        nets = application.networks()
        if as_json:
            typer.echo(json.dumps([{"name": n.name, "input": list(n.input), "about": n.about}
                                   for n in nets]))
            return
        for net in nets:
            typer.echo(f"{net.name:<12} {shape_cell(net.input):<14} {net.about}")
        return
    result = application.calc(spec, input, stdin=sys.stdin)
    for line in result.notices:
        typer.echo(line, err=True)
    if as_json:
        typer.echo(json.dumps(result.summary.to_json()))
        return
    from cnnquiz.cli.calc_table import print_table

    print_table(result.summary, result.title, explain, context.settings(ctx).lang)
