"""Whole study sessions driven by the keyboard, read back from the store."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import create_engine, select

from cnnquiz.questions.answer_text import answer_text
from cnnquiz.questions.grading import grade
from cnnquiz.store.models import Attempt
from cnnquiz.tui.screens.study import StudyScreen
from cnnquiz.tui.widgets.verdict import VerdictPanel
from tests.tui.conftest import MakeApp, settle, start_session


def attempts(db: str) -> list[Attempt]:
    engine = create_engine(f"sqlite:///{db}")
    from sqlalchemy.orm import Session

    with Session(engine) as s:
        rows = list(s.scalars(select(Attempt).order_by(Attempt.id)))
    engine.dispose()
    return rows


def right_answer(screen: StudyScreen) -> str:
    q = screen.question
    assert q is not None
    text = answer_text(q.answer)
    assert grade(q, text).verdict == "correct", (q.code, text)
    return text


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    for ch in text:
        await pilot.press("space" if ch == " " else ch)


async def test_enter_starts_a_session_and_answers_are_saved_before_the_verdict(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=3)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.question is not None
        assert app.focused is screen.query_one("#answer")
        answer = right_answer(screen)
        await type_text(pilot, answer)
        await pilot.press("enter")
        await settle(app)
        assert screen.phase == "shown"
        saved = attempts(db)
        assert [a.verdict for a in saved] == ["correct"]
        assert saved[0].code == screen.question.code
        line = screen.query_one(VerdictPanel).query_one("#line").render()
        assert "Correct" in str(line)


async def test_a_wrong_answer_names_the_mistake_and_shows_the_solution(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.question is not None
        q = screen.question
        assert q.mistakes, "output-size questions know their typical mistakes"
        mistake = q.mistakes[0]
        await type_text(pilot, answer_text(replace(q.answer, value=mistake.value)))
        await pilot.press("enter")
        await settle(app)
        saved = attempts(db)[-1]
        assert saved.verdict == "wrong" and saved.mistake is not None
        panel = screen.query_one(VerdictPanel)
        assert "Wrong" in str(panel.query_one("#line").render())
        assert panel.query_one("#steps").display
        await pilot.press("enter")
        await settle(app)
        assert screen.question is not None and screen.question.code != q.code


async def test_unreadable_answer_keeps_the_question_and_reveals_nothing(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(app)
        code = screen.question.code if screen.question else None
        await type_text(pilot, "banana")
        await pilot.press("enter")
        await settle(app)
        assert screen.phase == "asking" and screen.question is not None
        assert screen.question.code == code
        panel = screen.query_one(VerdictPanel)
        assert not panel.query_one("#steps").display
        assert [a.verdict for a in attempts(db)] in ([], ["unreadable"])


async def test_give_up_is_saved_as_wrong_and_hint_shows_the_first_step(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["receptive-field"], length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        screen = app.screen
        assert isinstance(screen, StudyScreen) and screen.question is not None
        await pilot.press("ctrl+g")
        first = screen.question.solution[0].split("\n\n")[0].rstrip(":")
        shown = screen.query_one(VerdictPanel).query_one("#steps")._markdown
        assert shown and shown.split("=")[0] == first.split("=")[0]  # its start, maybe masked
        await pilot.press("question_mark")
        await pilot.press("enter")
        await settle(app)
        assert [a.verdict for a in attempts(db)] == ["wrong"]


async def test_quit_mid_session_keeps_answers_and_reopening_shows_them(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=5)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(app)
        await type_text(pilot, right_answer(screen))
        await pilot.press("enter")
        await settle(app)
        await pilot.press("ctrl+q")
    assert len(attempts(db)) == 1
    again = app_factory(topics=["output-size"])
    async with again.run_test(size=(100, 32)) as pilot:
        await settle(again)
        tile = str(again.screen.query_one("#answered").render())
        assert "1" in tile and "100%" in tile
