"""Save the README's picture of the study screen: python docs/screenshot.py

A by-hand convolution answered with the flipped kernel, so the picture shows the
matrices side by side, the verdict, the mistake named in words and the worked
solution. Fixed clock, seed and store, so the picture only changes with the app.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cnnquiz.tui import make_app  # noqa: E402
from cnnquiz.tui.screens.study import StudyScreen  # noqa: E402

NOW = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
SIZE = (100, 27)


async def main(out: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(str(Path(tmp) / "progress.sqlite3"), "en", now=lambda: NOW, seed=7,
                       topics=["conv-by-hand"])
        async with app.run_test(size=SIZE) as pilot:
            app.animation_level = "none"
            await _idle(app, pilot)
            await pilot.press("enter")
            await _idle(app, pilot)
            screen = app.screen
            assert isinstance(screen, StudyScreen) and screen.question is not None
            flipped = next(m for m in screen.question.mistakes if m.name == "flipped-kernel")
            await pilot.press(*str(flipped.value))
            await pilot.press("enter")
            await _idle(app, pilot)
            screen.query_one("#answer").cursor_blink = False
            await pilot.pause(0.2)
            out.write_text(app.export_screenshot(title="cnnquiz"))


async def _idle(app, pilot) -> None:  # type: ignore[no-untyped-def]
    from textual.worker import WorkerState

    for _ in range(1200):
        await pilot.pause(0.05)
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            await pilot.pause(0.1)
            return
    raise SystemExit("the app did not settle")


if __name__ == "__main__":
    asyncio.run(main(ROOT / "docs" / "study.svg"))
