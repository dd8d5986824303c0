"""Every screen survives a 40x12 terminal, opened that small or shrunk to it and back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from cnnquiz.tui.screens.home import HomeScreen
from tests.tui.conftest import MakeApp, press, seed_progress, settle

Step = Callable[[Pilot[None]], Awaitable[None]]
SIZES = [(40, 12), (120, 40), (41, 13), (40, 12), (80, 24)]


async def home(pilot: Pilot[None]) -> None:
    await settle(pilot.app)  # type: ignore[arg-type]


async def question(pilot: Pilot[None]) -> None:
    await press(pilot, "enter")


async def verdict(pilot: Pilot[None]) -> None:
    await press(pilot, "enter", "question_mark", "enter")


async def done(pilot: Pilot[None]) -> None:
    await press(pilot, "enter")
    for _ in range(2):
        await press(pilot, "question_mark", "enter")
        await press(pilot, "enter")


async def stats(pilot: Pilot[None]) -> None:
    await press(pilot, "s")


async def settings(pilot: Pilot[None]) -> None:
    await press(pilot, "comma")


async def topics(pilot: Pilot[None]) -> None:
    await press(pilot, "t")


SCREENS = {"home": home, "question": question, "verdict": verdict, "done": done,
           "stats": stats, "settings": settings, "topics": topics}


@pytest.mark.parametrize("where", SCREENS)
async def test_a_tiny_terminal_and_resizing_never_crash(app_factory: MakeApp, db: str,
                                                        where: str) -> None:
    seed_progress(db, days=5)
    app = app_factory(length=2, topics=["receptive-field"])
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(app)
        await SCREENS[where](pilot)
        shown = app.screen
        assert not isinstance(shown, HomeScreen) or where == "home"
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await settle(app)
            assert app.screen is shown and app.size == (width, height)
        await pilot.press("down", "tab", "up")
        await settle(app)
    assert app.return_code in (0, None)
