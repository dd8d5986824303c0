"""App fixtures: a temporary store, a fixed clock and seeded questions, so runs repeat."""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cnnquiz.i18n import Lang
from cnnquiz.questions.model import Question
from cnnquiz.tui import CnnquizApp, make_app
from cnnquiz.tui.app import CnnquizApp as _App

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from cnnquiz.tui.screens.study import StudyScreen

SETTLE_STEPS = 1200  # x 50 ms: a busy CI machine may take a minute to open a store
NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)

SEEDED_TOPICS = ("output-size", "pooling", "receptive-field", "params", "dropout")

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


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press `keys`, then wait until the app has done what they started."""
    await pilot.press(*keys)
    await settle(pilot.app)  # type: ignore[arg-type]


async def start_session(app: CnnquizApp) -> StudyScreen:
    """From home once the store is open: Enter, and the study screen with its first question."""
    from textual.pilot import Pilot

    from cnnquiz.tui.screens.study import StudyScreen

    await settle(app)
    await Pilot(app).press("enter")
    await settle(app)
    screen = app.screen
    assert isinstance(screen, StudyScreen)
    return screen


def plain(widget: object) -> str:
    """What a Static (or Markdown) widget shows, as plain text (tables laid out at 100 columns)."""
    import io

    from rich.console import Console
    from textual.widgets import Markdown, Static

    if isinstance(widget, Markdown):
        return widget.source
    drawn = getattr(widget, "plain_text", None)  # widgets that draw their own lines
    if isinstance(drawn, str):
        return drawn
    assert isinstance(widget, Static)
    content = widget.content
    if isinstance(content, str):
        return content
    console = Console(width=100, file=io.StringIO(), color_system=None)
    with console.capture() as captured:
        console.print(content)
    return captured.get()


def typed(q: Question, value: object) -> str:
    """`value` (the answer of `q` or one of its mistakes) as a learner would type it."""
    if isinstance(value, list) and value and isinstance(value[0], list):
        return "; ".join(" ".join(map(str, row)) for row in value)
    if isinstance(value, list):
        return (" " if q.answer.kind in ("choice", "matrix") else "x").join(map(str, value))
    return str(value)


def right_text(q: Question) -> str:
    return typed(q, q.answer.value)


def seed_progress(db: str, days: int = 14) -> None:
    """Two weeks of study before NOW (a day skipped now and then): right answers, named
    mistakes and a self-rated concept, so stats and home have something to show.

    The clock and seeds are fixed, so every call writes the same rows: the first call for
    `days` seeds a store of its own, and each call copies it to `db` (sqlite3's backup, a
    file of the test's own) instead of answering the two weeks again (2 s a time)."""
    import sqlite3
    from contextlib import closing

    if days not in _SEEDED:
        _SEEDED[days] = str(Path(_SEED_DIR.name) / f"seeded-{days}.sqlite3")
        _answer_days(_SEEDED[days], days)
    with closing(sqlite3.connect(_SEEDED[days])) as seeded, closing(sqlite3.connect(db)) as own:
        seeded.backup(own)


_SEED_DIR = tempfile.TemporaryDirectory(prefix="cnnquiz-seeded-")
_SEEDED: dict[int, str] = {}  # days -> the store seed_progress copies


def _answer_days(db: str, days: int) -> None:
    from cnnquiz.application import Settings, make_application

    clock = [NOW]
    app = make_application(Settings(db=db), now=lambda: clock[0])
    for day in range(days):
        if day % 4 == 2:
            continue
        clock[0] = NOW - timedelta(days=days - day, hours=2)
        topic = SEEDED_TOPICS[day % len(SEEDED_TOPICS)]
        loop = app.study([topic], count=3 + day % 4, rng=random.Random(day))
        i = 0
        while (q := loop.next()) is not None:
            clock[0] += timedelta(seconds=45)
            i += 1
            if q.answer.kind == "text":
                loop.rate(3, "my answer")
            elif i % 3 == 0 and q.mistakes:
                loop.answer(typed(q, q.mistakes[0].value))
            elif i % 5 == 0:
                loop.give_up()
            else:
                loop.answer(right_text(q))
        loop.close()
    app.close()
