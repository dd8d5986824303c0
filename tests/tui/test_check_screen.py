"""The check screen: a printed set's code and typed answers give the report, saved as practice."""

from __future__ import annotations

from textual.widgets import Input, Markdown, Static, Switch, TextArea

from cnnquiz.tui.screens.check import CheckScreen
from tests.tui.conftest import MakeApp, plain, right_text, settle, typed


async def test_typed_answers_are_graded_and_saved(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        [(_, qset)] = app.services.application.build_sets(["output-size"], count=3, seed=5)
        scored = [n for n, q in enumerate(qset.questions, 1) if q.answer.kind != "text"]
        miss = next(n for n in scored if qset.questions[n - 1].mistakes)
        second = qset.questions[miss - 1]
        await pilot.press("k")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        screen.query_one("#ck-code", Input).value = qset.code
        wrong = typed(second, second.mistakes[0].value)  # a named mistake
        screen.query_one("#ck-answers", TextArea).text = "\n".join(
            f"{n}: {wrong if n == miss else right_text(q)}"
            for n, q in enumerate(qset.questions, 1))
        await pilot.press("ctrl+s")
        await settle(app)
        score = f"Score {len(scored) - 1}/{len(scored)}"
        assert score in plain(screen.query_one("#ck-status", Static))
        report = screen.query_one("#ck-result", Markdown).source
        assert qset.code in report and score in report
        assert "✗ wrong" in report and report.count("✓ correct") == len(scored) - 1
        assert f"expected: {right_text(second)}" in report.replace("**", "")
        assert "Mistake:" in report and "solution:" in report.lower()
        assert "answers saved as practice:" in report


async def test_dont_record_and_an_unknown_code_says_why(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app)
        await pilot.press("k")
        await settle(app)
        screen = app.screen
        screen.query_one("#ck-code", Input).value = "not-a-code"
        screen.query_one("#ck-answers", TextArea).text = "1: 3\n"
        await pilot.click("#ck-check")
        await settle(app)
        assert "Error:" in plain(screen.query_one("#ck-status", Static))
        [(_, qset)] = app.services.application.build_sets(["pooling"], count=1, seed=2)
        screen.query_one("#ck-code", Input).value = qset.code
        screen.query_one("#ck-record", Switch).value = False
        await pilot.click("#ck-check")
        await settle(app)
        assert "Not saved as practice." in screen.query_one("#ck-result", Markdown).source


async def test_d_replays_a_checked_question_in_its_demo(app_factory: MakeApp) -> None:
    from textual.widgets import OptionList

    from cnnquiz.tui.screens.demo import DemoScreen
    from cnnquiz.tui.screens.demo_picker import DemoPicker

    app = app_factory()
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app)
        from cnnquiz.demos.from_spec import demo_request

        for seed in range(20):  # a set where some questions, not all, have a demo
            [(_, qset)] = app.services.application.build_sets(["conv-by-hand", "pooling"],
                                                              count=8, seed=seed)
            ops = [(n, q) for n, q in enumerate(qset.questions, 1) if demo_request(q.spec)]
            if 2 <= len(ops) < len(qset.questions) and any("x" in q.spec for _, q in ops[1:]):
                break
        else:
            raise AssertionError("no set with a choice of demos")
        await pilot.press("k")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, CheckScreen)
        assert not screen.check_action("demo", ())  # nothing to replay before a report
        screen.query_one("#ck-code", Input).value = qset.code
        screen.query_one("#ck-answers", TextArea).text = "1: 0\n"
        await pilot.press("ctrl+s")
        await settle(app)
        assert screen.check_action("demo", ()) and "d" in screen.active_bindings
        await pilot.press("d")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, DemoPicker)
        lines = [str(o.prompt) for o in picker.query_one(OptionList).options]
        assert [int(text.split(".")[0]) for text in lines] == [n for n, _ in ops]
        n, q = next((n, q) for n, q in ops[1:] if "x" in q.spec)
        line = next(i for i, text in enumerate(lines) if text.startswith(f"{n}. "))
        await pilot.press(*["down"] * line, "enter")
        await pilot.pause()
        demo = app.screen
        assert isinstance(demo, DemoScreen) and demo.demo is not None
        import numpy as np

        np.testing.assert_array_equal(demo.demo.x[0], np.array(q.spec["x"], dtype=float))
        await pilot.press("escape")  # back to the report
        assert app.screen is screen and screen.check_action("demo", ())
        await pilot.press("e")  # editing the answers: no demo key
        assert not screen.check_action("demo", ())
