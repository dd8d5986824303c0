"""A small grayscale picture drawn with half blocks: one text row shows two pixel rows.

Each cell is "▀" with the upper pixel's grey as its colour and the lower one's as its
background, so a 24 x 16 picture takes 24 columns and 8 rows (times `scale`). The
edge-detection toy shows its picture and each filter's result with it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.cells import cell_len
from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from cnnquiz.demos.edges import grey


def grey_color(v: float) -> Color:
    g = grey(v)
    return Color.from_rgb(g, g, g)


class HalfBlocks(Widget):
    DEFAULT_CSS = """
    HalfBlocks { width: auto; height: auto; margin: 0 2 0 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.heading = ""
        self.pixels: NDArray[np.floating[Any]] = np.zeros((0, 0))
        self.scale = 1
        self.extent = Size(0, 0)

    def show(self, title: str, pixels: NDArray[np.floating[Any]], scale: int = 1) -> None:
        """Draw `pixels` (H x W, brightness 0-1) under `title`, each pixel scale x scale."""
        self.heading = title
        self.pixels = np.repeat(np.repeat(pixels, scale, axis=0), scale, axis=1)
        if self.pixels.shape[0] % 2:  # an odd last row gets a black partner
            self.pixels = np.vstack([self.pixels, np.zeros((1, self.pixels.shape[1]))])
        self.scale = scale
        extent = Size(max(cell_len(title), self.pixels.shape[1]), 1 + self.pixels.shape[0] // 2)
        self.refresh(layout=extent != self.extent)
        self.extent = extent

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return self.extent.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self.extent.height

    def render_line(self, y: int) -> Strip:
        base = self.rich_style
        if y == 0:
            return Strip([Segment(self.heading, base + Style(bold=True))])
        r = 2 * (y - 1)
        if r + 1 >= self.pixels.shape[0]:
            return Strip.blank(self.size.width, base)
        top, bottom = self.pixels[r].tolist(), self.pixels[r + 1].tolist()
        return Strip([Segment("▀", Style(color=grey_color(a), bgcolor=grey_color(b)))
                      for a, b in zip(top, bottom, strict=True)], len(top))
