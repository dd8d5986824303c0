"""`drill --network`: questions about one network, answered and saved like any drill, their
codes shown again by `show` (a network from a file needs `--network FILE`)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cnnquiz.application import Settings, open_application
from cnnquiz.cli.main import app
from cnnquiz.errors import CnnquizError
from cnnquiz.study.linemode import Drill

PRINTED = Path(__file__).parents[1] / "engine" / "fixtures" / "alexnet.txt"


class Answering(io.StringIO):
    """stdin that answers each question right, reading its code from what was printed."""

    def __init__(self, out: io.StringIO, answer: object) -> None:
        super().__init__()
        self.out, self.answer = out, answer

    def readline(self, size: int | None = -1) -> str:
        last = [json.loads(x) for x in self.out.getvalue().splitlines()
                if x.startswith('{"event": "question"')]
        return f"{self.answer(last[-1]['code'])}\n" if last else ""


def test_a_drill_about_alexnet_is_answered_saved_and_shown_again(settings: Settings) -> None:
    with open_application(settings) as application:
        chosen = application.network("alexnet")
        assert chosen.notices == ()
        loop = application.study_network(chosen.case, count=6)

        def right(code: str) -> str:
            value = application.question(code).answer.value
            return "x".join(map(str, value)) if isinstance(value, list) else str(value)

        out = io.StringIO()
        Drill(loop, Answering(out, right), out, jsonl=True).run()
        events = [json.loads(x) for x in out.getvalue().splitlines()]
        asked = [e for e in events if e["event"] == "question"]
        assert len(asked) == 6 and all(e["code"].endswith(".alexnet") for e in asked)
        assert {e["topic"] for e in asked} == {"output-size", "params", "macs", "receptive-field"}
        assert events[-1] == {"event": "end", "answered": 6, "correct": 6}
        stats = application.stats()
        assert stats.attempts == 6 and stats.correct == 6


def test_a_printed_model_drill_from_the_command_line(tmp_path: Path) -> None:
    db = str(tmp_path / "p.sqlite")
    result = CliRunner().invoke(app, ["--db", db, "drill", "--network", str(PRINTED), "--count",
                                      "2", "--jsonl"], input="?\n?\n")
    assert result.exit_code == 0, result.output
    notice, warning = result.stderr.splitlines()
    assert "using 3x224x224" in notice and warning.startswith("warning: flatten assumed")
    events = [json.loads(x) for x in result.stdout.splitlines()]
    code = events[0]["code"]
    assert "Your printed model `AlexNet`" in events[0]["prompt"]
    assert [e["verdict"] for e in events if e["event"] == "verdict"] == ["wrong", "wrong"]
    shown = CliRunner().invoke(app, ["show", code, "--network", str(PRINTED), "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["prompt"] == events[0]["prompt"]
    bare = CliRunner().invoke(app, ["show", code])
    assert isinstance(bare.exception, CnnquizError)
    assert f"cnnquiz show {code} --network FILE" in str(bare.exception)


@pytest.mark.parametrize(("args", "needle"), [
    (["--network", "no-such-net"], "neither a built-in network (lenet5, "),
    (["--network", "alexnet", "--topic", "params"], "--topic and --network do not go together"),
    (["--input", "3x32x32"], "--input goes with --network"),
    (["--network", "alexnet", "--input", "3x8x8"], "output size 0x0 is below 1"),
])
def test_bad_network_options_are_user_errors(tmp_path: Path, args: list[str], needle: str) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "p.sqlite"), "drill", *args])
    assert isinstance(result.exception, CnnquizError), result.output
    assert needle in str(result.exception)
