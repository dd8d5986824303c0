"""The app's module imports nothing slow, and home's first frame is drawn before the store,
the bank or the templates load (checked in a fresh interpreter, where imports are real)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SLOW = ("sqlalchemy", "numpy", "yaml", "fsrs", "cnnquiz.store", "cnnquiz.bank",
        "cnnquiz.questions")

SCRIPT = """
import asyncio, json, sys
from cnnquiz.tui.app import CnnquizApp, make_app

SLOW = {slow!r}
report = {{"at_import": [m for m in SLOW if m in sys.modules]}}
draw = CnnquizApp._display

def display(self, screen, renderable):
    if renderable is not None and type(screen).__name__ == "HomeScreen":
        report.setdefault("at_first_frame", [m for m in SLOW if m in sys.modules])
    return draw(self, screen, renderable)

CnnquizApp._display = display
app = make_app(sys.argv[1], "en")

async def main():
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(1200):
            await pilot.pause(0.05)
            if app.ready:
                break
    report["ready"] = app.ready
    report["at_end"] = [m for m in SLOW if m in sys.modules]

asyncio.run(main())
print(json.dumps(report))
"""


def test_nothing_slow_is_imported_before_home_is_drawn(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    run = subprocess.run([sys.executable, "-c", SCRIPT.format(slow=SLOW),
                          str(tmp_path / "progress.sqlite3")],
                         capture_output=True, text=True, env=env, timeout=300, check=True)
    report = json.loads(run.stdout.strip().splitlines()[-1])
    assert report["at_import"] == []
    assert report["at_first_frame"] == []
    assert report["ready"] and "sqlalchemy" in report["at_end"]  # then the store did open
