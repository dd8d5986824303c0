"""The interview screen: a count-based interview answered through the app ends in a
scorecard and a review, and every answer is in the store."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, Markdown, Static

from cnnquiz.tui.screens.interview import InterviewScreen, mm_ss
from tests.tui.conftest import MakeApp, plain, right_text, settle


async def start_interview(pilot: Pilot[None], count: int) -> InterviewScreen:
    """From home once the store is open: i, then an interview of `count` main questions."""
    await settle(pilot.app)
    await pilot.press("i")
    await settle(pilot.app)
    screen = pilot.app.screen
    assert isinstance(screen, InterviewScreen)
    screen.query_one("#iv-count", Input).value = str(count)
    screen.query_one("#iv-minutes", Input).value = ""
    await pilot.click("#iv-start")
    await settle(pilot.app)
    return screen


async def test_two_questions_answered_then_scorecard_and_review(app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await start_interview(pilot, count=2)
        assert screen.iv is not None and screen.asked is not None
        assert "Q1" in plain(screen.query_one("#iv-head", Static))
        first = screen.asked.question
        box = screen.query_one("#iv-answer", Input)
        assert box.has_focus
        box.value = "not a number at all"
        await pilot.press("enter")
        await settle(app)
        status = plain(screen.query_one("#iv-status", Static))
        if first.answer.kind != "text":  # an unreadable answer is asked again, with its reason
            assert "try again" in status and screen.asked.question is first
        answered = 0
        while not screen.finished:
            asked = screen.asked
            assert asked is not None
            if asked.followup:
                assert "follow-up" in plain(screen.query_one("#iv-head", Static))
            screen.query_one("#iv-answer", Input).value = right_text(asked.question)
            await pilot.press("enter")
            await settle(app)
            answered += 1
            if not screen.finished:
                assert "noted" in plain(screen.query_one("#iv-status", Static))
                assert "solution" not in plain(screen.query_one("#iv-status", Static)).lower()
        await settle(app)
        card = screen.query_one("#iv-result", Markdown).source
        assert "score 2/2 (100%)" in card and "scorecard" in card and "review" in card
        assert "solution:" in card and first.code in card
        assert "Interview over" in plain(screen.query_one("#iv-status", Static))
        await pilot.press("escape")
        assert not isinstance(app.screen, InterviewScreen)
        assert count_attempts(app) == answered + (first.answer.kind != "text")


def count_attempts(app) -> int:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from cnnquiz.store.models import Attempt

    with app.services.application.store().reading() as s:
        return int(s.scalar(select(func.count()).select_from(Attempt)) or 0)


def test_the_clock_reads_minutes_and_seconds_left() -> None:
    assert mm_ss(15 * 60) == "15:00" and mm_ss(61.2) == "01:02" and mm_ss(0) == "00:00"


async def test_d_on_the_scorecard_replays_a_reviewed_question(app_factory: MakeApp) -> None:
    from cnnquiz.demos.from_spec import demo_request
    from cnnquiz.tui.screens.demo import DemoScreen
    from cnnquiz.tui.screens.demo_picker import DemoPicker

    app = app_factory()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_interview(pilot, count=4)
        asked = []
        while not screen.finished:
            assert screen.asked is not None and not screen.check_action("demo", ())
            assert screen.check_action("end", ())  # ctrl+t ends a running interview
            asked.append(screen.asked.question)
            screen.query_one("#iv-answer", Input).value = right_text(screen.asked.question)
            await pilot.press("enter")
            await settle(app)
        await settle(app)
        assert not screen.check_action("end", ()) and "ctrl+t" not in screen.active_bindings
        with_demo = [q for q in asked if demo_request(q.spec) is not None]
        assert len(with_demo) >= 2  # the fixed seed's interview asks some: a picker
        assert screen.check_action("demo", ()) and "d" in screen.active_bindings
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DemoPicker)
        await pilot.press("enter")  # the first reviewed question with a demo
        await pilot.pause()
        demo = app.screen
        assert isinstance(demo, DemoScreen) and demo.demo is not None
        assert demo.given == demo_request(with_demo[0].spec)  # that question's numbers
        await pilot.press("escape")
        assert app.screen is screen
