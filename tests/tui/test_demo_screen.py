"""The demo screen: stepping a 5x5 convolution, clicking cells, changing its numbers."""

from __future__ import annotations

from textual.widgets import Input, Select

from cnnquiz.demos import DemoRequest, build
from cnnquiz.tui.screens.demo import DemoScreen
from cnnquiz.tui.widgets.grid import Grid
from tests.tui.conftest import MakeApp, plain, settle


async def open_demo(app, pilot) -> DemoScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("d")
    await pilot.pause()
    assert isinstance(app.screen, DemoScreen)
    return app.screen


async def set_field(pilot, screen: DemoScreen, name: str, value: str) -> None:  # type: ignore[no-untyped-def]
    screen.query_one(f"#demo-{name}", Input).value = value
    await pilot.pause()


async def test_stepping_a_strided_padded_conv_and_clicking_its_cells(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(app, pilot)
        assert app.focused is None  # arrows step, space plays
        await set_field(pilot, demo, "stride", "2")
        await set_field(pilot, demo, "padding", "1")
        app.set_focus(None)
        d = demo.demo
        assert d is not None and d.output.shape == (3, 3) and len(d.frames) == 9
        await pilot.press("right", "right", "right", "left")
        assert demo.step == 2
        step = plain(demo.query_one("#demo-step"))
        assert "3/9" in step and f"= {int(d.frames[2].value)}" in step
        assert "·" in plain(demo.query_one("#grid-input"))  # the padding, marked
        # output cell (2, 1): its window is padded rows 4-6, cols 2-4
        out = demo.query_one("#grid-output", Grid)
        await pilot.click(out, offset=(1 * out.width_cells + 1, 1 + 2))
        assert demo.lit_in == {(r, c) for r in range(4, 7) for c in range(2, 5)}
        # padded input cell (1, 1) (the top-left input) feeds only output (0, 0)
        grid = demo.query_one("#grid-input", Grid)
        await pilot.click(grid, offset=(1 * grid.width_cells + 1, 1 + 1))
        assert demo.lit_out == {(0, 0)}
        assert demo.step == 2  # clicking lights, it does not move the step


async def test_changing_the_operation_shows_convT_with_the_demo_commands_numbers(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        demo = await open_demo(app, pilot)
        demo.query_one("#demo-op", Select).value = "convT"
        await pilot.pause()
        assert demo.demo is not None and demo.demo.op == "convT"
        expected = build(DemoRequest("convT", seed=app.services.seed or 1)).output
        assert (demo.demo.output == expected).all()
        assert demo.query_one("#demo-padding", Input).disabled is False
        assert "flipped" in plain(demo.query_one("#grid-kernel"))
        await pilot.press("v")  # the scatter view reaches the same output
        assert demo.scatter and "input (0,0)" in plain(demo.query_one("#demo-step"))
        for _ in range(len(demo.demo.scatter)):
            await pilot.press("right")
        last = demo.demo.scatter[-1]
        r0, r1, c0, c1 = demo.demo.crop or (0, 0, 0, 0)
        assert demo.step == len(demo.demo.scatter) - 1
        assert (last.canvas[r0:r1, c0:c1] == expected).all()
        assert "before cropping" in plain(demo.query_one("#grid-output"))
        demo.query_one("#demo-op", Select).value = "pixelshuffle"
        await pilot.pause()
        assert demo.query_one("#demo-stride", Input).disabled is True


async def test_an_impossible_setting_shows_one_error_line_and_keeps_the_demo(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(app, pilot)
        before = demo.demo
        await set_field(pilot, demo, "padding", "huge")
        error = plain(demo.query_one("#demo-error")).strip()
        assert "padding" in error and len(error.splitlines()) == 1
        assert demo.demo is before
        await set_field(pilot, demo, "padding", "same")
        assert plain(demo.query_one("#demo-error")).strip() == ""
        assert demo.demo is not None and demo.demo.output.shape == (5, 5)


async def test_space_plays_and_stops_at_the_last_step(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(app, pilot)
        for _ in range(4):
            await pilot.press("plus")
        assert demo.speed == 4  # the fastest, 0.1 s a step
        await pilot.press("space")
        for _ in range(100):
            if demo.timer is None:
                break
            await pilot.pause(0.1)
        assert demo.step == 8 and demo.timer is None  # played to the end, then paused
        assert "paused" in plain(demo.query_one("#demo-step"))


async def test_conv1d_steps_the_two_trains_and_flips_its_kernel(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        demo = await open_demo(app, pilot)
        demo.query_one("#demo-op", Select).value = "conv1d"
        await pilot.pause()
        app.set_focus(None)
        d = demo.demo
        assert d is not None and d.op == "conv1d" and d.output.shape == (4,)  # 6 cars, k 3
        assert not demo.query_one("#grid-input").display
        trains = demo.query_one("#demo-trains")
        first = plain(trains).splitlines()
        await pilot.press("right", "right")
        moved = plain(trains).splitlines()
        assert first[0] == moved[0]  # the input train stays
        # the kernel train moved two cars on (five columns a car)
        assert moved[1].index("[") == first[1].index("[") + 2 * 5
        w = d.kernel[0, 0].tolist() if d.kernel is not None else []
        assert f"= {int(d.frames[2].value)}" in plain(demo.query_one("#demo-step"))
        await pilot.press("f")  # the kernel reversed: the trains meet head to head
        flipped = demo.demo
        assert flipped is not None and flipped.settings["flip"]
        assert flipped.kernel is not None and flipped.kernel[0, 0].tolist() == w[::-1]
        assert demo.step == 0 and "reversed" in plain(trains)
