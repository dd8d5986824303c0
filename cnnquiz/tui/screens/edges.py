"""Edge-detection toy: a filter's kernel between the picture and what it finds.

Left/right (or 1-5) switch between Sobel x and y, the Laplacian, blur and sharpen;
the numbers come from cnnquiz.demos.edges (the engine's conv2d), this screen only
draws them. Pictures are drawn twice as large when the terminal has room.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Header, Static

from cnnquiz.demos.edges import FILTERS, SIGNED, Filter, edges
from cnnquiz.i18n import text
from cnnquiz.tui.keys import localise
from cnnquiz.tui.widgets.footer import KeyFooter
from cnnquiz.tui.widgets.grid import Grid
from cnnquiz.tui.widgets.halfblocks import HalfBlocks

if TYPE_CHECKING:
    from cnnquiz.tui.app import CnnquizApp

BIG = (112, 30)  # columns and rows from which pictures are drawn at twice the size


class EdgesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "turn(-1)", "prev_filter", key_display="←"),
        Binding("right", "turn(1)", "next_filter", key_display="→"),
        *(Binding(str(n), f"pick({n - 1})", "pick_filter", show=False)
          for n in range(1, len(FILTERS) + 1)),
        Binding("escape", "app.pop_screen", "back"),
    ]

    app: CnnquizApp

    def __init__(self, name: Filter = "sobel-x") -> None:
        super().__init__()
        self.filter: Filter = name
        self.scale = 1

    def et(self, key: str, **values: object) -> str:
        return text(f"edges.{key}", self.app.lang, **values)

    def compose(self) -> ComposeResult:
        localise(self, self.app.lang)
        yield Header()
        yield Static("", id="edges-title")
        with Horizontal(id="edges-row"):
            yield HalfBlocks(id="edges-picture")
            yield Grid(id="edges-kernel")
            yield HalfBlocks(id="edges-result")
        yield Static("", id="edges-note")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.draw()

    def on_resize(self, event: events.Resize) -> None:
        scale = 2 if event.size.width >= BIG[0] and event.size.height >= BIG[1] else 1
        if scale != self.scale:
            self.scale = scale
            self.draw()

    def action_turn(self, by: int) -> None:
        self.action_pick((FILTERS.index(self.filter) + by) % len(FILTERS))

    def action_pick(self, n: int) -> None:
        self.filter = FILTERS[n]
        self.draw()

    def draw(self) -> None:
        e = edges(self.filter)
        n = FILTERS.index(e.name)
        title = Text(f"{n + 1}/{len(FILTERS)} {self.et('name_' + e.name)}", style="bold")
        title.append(f" · {self.et('finds_' + e.name)}")
        self.query_one("#edges-title", Static).update(title)
        self.query_one("#edges-picture", HalfBlocks).show(self.et("picture"), e.picture,
                                                          self.scale)
        heading = self.et("kernel_over", d=e.divisor) if e.divisor != 1 else self.et("kernel")
        self.query_one("#edges-kernel", Grid).show(heading, e.kernel)
        self.query_one("#edges-result", HalfBlocks).show(self.et("result"), e.shown,
                                                         self.scale)
        note = self.et("shown_signed" if e.name in SIGNED else "shown_clipped")
        self.query_one("#edges-note", Static).update(
            Text(note + "\n" + self.et("keys"), style="dim"))
