"""App fixtures: a temporary store, a fixed clock and seeded questions, so runs repeat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from cnnquiz.i18n import Lang
from cnnquiz.tui import CnnquizApp, make_app
from cnnquiz.tui.app import CnnquizApp as _App

SETTLE_STEPS = 1200  # x 50 ms: a busy CI machine may take a minute to open a store
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

MakeApp = Callable[..., CnnquizApp]


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "progress.sqlite3")


@pytest.fixture
def app_factory(db: str) -> MakeApp:
    def make(lang: Lang | None = "en", **kw: object) -> _App:
        kw.setdefault("seed", 7)
        kw.setdefault("now", lambda: NOW)
        return make_app(db, lang, **kw)  # type: ignore[arg-type]
    return make


async def settle(app: CnnquizApp) -> None:
    """Wait until every worker (store, questions) has finished and its messages are handled."""
    from textual.pilot import Pilot
    from textual.worker import WorkerState

    pilot = Pilot(app)
    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(SETTLE_STEPS):
        await pilot.pause()
        if not any(w.state in busy for w in app.workers):
            await pilot.pause()
            if not any(w.state in busy for w in app.workers):
                return
        await pilot.pause(0.05)
    raise AssertionError("the app's workers did not finish")


def plain(widget: object) -> str:
    """What a Static (or Markdown) widget shows, as plain text (tables laid out at 100 columns)."""
    import io

    from rich.console import Console
    from textual.widgets import Markdown, Static

    if isinstance(widget, Markdown):
        return widget.source
    assert isinstance(widget, Static)
    content = widget.content
    if isinstance(content, str):
        return content
    console = Console(width=100, file=io.StringIO(), color_system=None)
    with console.capture() as captured:
        console.print(content)
    return captured.get()
