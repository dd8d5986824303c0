"""Sessions of choice, concept and hinted questions driven by keys, read back from the store."""

from __future__ import annotations

from cnnquiz.tui.screens.study import StudyScreen
from cnnquiz.tui.widgets.choices import Choices
from cnnquiz.tui.widgets.summary import SessionDone
from cnnquiz.tui.widgets.verdict import VerdictPanel
from tests.tui.conftest import MakeApp, plain, settle, start_session
from tests.tui.test_study import attempts, right_answer, type_text

SINGLE = "bank:conv1d-full-length"  # one right option (written first)
MULTI = "bank:dropout-1000-units"  # several (written first and third)
CONCEPT = "bank:conv1d-two-trains"  # a short answer, self-rated


async def study(app, pilot, *skills: str) -> StudyScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    app.action_study(list(skills))
    await settle(app)
    screen = app.screen
    assert isinstance(screen, StudyScreen) and screen.question is not None
    return screen


def shown(screen: StudyScreen, written: str) -> str:
    """The letter the option written `written`-th in the bank file is shown under (each
    instance draws its own order); it names its mistake `bank:<id>:<written>`."""
    assert screen.question is not None
    return next(str(m.value) for m in screen.question.mistakes
                if m.name == f"{screen.question.skill}:{written}")


def text_of(screen: StudyScreen, selector: str) -> str:
    return plain(screen.query_one(VerdictPanel).query_one(selector))


async def test_a_letter_key_answers_a_single_choice_at_once(app_factory: MakeApp,
                                                              db: str) -> None:
    app = app_factory(length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await study(app, pilot, SINGLE)
        assert screen.question is not None and screen.question.skill == SINGLE
        options = screen.query_one(Choices)
        assert options.display and "n + m - 1" in plain(options)
        assert ". n + m - 1" not in plain(screen.query_one("#prompt"))  # once, as keys
        valid, other = shown(screen, "C"), shown(screen, "B")  # two wrong options
        await pilot.press(valid.lower())  # no Enter
        await settle(app)
        assert screen.phase == "shown"
        (saved,) = attempts(db)
        assert (saved.verdict, saved.given, saved.mistake) == ("wrong", valid,
                                                               f"{SINGLE}:C")
        why = text_of(screen, "#why")
        assert why.startswith(f"{valid}: ") and "valid" in why
        steps = text_of(screen, "#steps")
        assert f"**{other}** (wrong)" in steps and f"**{valid}** (wrong)" not in steps  # once
        assert "✗" in plain(options) and "✓" in plain(options)


async def test_a_multi_answer_choice_is_typed_and_entered(app_factory: MakeApp,
                                                          db: str) -> None:
    app = app_factory(length=1)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await study(app, pilot, MULTI)
        assert screen.question is not None
        first, second = (x.lower() for x in screen.question.answer.value)
        await pilot.press(first)
        await settle(app)
        assert screen.phase == "asking" and not attempts(db)  # waits for the rest
        await type_text(pilot, f" {second}")
        await pilot.press("enter")
        await settle(app)
        assert [(a.verdict, a.given) for a in attempts(db)] == [("correct", f"{first} {second}")]


async def test_a_concept_is_revealed_then_rated_by_one_digit(app_factory: MakeApp,
                                                             db: str) -> None:
    app = app_factory(length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await study(app, pilot, CONCEPT)
        await type_text(pilot, "two trains passing")
        await pilot.press("enter")
        await settle(app)
        assert screen.phase == "rating" and not attempts(db)
        assert "n + m - 1" in text_of(screen, "#steps")  # the model answer, before rating
        await pilot.press("2")
        await settle(app)
        (saved,) = attempts(db)
        assert (saved.verdict, saved.rating, saved.given) == ("wrong", 2, "two trains passing")
        assert "2" in text_of(screen, "#line")


async def test_a_concept_given_up_is_wrong_whatever_follows(app_factory: MakeApp,
                                                            db: str) -> None:
    app = app_factory(length=1)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await study(app, pilot, CONCEPT)
        await pilot.press("question_mark", "enter")
        await settle(app)
        assert screen.phase == "shown"
        await pilot.press("4")
        await settle(app)
        assert [(a.verdict, a.rating) for a in attempts(db)] == [("wrong", 1)]


async def test_a_hint_is_shown_and_a_right_answer_after_it_is_saved_as_hard(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=1)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await start_session(app)
        await pilot.press("ctrl+g")
        assert "Hint" in text_of(screen, "#line") and text_of(screen, "#steps").strip()
        await type_text(pilot, right_answer(screen))
        await pilot.press("enter")
        await settle(app)
        (saved,) = attempts(db)
        assert (saved.verdict, saved.rating) == ("correct", 2)
        assert "hint" in text_of(screen, "#line")


async def test_the_last_answer_leads_to_a_summary_then_home(app_factory: MakeApp,
                                                            db: str) -> None:
    app = app_factory(length=2)
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await study(app, pilot, SINGLE, MULTI)
        for _ in range(2):
            await pilot.press("question_mark", "enter")
            await settle(app)
            await pilot.press("enter")
            await settle(app)
        assert screen.phase == "done"
        done = screen.query_one(SessionDone)
        head = plain(done.query_one("#done-head"))
        assert done.display and "0 of 2" in head
        assert "answers shown: 2" in plain(done.query_one("#done-help"))
        await pilot.press("enter")
        await settle(app)
        assert not isinstance(app.screen, StudyScreen)
        assert len(attempts(db)) == 2


async def test_page_keys_scroll_a_long_answer_while_the_box_keeps_the_focus(
        app_factory: MakeApp) -> None:
    app = app_factory(length=1)
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await study(app, pilot, CONCEPT)
        await type_text(pilot, "trains")
        await pilot.press("enter")
        await settle(app)
        qa = screen.query_one("#qa")
        top = qa.scroll_y
        await pilot.press("pagedown")
        await settle(app)
        down = qa.scroll_y
        assert down > top and app.focused is screen.query_one("#answer")
        await pilot.press("pageup")
        await settle(app)
        assert qa.scroll_y < down
