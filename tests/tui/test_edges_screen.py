"""The edge toy: reached from the demo screen, filters switched with keys."""

from __future__ import annotations

import numpy as np

from cnnquiz.demos.edges import edges
from cnnquiz.tui.screens.demo import DemoScreen
from cnnquiz.tui.screens.edges import EdgesScreen
from cnnquiz.tui.widgets.halfblocks import HalfBlocks
from tests.tui.conftest import MakeApp, plain, settle


async def test_switching_filters_redraws_kernel_and_result(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app)
        await pilot.press("d", "e")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EdgesScreen) and screen.filter == "sobel-x"
        result = screen.query_one("#edges-result", HalfBlocks)
        assert "Sobel x" in plain(screen.query_one("#edges-title"))
        assert screen.scale == 2 and result.pixels.shape == (32, 48)  # room to draw it big
        await pilot.press("right")
        assert screen.filter == "sobel-y"
        assert plain(screen.query_one("#edges-kernel")).splitlines()[1].split() == [
            "-1", "-2", "-1"]
        np.testing.assert_array_equal(result.pixels[::2, ::2], edges("sobel-y").shown)
        await pilot.press("4")
        assert screen.filter == "blur"
        assert plain(screen.query_one("#edges-kernel")).startswith("kernel ÷ 16")
        await pilot.press("left", "left", "left", "left")  # round the list and back
        assert screen.filter == "sharpen"
        await pilot.press("escape")
        assert isinstance(app.screen, DemoScreen)


async def test_the_palette_opens_it_in_chinese_at_80_columns(app_factory: MakeApp) -> None:
    app = app_factory("zh")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        app.action_edges()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EdgesScreen) and screen.scale == 1
        assert "找出竖直边缘" in plain(screen.query_one("#edges-title"))
        assert [c.title for c in app.get_system_commands(screen)].count("边缘检测") == 1
