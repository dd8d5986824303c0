"""The stats screen after two weeks of study: words instead of ids, and `p` to practise."""

from __future__ import annotations

from cnnquiz.questions.mistakes import CATALOG
from cnnquiz.store.labels import mistake_label
from cnnquiz.tui.screens.stats import StatsScreen
from cnnquiz.tui.screens.study import StudyScreen
from cnnquiz.tui.services import WEAKEST
from cnnquiz.tui.widgets.daybars import bar_rows
from tests.tui.conftest import MakeApp, plain, seed_progress, settle


async def open_stats(app, pilot) -> StatsScreen:  # type: ignore[no-untyped-def]
    await settle(app)
    await pilot.press("s")
    await settle(app)
    assert isinstance(app.screen, StatsScreen)
    return app.screen


async def test_mistakes_and_skills_read_as_words_and_p_practises_exactly_those(
        app_factory: MakeApp, db: str) -> None:
    seed_progress(db)
    app = app_factory()
    async with app.run_test(size=(120, 40)) as pilot:
        stats = await open_stats(app, pilot)
        accuracy = plain(stats.query_one("#accuracy"))
        assert "Output size" in accuracy and "Pooling" in accuracy and "%" in accuracy
        mistakes = plain(stats.query_one("#mistakes"))
        assert "×" in mistakes and not any(slug in mistakes for slug in CATALOG)
        assert mistake_label("forgot-plus-one", "en") in mistakes
        weakest = plain(stats.query_one("#weakest"))
        assert len(stats.weakest) == WEAKEST and "@" not in weakest and ", level " in weakest
        chart = plain(stats.query_one("#activity")).splitlines()
        assert chart[0].split()[0] == str(max(app.services.activity()))  # the scale's top
        assert "·" in chart[-2] and chart[-1].split() == ["10-28", "11-26"]  # 30 days to NOW
        await pilot.press("p")
        await settle(app)
        study = app.screen
        assert isinstance(study, StudyScreen) and study.loop is not None
        assert {s.key for s in study.loop.skills} == set(stats.weakest)
        assert study.question is not None and study.question.skill in stats.weakest


async def test_without_progress_every_list_says_nothing_yet_in_chinese(
        app_factory: MakeApp) -> None:
    app = app_factory(lang="zh")
    async with app.run_test(size=(80, 24)) as pilot:
        stats = await open_stats(app, pilot)
        assert "暂无" in plain(stats.query_one("#mistakes"))
        assert "暂无" in plain(stats.query_one("#weakest"))
        await pilot.press("p")  # nothing to practise: stays here
        await settle(app)
        assert app.screen is stats


def test_day_bars_tell_small_counts_apart_and_mark_empty_days() -> None:
    rows = bar_rows([0, 1, 4, 8], rows=2, bar=1, gap=0)
    assert rows == ["   █", "·▂██"]
