"""Calculator: a layer spec, a built-in network or a pasted print(model), layer by layer.

The table follows the typing (debounced), the error stays one line under the field,
and the selected row's formulas show with their numbers. The cells come from
engine/calc_rows (the same text as `cnnquiz calc`); the numbers from the application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select, Static

from cnnquiz.engine.calc_rows import CalcRow, calc_rows, scaled, shape_cell
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import text
from cnnquiz.tui.keys import localise
from cnnquiz.tui.widgets.footer import KeyFooter
from cnnquiz.tui.widgets.layersuggest import LayerSuggester
from cnnquiz.tui.widgets.specinput import SpecInput

if TYPE_CHECKING:
    from cnnquiz.application.calc import CalcResult
    from cnnquiz.engine.network import Row
    from cnnquiz.tui.app import CnnquizApp

DEBOUNCE = 0.3  # seconds of quiet typing before the table is recalculated
DEFAULT_INPUT = "3x224x224"
COLUMNS = ("col_layer", "col_output", "col_params", "col_macs", "col_rf", "col_jump")


def layer_names() -> dict[str, bool]:
    """The layer names the spec parser knows, and whether each takes arguments."""
    from cnnquiz.engine.spec import SIGNATURES

    return {name: bool(sig.args) for name, sig in SIGNATURES.items()}


class CalcScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.home", "back")]

    app: CnnquizApp

    def __init__(self, spec: str = "") -> None:
        super().__init__()
        self.initial = spec
        self.rows: list[tuple[CalcRow, Row | None]] = []
        self._timer: Timer | None = None

    def tt(self, key: str, **values: object) -> str:
        return text(f"tools.{key}", self.app.lang, **values)

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        yield Header()
        with Horizontal(id="calc-form"):
            yield SpecInput(self.initial, placeholder=self.tt("spec"), id="calc-spec",
                            suggester=LayerSuggester(layer_names()),
                            paste_label=lambda n: self.tt("pasted", n=n))
            yield Select[str]([], prompt=self.tt("network"), id="calc-network")
            yield Input(DEFAULT_INPUT, placeholder=self.tt("input_size"), id="calc-input")
        yield Static("", id="calc-error")
        yield DataTable(id="calc-table", cursor_type="row", zebra_stripes=True)
        yield Static("", id="calc-totals")
        yield Static("", id="calc-formula")
        yield KeyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("#", key="index")
        for key in COLUMNS:
            table.add_column(self.tt(key), key=key)
        self.query_one("#calc-network", Select).set_options(
            (n.name, n.name) for n in self.app.services.application.networks())
        self.query_one("#calc-spec", Input).focus()
        self.recalc()

    @on(Input.Changed)
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.recalc)

    @on(Select.Changed, "#calc-network")
    def _picked(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        net = next(n for n in self.app.services.application.networks() if n.name == event.value)
        with self.prevent(Input.Changed):
            self.query_one("#calc-spec", SpecInput).value = net.name
            self.query_one("#calc-input", Input).value = "x".join(map(str, net.input))
        self.recalc()

    def recalc(self) -> None:
        spec = self.query_one("#calc-spec", SpecInput).spec
        size = self.query_one("#calc-input", Input).value.strip()
        self.calculate(spec, size or None)

    @work(thread=True, exclusive=True, group="calc")
    def calculate(self, spec: str, size: str | None) -> None:
        if not spec.strip():
            self.app.deliver(self, self.show, None, "")
            return
        try:
            result = self.app.services.application.calc(spec, size)
        except CnnquizError as exc:
            self.app.deliver(self, self.show, None, str(exc))
            return
        self.app.deliver(self, self.show, result, "")

    def show(self, result: CalcResult | None, error: str) -> None:
        """The table of `result`; on an error the last good table stays, dimmed."""
        line = error.splitlines()[0] if error else (" · ".join(result.notices) if result else "")
        err = self.query_one("#calc-error", Static)
        err.update(Text(line, style="bold red" if error else "dim"))
        table = self.query_one(DataTable)
        table.set_class(bool(error), "-stale")
        if result is None:
            if not error:
                table.clear()
                self.rows = []
                self.query_one("#calc-totals", Static).update(Text(self.tt("empty"), style="dim"))
                self.query_one("#calc-formula", Static).update("")
            return
        s = result.summary
        layers = iter(s.rows)
        self.rows = [(r, None if r.implied else next(layers)) for r in calc_rows(s)]
        table.clear()
        for r, _ in self.rows:
            cells = r.cells()
            style = "dim italic" if r.implied else ""
            table.add_row(*(Text(c, style=style, justify="left" if i < 3 else "right")
                            for i, c in enumerate(cells)))
        self.query_one("#calc-totals", Static).update(Text(self.tt(
            "totals", params=f"{s.total_params:,}", macs=scaled(s.total_macs),
            shape=shape_cell(s.output)), style="bold"))
        self.show_formula(table.cursor_row)

    @on(DataTable.RowHighlighted)
    def _row(self, event: DataTable.RowHighlighted) -> None:
        self.show_formula(event.cursor_row)

    def show_formula(self, index: int) -> None:
        formula = self.query_one("#calc-formula", Static)
        if not 0 <= index < len(self.rows):
            formula.update("")
            return
        shown, row = self.rows[index]
        if row is None or not row.explain:
            formula.update(Text(f"{shown.layer}  {self.tt('no_formula')}", style="dim"))
            return
        out = Text(shown.layer, style="bold")
        for key, calc in row.explain.items():
            out.append(f"\n  {key}: {calc}")
        formula.update(out)
