"""A worker's result reaches its screen only while that screen is still in the app: a
result that arrives after the screen closed (or while the app quits) is dropped instead
of querying widgets that are gone, which ended the app with a traceback."""

from __future__ import annotations

import asyncio

from cnnquiz.tui.screens.stats import StatsScreen
from tests.tui.conftest import MakeApp, settle


async def test_a_result_for_a_closed_screen_is_dropped(app_factory: MakeApp) -> None:
    app = app_factory()
    got: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press("s")
        await settle(app)
        stats = app.screen
        assert isinstance(stats, StatsScreen)
        await asyncio.to_thread(app.deliver, stats, got.append, "shown")
        await pilot.press("escape")
        await settle(app)
        assert app.screen is not stats
        await asyncio.to_thread(app.deliver, stats, got.append, "after closing")
        await asyncio.to_thread(app.deliver, app.screen, got.append, "home")
    assert got == ["shown", "home"]
