"""What the learner sees, screen by screen, at 80x24 and 120x40, in English and Chinese.

Runs repeat exactly: a fixed clock and seed, a fresh store (with two weeks of
seeded study where progress is shown), no animation and no cursor blink. The
SVGs under __snapshots__ are the accepted screens; after a deliberate change,
look at them (`--snapshot-report`) and rerun with `--snapshot-update`.
Snapshots are tied to the Textual and Rich versions pinned in the test extra.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, TextArea

from cnnquiz.tui import make_app
from cnnquiz.tui.screens.demo import DemoScreen
from cnnquiz.tui.screens.study import StudyScreen
from tests.tui.conftest import NOW, press, right_text, seed_progress, settle, typed

SIZES = {"80x24": (80, 24), "120x40": (120, 40)}
Steps = Callable[[Pilot[None]], Awaitable[None]]


async def nothing(pilot: Pilot[None]) -> None:
    return None


async def question(pilot: Pilot[None]) -> None:
    await press(pilot, "enter")


async def verdict(pilot: Pilot[None]) -> None:
    await press(pilot, "enter")
    screen = pilot.app.screen
    assert isinstance(screen, StudyScreen) and screen.question is not None
    q = screen.question
    for ch in typed(q, q.mistakes[0].value):  # a named mistake, with its solution
        await pilot.press(ch)
    await press(pilot, "enter")


async def done(pilot: Pilot[None]) -> None:
    await press(pilot, "enter")
    for _ in range(2):  # one given up, one answered by its letter (or given up too)
        screen = pilot.app.screen
        assert isinstance(screen, StudyScreen) and screen.question is not None
        single = screen.question.options and isinstance(screen.question.answer.value, str)
        await press(pilot, *(("a",) if single else ("question_mark", "enter")))
        await press(pilot, "enter")


async def stats(pilot: Pilot[None]) -> None:
    await press(pilot, "s")


async def settings(pilot: Pilot[None]) -> None:
    await press(pilot, "comma")


async def topics(pilot: Pilot[None]) -> None:
    await press(pilot, "t")


async def check(pilot: Pilot[None]) -> None:
    """A printed set of four checked: a named mistake, an unreadable line, the rest right."""
    app = pilot.app
    [(_, qset)] = app.services.application.build_sets(["output-size"], count=4, seed=5)  # type: ignore[attr-defined]
    await press(pilot, "k")
    miss = next(n for n, q in enumerate(qset.questions, 1) if q.mistakes)
    lost = next(n for n, q in enumerate(qset.questions, 1) if n != miss and q.answer.kind != "text")
    given = {miss: typed(qset.questions[miss - 1], qset.questions[miss - 1].mistakes[0].value),
             lost: "lots"}
    app.screen.query_one("#ck-code", Input).value = qset.code
    app.screen.query_one("#ck-answers", TextArea).text = "\n".join(
        f"{n}: {given.get(n) or right_text(q)}" for n, q in enumerate(qset.questions, 1))
    await press(pilot, "ctrl+s")


async def interview(pilot: Pilot[None]) -> None:
    await press(pilot, "i")


async def scorecard(pilot: Pilot[None]) -> None:
    """An interview of two questions: main questions answered right, follow-ups given up."""
    await press(pilot, "i")
    screen = pilot.app.screen
    screen.query_one("#iv-count", Input).value = "2"
    screen.query_one("#iv-minutes", Input).value = ""
    await pilot.click("#iv-start")
    await settle(pilot.app)  # type: ignore[arg-type]
    for _ in range(4):  # two questions, each may have a follow-up
        asked = screen.asked  # type: ignore[attr-defined]
        given = "?" if asked.followup else right_text(asked.question)
        screen.query_one("#iv-answer", Input).value = given
        await press(pilot, "enter")
        if screen.finished:  # type: ignore[attr-defined]
            break
    assert screen.finished  # type: ignore[attr-defined]


async def demo(pilot: Pilot[None]) -> None:
    """The issue's 5x5 convolution with stride 2 and padding 1, three steps in."""
    await press(pilot, "d")
    screen = pilot.app.screen
    screen.query_one("#demo-stride", Input).value = "2"
    screen.query_one("#demo-padding", Input).value = "1"
    await settle(pilot.app)  # type: ignore[arg-type]
    pilot.app.set_focus(None)
    await press(pilot, "right", "right")


async def trains(pilot: Pilot[None]) -> None:
    """conv1d's two trains with padding 1, the kernel three cars on."""
    pilot.app.push_screen(DemoScreen("conv1d", padding=1))
    await press(pilot, "right", "right", "right")


async def calc(pilot: Pilot[None]) -> None:
    await press(pilot, "c")
    pilot.app.screen.query_one("#calc-network", Select).value = "alexnet"
    await settle(pilot.app)  # type: ignore[arg-type]


async def edges(pilot: Pilot[None]) -> None:
    await press(pilot, "d", "e", "3")  # the Laplacian


# screen -> (seed progress first, app options, steps from home)
SCREENS: dict[str, tuple[bool, dict[str, Any], Steps]] = {
    "home": (True, {}, nothing),
    "question": (False, {"topics": ["conv-by-hand"]}, question),
    "verdict": (False, {"topics": ["conv1d"]}, verdict),
    "done": (False, {"topics": ["conv1d"], "length": 2}, done),
    "stats": (True, {}, stats),
    "settings": (False, {}, settings),
    "topics": (False, {"topics": ["pooling", "dropout"]}, topics),
    "check": (False, {}, check),
    "interview": (True, {}, interview),
    "scorecard": (False, {}, scorecard),
    "demo": (False, {}, demo),
    "trains": (False, {}, trains),
    "calc": (False, {}, calc),
    "edges": (False, {}, edges),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare: Callable[..., bool], tmp_path: Path, screen: str, size: str,
                lang: str) -> None:
    progress, options, steps = SCREENS[screen]
    db = str(tmp_path / "progress.sqlite3")
    if progress:
        seed_progress(db)
    app = make_app(db, lang, now=lambda: NOW, seed=7, **options)  # type: ignore[arg-type]

    async def run_before(pilot: Pilot[None]) -> None:
        app.animation_level = "none"
        await settle(app)
        await steps(pilot)
        for box in app.screen.query(Input):
            box.cursor_blink = False
        await settle(app)

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)


def test_every_snapshot_file_is_a_screen_of_this_file() -> None:
    """No stale pictures: one SVG per screen, size and language. syrupy's own check for unused
    snapshots is skipped under pytest-xdist, which the README's test command uses."""
    folder = Path(__file__).parent / "__snapshots__" / "test_snapshots"
    wanted = {f"test_screen[{screen}-{size}-{lang}].svg"
              for screen in SCREENS for size in SIZES for lang in ("en", "zh")}
    assert {p.name for p in folder.iterdir()} == wanted
