"""From a question to its demo: after the verdict, d opens the demo with its numbers."""

from __future__ import annotations

import numpy as np

from cnnquiz.tui.screens.demo import DemoScreen
from cnnquiz.tui.screens.study import StudyScreen
from tests.tui.conftest import MakeApp, settle, start_session


async def give_up(pilot, screen: StudyScreen) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("question_mark", "enter")
    await settle(pilot.app)
    assert screen.phase == "shown"


async def test_d_after_a_by_hand_conv_opens_its_matrices(app_factory: MakeApp) -> None:
    app = app_factory(topics=["conv-by-hand"], length=12)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(app)
        for _ in range(12):  # until a by-hand convolution comes up
            q = screen.question
            assert q is not None
            assert not screen.check_action("demo", ())  # not before the verdict
            await give_up(pilot, screen)
            if q.spec.get("op") == "conv2d":
                break
            await pilot.press("enter")
            await settle(app)
        assert q.spec.get("op") == "conv2d" and screen.check_action("demo", ())
        assert "d" in screen.active_bindings  # shown in the footer
        await pilot.press("d")
        await pilot.pause()
        demo_screen = app.screen
        assert isinstance(demo_screen, DemoScreen) and demo_screen.demo is not None
        demo = demo_screen.demo
        np.testing.assert_array_equal(demo.x[0], np.array(q.spec["x"], dtype=float))
        assert demo.w is not None
        np.testing.assert_array_equal(demo.w[0], np.array(q.spec["w"], dtype=float))
        assert demo.settings["stride"] == q.spec.get("stride", 1)
        if q.answer.kind == "matrix":  # the demo's output is the answer
            np.testing.assert_allclose(demo.output, np.array(q.answer.value, dtype=float))
        await pilot.press("right")  # the demo steps as usual
        assert demo_screen.step == 1
        await pilot.press("escape")  # back to the verdict; Enter moves on
        assert app.screen is screen and screen.phase == "shown"
        await pilot.press("enter")
        await settle(app)
        assert screen.phase == "asking" and not screen.check_action("demo", ())


async def test_an_output_size_question_opens_its_layer_on_random_values(
        app_factory: MakeApp) -> None:
    app = app_factory(topics=["output-size"], length=12)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(app)
        for _ in range(12):
            await give_up(pilot, screen)
            if screen.demo is not None:
                break
            await pilot.press("enter")
            await settle(app)
        q, request = screen.question, screen.demo
        assert q is not None and request is not None and request.x is None
        await pilot.press("d")
        await pilot.pause()
        demo_screen = app.screen
        assert isinstance(demo_screen, DemoScreen) and demo_screen.demo is not None
        side = demo_screen.demo.x.shape[-1]
        assert side == request.size and str(side) in q.prompt  # the question's input size
        out = demo_screen.demo.output.shape[-1]
        if q.spec.get("ask") == "output" and q.answer.kind == "shape":
            assert out == q.answer.value[-1]  # the answer's width
