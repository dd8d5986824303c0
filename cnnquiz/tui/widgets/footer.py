"""Textual's footer, rebuilt only when what it shows changes.

Textual's Footer rebuilds all its keys whenever the screen's bindings may have
changed: on opening a screen, on every focus move, on enabling the answer box. Each
rebuild mounts and styles every key again, and between Enter on home and the first
question that was most of the styling work of the whole screen (`python
benchmarks/bench_app.py`). The keys shown depend only on the active bindings and the
palette key, so the footer compares those and skips a rebuild that would change nothing.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: Hashable = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.call_after_refresh(self._refresh_keys)

    def watch_show_command_palette(self) -> None:
        self.call_after_refresh(self._refresh_keys)

    async def _refresh_keys(self) -> None:
        if not self.is_attached:
            return
        shown = (self.show_command_palette, tuple(
            (b.key, b.description, b.action, enabled, tooltip)
            for _, b, enabled, tooltip in self.screen.active_bindings.values() if b.show))
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
