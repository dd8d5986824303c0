"""Checking a sheet through the application (what the CLI and the app's check screen
call): a set code or file plus the sheet's text in, a report out, saved as practice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cnnquiz.application import Settings, open_application
from cnnquiz.errors import CnnquizError
from cnnquiz.questions import generate

SHORT = "bank:conv1d-two-trains"  # a short concept question of the shipped bank


def _set_file(tmp_path: Path) -> tuple[Path, list[dict]]:
    qs = [generate.make("conv.output_size", 2, 5), generate.make("params.linear", 1, 8)]
    with open_application(Settings()) as app:
        items = [q.to_json(n) for n, q in enumerate([*qs, app.question(SHORT)], 1)]
    path = tmp_path / "set.json"
    path.write_text(json.dumps({"code": "s1.0.3.0.x", "questions": items}), encoding="utf-8")
    return path, items


def test_a_checked_sheet_is_saved_as_reviews_of_its_skills(settings: Settings, tmp_path: Path) -> None:
    path, items = _set_file(tmp_path)
    c, h, w = items[0]["answer"]["value"]
    sheet = f"# train notes\n1: {c}x{h}x{w}\n2: 1\n3: a sliding dot product\n"
    with open_application(settings) as app:
        report = app.check(str(path), sheet)
        assert [v.verdict for _, v in report.results] == ["correct", "wrong", "self"]
        assert app.record_check(report) == 2  # the short answer is not practice of anything
        stats = app.stats()
    assert (stats.attempts, stats.correct) == (2, 1)
    assert set(stats.by_topic) == {items[0]["topic"], items[1]["topic"]}


def test_nothing_graded_saves_nothing(settings: Settings, tmp_path: Path) -> None:
    path, _ = _set_file(tmp_path)
    with open_application(settings) as app:
        assert app.record_check(app.check(str(path), "3: my own words\n")) == 0
        assert app.stats().attempts == 0


@pytest.mark.parametrize(("ref", "message"), [
    ("nofile.json", "set file nofile.json does not exist"),
    ("sets/week1", "set file sets/week1 does not exist"),
    ("bogus", "neither a set file nor a set code"),
])
def test_a_set_that_is_not_there_is_named(settings: Settings, ref: str, message: str) -> None:
    with open_application(settings) as app, pytest.raises(CnnquizError, match=message):
        app.check(ref, "1: 3\n")
