"""Settings: language rebuilds every screen, the theme shows live, learners switch, dates are
checked; what is saved is there when the app opens again."""

from __future__ import annotations

from textual.widgets import Input, Select

from cnnquiz.tui.screens.home import HomeScreen
from cnnquiz.tui.screens.settings import SettingsScreen
from cnnquiz.tui.screens.stats import StatsScreen
from cnnquiz.tui.screens.study import StudyScreen
from tests.tui.conftest import MakeApp, plain, settle
from tests.tui.test_study import attempts, right_answer, type_text


async def open_settings(app, pilot) -> SettingsScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("comma")
    await settle(app)
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def test_chinese_rebuilds_every_screen_and_is_kept(app_factory: MakeApp) -> None:
    app = app_factory(lang=None)
    async with app.run_test(size=(100, 32)) as pilot:
        await open_settings(app, pilot)
        await pilot.press("enter", "down", "enter")  # the language list: English -> 中文
        await pilot.press("ctrl+s")
        await settle(app)
        home = app.screen
        assert isinstance(home, HomeScreen) and app.lang == "zh"
        assert "按 Enter" in plain(home.query_one("#start"))
        assert {b.description for b in home._bindings.key_to_bindings["s"]} == {"统计"}
        assert [b.description for b in app._bindings.key_to_bindings["ctrl+q"]] == ["退出"]
        await pilot.press("s")
        await settle(app)
        assert isinstance(app.screen, StatsScreen)
        assert plain(app.screen.query(".section").first()) == "各主题正确率"
        await pilot.press("escape", "enter")
        await settle(app)
        study = app.screen
        assert isinstance(study, StudyScreen) and study.question is not None
        assert study.question.lang == "zh" and "第 1/" in plain(study.query_one("#where"))
    again = app_factory(lang=None)
    async with again.run_test(size=(100, 32)):
        await settle(again)
        assert again.lang == "zh" and "按 Enter" in plain(again.screen.query_one("#start"))


async def test_a_theme_shows_as_it_is_chosen_and_escape_puts_the_saved_one_back(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_settings(app, pilot)
        before = app.theme
        screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord"
        await pilot.press("escape")
        await settle(app)
        assert app.theme == before and isinstance(app.screen, HomeScreen)
        screen = await open_settings(app, pilot)
        screen.query_one("#theme", Select).value = "gruvbox"
        await pilot.press("ctrl+s")
        await settle(app)
    again = app_factory()
    async with again.run_test(size=(100, 32)):
        await settle(again)
        assert again.theme == "gruvbox"


async def test_a_new_learner_starts_afresh_and_the_first_one_is_a_choice_away(
        app_factory: MakeApp, db: str) -> None:
    app = app_factory(topics=["output-size"], length=1)
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(app)
        await pilot.press("enter")
        await settle(app)
        assert isinstance(app.screen, StudyScreen)
        await type_text(pilot, right_answer(app.screen))
        await pilot.press("enter")
        await settle(app)
        await pilot.press("escape")
        screen = await open_settings(app, pilot)
        screen.query_one("#new-learner", Input).focus()
        await type_text(pilot, "ana")
        await pilot.press("enter")
        await settle(app)
        assert app.services.learner == "ana"
        assert isinstance(app.screen, SettingsScreen)
        chooser = app.screen.query_one("#learner", Select)
        assert chooser.value == "ana" and {"ana", "default"} <= {
            str(v) for _, v in chooser._options}
        await pilot.press("escape")
        await settle(app)
        assert plain(app.screen.query_one("#answered")).startswith("0")  # ana's, not default's
        screen = await open_settings(app, pilot)
        screen.query_one("#learner", Select).value = "default"
        await settle(app)
        assert app.services.learner == "default"
        await pilot.press("escape")
        await settle(app)
        assert plain(app.screen.query_one("#answered")).startswith("1")
    assert len(attempts(db)) == 1


async def test_a_past_or_unreadable_interview_date_is_refused_where_it_was_typed(
        app_factory: MakeApp) -> None:
    app = app_factory()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        box = screen.query_one("#interview", Input)
        for bad in ("2026-11-25", "next week"):
            box.value = bad
            await pilot.press("ctrl+s")
            await settle(app)
            assert app.screen is screen and app.focused is box and box.has_class("-invalid")
            assert bad in plain(screen.query_one("#settings-error"))
        box.value = "2026-12-06"
        await pilot.press("ctrl+s")
        await settle(app)
        assert isinstance(app.screen, HomeScreen)
        assert app.services.application.interview_date().isoformat() == "2026-12-06"
        assert "10 days" in plain(app.screen.query_one("#interview"))


async def test_a_damaged_interview_date_in_the_store_is_reported_not_dropped(
        app_factory: MakeApp, db: str) -> None:
    """A saved date that is no date is an error the learner sees when the app opens (as
    `cnnquiz stats` reports it), not a plan quietly made without the interview."""
    from cnnquiz.store.db import open_store

    store = open_store(db)
    store.set_setting(store.learner_id("default"), "interview_date", "next tuesday")
    store.close()
    app = app_factory()
    async with app.run_test(size=(80, 24)):
        await settle(app)
        shown = [n.message for n in app._notifications]
        assert not app.ready
        assert any("interview_date" in m and "next tuesday" in m for m in shown), shown
