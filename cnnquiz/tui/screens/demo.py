"""Demo: one small operation (conv, conv1d, convT, pooling, pixel shuffle, dropout) cell
by cell.

Input (padding marked), kernel and output side by side (conv1d: its two trains);
right/left step, space plays at the speed +/- set; clicking an output cell lights its
window in the input, clicking an input cell lights the outputs it feeds. The form row
changes the operation and its numbers in place; e opens the edge toy. Frames come from
cnnquiz.demos (the engine's traces); building one takes about a millisecond, so it
happens right here rather than in a worker. What each grid shows is in demo_panels.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, Select, Static

from cnnquiz.demos import Demo, DemoRequest, Op, build
from cnnquiz.demos.build import TAKES
from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import text
from cnnquiz.tui.demo_panels import (
    Panel,
    fields_used,
    input_panel,
    middle_panel,
    output_panel,
    scatter_panels,
    scatter_text,
    step_text,
)
from cnnquiz.tui.keys import localise
from cnnquiz.tui.widgets.demo_form import FIELDS, DemoForm
from cnnquiz.tui.widgets.footer import KeyFooter
from cnnquiz.tui.widgets.grid import Grid
from cnnquiz.tui.widgets.trains import Trains

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp

NARROW = 100
SPEEDS = (2.0, 1.0, 0.5, 0.25, 0.1)  # seconds a step, slowest first


class DemoScreen(Screen[None]):
    AUTO_FOCUS = ""  # no field focused: keys step the demo until a field is clicked
    BINDINGS: ClassVar[list[BindingType]] = [
        # one footer entry a pair of keys, so every key fits at 80 columns
        Binding("left", "step(-1)", "step_back", show=False),
        Binding("right", "step(1)", "step_pair", key_display="←→"),
        Binding("space", "play", "play"),
        Binding("plus,equals_sign", "speed(1)", "speed", key_display="+-"),
        Binding("minus", "speed(-1)", "slower", show=False),
        Binding("v", "view", "scatter_view"),
        Binding("f", "flip", "flip_kernel"),
        Binding("e", "app.edges", "edges"),
        Binding("escape", "app.pop_screen", "back"),
    ]

    app: CnnquizApp

    def __init__(self, op: Op = "conv", request: DemoRequest | None = None,
                 **numbers: int | str) -> None:
        """`numbers` fill the fields; a `request` (a question's demo, from
        cnnquiz.demos.from_spec) also brings its matrices, kept while its op, size and
        kernel fields are."""
        super().__init__()
        self.given = request
        self.op: Op = op if request is None else request.op
        self.numbers = {k: str(v) for k, v in numbers.items()}
        if request is not None:
            used = fields_used(build(request))
            self.numbers = {k: str(used[k]) for k in FIELDS
                            if k in used and k in TAKES[request.op]}
        self.demo: Demo | None = None
        self.step = 0
        self.lit_in: set[tuple[int, int]] = set()
        self.lit_out: set[tuple[int, ...]] = set()
        self.speed = 2
        self.scatter = False  # convT: one input cell times the kernel a step
        self.flip = request is not None and request.flip  # conv1d: the kernel reversed
        self.lit_note = ""
        self.timer: Timer | None = None
        self.status_lines = 0

    def tt(self, key: str, **values: object) -> str:
        return text(f"tools.{key}", self.app.lang, **values)

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        yield Header()
        yield DemoForm(self.op, self.numbers, self.app.lang, id="demo-form")
        yield Static("", id="demo-error")
        with Horizontal(id="demo-grids"):
            yield Grid(id="grid-input")
            yield Grid(id="grid-kernel")
            yield Grid(id="grid-output")
            yield Trains(id="demo-trains")
        yield Static("", id="demo-step")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.rebuild()

    def on_resize(self, event: events.Resize) -> None:
        """Below NARROW columns the footer's keys close up and the palette's key (ctrl+p
        still works) leaves it, so every stepping key stays readable."""
        footer = self.query_one(Footer)
        narrow = event.size.width < NARROW
        footer.compact, footer.show_command_palette = narrow, not narrow

    # building -------------------------------------------------------------------
    @on(Select.Changed, "#demo-op")
    @on(Input.Changed)
    def rebuild(self) -> None:
        form = self.query_one(DemoForm)
        self.op = form.chosen()
        values = form.read(self.op)
        error = self.query_one("#demo-error", Static)
        try:
            demo = build(DemoRequest(self.op, seed=self.app.services.seed or 1,
                                     flip=self.flip and self.op == "conv1d",
                                     **self._given(values), **values))  # type: ignore[arg-type]
        except CnnquizError as exc:
            error.update(Text(str(exc).splitlines()[0], style="bold red"))
            return
        error.update("")
        form.show_used(fields_used(demo))
        self.demo, self.step = demo, 0
        self.scatter = self.scatter and bool(demo.scatter)
        self.lit_in, self.lit_out = set(), set()
        trains = demo.op == "conv1d"
        for grid in self.query(Grid):
            grid.display = not trains
        self.query_one(Trains).display = trains
        self.refresh_bindings()
        self.draw()

    def _given(self, values: dict[str, int | str | None]) -> dict[str, object]:
        """The question's matrices and options while its op, size and kernel stand (the
        size and kernel fields then say what the matrices are, so they leave `values`)."""
        g = self.given
        if g is None or g.op != self.op:
            return {}
        kept: dict[str, object] = {"output_padding": g.output_padding, "ceil": g.ceil,
                                   "r": g.r, "p": g.p}
        for name, matrix in (("size", g.x), ("kernel", g.w)):
            if matrix is not None and str(values[name]) == self.numbers.get(name):
                kept["x" if name == "size" else "w"] = matrix
                values[name] = None
        return kept

    @on(Input.Submitted)
    def _done(self) -> None:
        self.set_focus(None)  # back to stepping keys

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "view":  # only transposed convolution has a second view
            return self.demo is not None and bool(self.demo.scatter)
        if action == "flip":
            return self.op == "conv1d"
        return True

    # stepping -------------------------------------------------------------------
    def action_step(self, by: int) -> None:
        if self.demo is not None:
            self.step = max(0, min(self.steps() - 1, self.step + by))
            self.draw()

    def steps(self) -> int:
        demo = self.demo
        if demo is None:
            return 0
        return len(demo.scatter) if self.scatter and demo.scatter else len(demo.frames)

    def action_view(self) -> None:
        """Transposed convolution: switch between the scatter and the gather view."""
        if self.demo is not None and self.demo.scatter:
            self.scatter, self.step = not self.scatter, 0
            self.lit_in, self.lit_out = set(), set()
            self.draw()

    def action_flip(self) -> None:
        """conv1d: the kernel as given (PyTorch) or reversed (the trains meeting)."""
        self.flip = not self.flip
        self.rebuild()

    def action_play(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        else:
            if self.step == self.steps() - 1:
                self.step = 0
            self.timer = self.set_interval(SPEEDS[self.speed], self._tick)
        self.draw()

    def action_speed(self, by: int) -> None:
        self.speed = max(0, min(len(SPEEDS) - 1, self.speed + by))
        if self.timer is not None:
            self.timer.stop()
            self.timer = self.set_interval(SPEEDS[self.speed], self._tick)
        self.draw()

    def _tick(self) -> None:
        if self.step >= self.steps() - 1:
            self.action_play()  # the end: pause
            return
        self.action_step(1)

    # clicking -------------------------------------------------------------------
    @on(Grid.Clicked)
    def _clicked(self, event: Grid.Clicked) -> None:
        self.set_focus(None)
        demo = self.demo
        if demo is None or (self.scatter and demo.scatter):
            return
        frame = demo.frames[self.step]
        if event.grid.id == "grid-input":
            outs = demo.feeds(frame.channel, event.row, event.col)
            self.lit_in, self.lit_out = {(event.row, event.col)}, set(outs)
            self.lit_note = self.tt("lit_feeds", cell=f"({event.row},{event.col})")
        elif event.grid.id == "grid-output":
            out = (*frame.out[:-2], event.row, event.col)
            target = demo.frame_at(out)
            if target is None:
                return
            self.lit_in, self.lit_out = set(demo.taps(target)), {out}
            self.lit_note = self.tt("lit_window", cell=f"({event.row},{event.col})")
        self.draw()

    # drawing --------------------------------------------------------------------
    def draw(self) -> None:
        demo = self.demo
        if demo is None:
            return
        if self.scatter and demo.scatter:
            self.draw_scatter(demo)
            return
        frame = demo.frames[self.step]
        if demo.op == "conv1d":
            self.query_one(Trains).show(demo, self.step, self.app.lang)
            self._status(demo)
            return
        self.show("#grid-input", input_panel(demo, frame, self.lit_in, self.tt))
        self.show("#grid-kernel", middle_panel(demo, frame, self.tt))
        self.show("#grid-output", output_panel(demo, frame, self.lit_out, self.tt))
        self._status(demo)

    def draw_scatter(self, demo: Demo) -> None:
        """convT's scatter view: input cell (i, j) times the kernel, added into the output
        before cropping (the gather view's numbers, reached the other way round)."""
        for name, panel in zip(("#grid-input", "#grid-kernel", "#grid-output"),
                               scatter_panels(demo, self.step, self.tt), strict=True):
            self.show(name, panel)
        out = scatter_text(demo, self.step, self.tt)
        play = self.tt("playing" if self.timer else "paused", s=SPEEDS[self.speed])
        out.append(f"\n{play} · {self.tt('view_hint')}", style="dim")
        self.say(out)

    def show(self, grid: str, panel: Panel) -> None:
        self.query_one(grid, Grid).show(panel.title, panel.values, panel.styles,
                                        min_width=panel.min_width)

    def say(self, out: Text) -> None:
        """The step line under the grids; laid out again only when its height changes
        (a layout pass costs more than the whole step)."""
        status = self.query_one("#demo-step", Static)
        width = max(1, status.content_region.width)
        lines = len(out.wrap(self.app.console, width))
        status.update(out, layout=lines != self.status_lines)
        self.status_lines = lines

    def _status(self, demo: Demo) -> None:
        out = step_text(demo, self.step, self.tt)
        play = self.tt("playing" if self.timer else "paused", s=SPEEDS[self.speed])
        note = self.lit_note if (self.lit_in or self.lit_out) else ""
        hint = (f" · {self.tt('view_hint')}" if demo.scatter else
                f"\n{self.tt('trains_hint', s=demo.settings['stride'])}"
                if demo.op == "conv1d" else "")
        out.append(f"\n{play}" + (f" · {note}" if note else hint), style="dim")
        self.say(out)
