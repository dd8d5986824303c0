"""Reusable widgets of the app."""

from cnnquiz.tui.widgets.bars import TopicBars, bar_text
from cnnquiz.tui.widgets.tile import Tile

__all__ = ["Tile", "TopicBars", "bar_text"]
