"""`cnnquiz check` as a new user meets it: stdin, comments, repeats, missing files, the
rendered report, and the answers saved as practice."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run


def _set(cli: Run, tmp_path: Path) -> dict:
    out = cli("print", "--count", "8", "--seed", "11", "--topic", "output-size", "--level", "2",
              "-o", str(tmp_path / "set.json"))
    assert out.returncode == 0, out.stderr
    return json.loads((tmp_path / "set.json").read_text())


def _mistaken(cli: Run, data: dict) -> tuple[int, str, dict]:
    """A question with a catalogued mistake: its number, the mistaken answer, the mistake."""
    for n, q in enumerate(data["questions"], 1):
        shown = json.loads(cli("show", q["code"], "--json").stdout)
        named = [m for m in shown.get("mistakes", []) if not m["name"].startswith("bank:")]
        if named:
            m = named[0]
            value = m["value"]
            written = "x".join(map(str, value)) if isinstance(value, list) else str(value)
            return n, written, m
    raise AssertionError("no question with a catalogued mistake")


def test_report_names_the_mistake_and_shows_the_solution_rendered(cli: Run, tmp_path: Path) -> None:
    data = _set(cli, tmp_path)
    n, written, mistake = _mistaken(cli, data)
    sheet = f"# done on the train\n{n}: {written} # not sure\n"
    out = cli("check", str(tmp_path / "set.json"), "-", "--no-record", input=sheet)
    assert out.returncode == 0, out.stderr
    assert "Score 0/" in out.stdout and f"{n}. ✗ wrong" in out.stdout
    assert "expected:" in out.stdout and "Mistake:" in out.stdout and "Solution:" in out.stdout
    assert mistake["explanation"][:40] in " ".join(out.stdout.split())
    assert "**" not in out.stdout and "`" not in out.stdout  # Markdown rendered, not shown raw
    assert "not saved" in out.stdout


def test_stdin_comments_and_repeats(cli: Run, tmp_path: Path) -> None:
    data = _set(cli, tmp_path)
    first = data["questions"][0]["answer"]
    right = "x".join(map(str, first["value"])) if isinstance(first["value"], list) else str(first["value"])
    sheet = f"name: Ann\n1: 0\n1: {right}  # fixed it\n"
    out = cli("check", data["code"], "-", "--json", "--no-record", input=sheet)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    assert report["results"][0]["verdict"] == "correct"  # the last answer counts
    assert "question 1 is answered more than once (lines 2, 3)" in out.stderr
    assert "line 1 has no question number" in out.stderr


def test_missing_files_are_named_as_missing(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("1: 3\n")
    out = cli("check", "nofile.json", str(tmp_path / "a.txt"))
    assert out.returncode == 1 and out.stderr.strip() == "error: set file nofile.json does not exist"
    out = cli("check", "s1.2.3.0.zz", "nofile.txt")
    assert out.returncode == 1 and out.stderr.strip() == "error: answer file nofile.txt does not exist"


def test_checked_answers_are_saved_as_practice_unless_no_record(cli: Run, tmp_path: Path) -> None:
    data = _set(cli, tmp_path)
    numeric = [(n, q["answer"]["value"]) for n, q in enumerate(data["questions"], 1)
               if q["answer"]["kind"] in ("int", "shape")][:2]
    sheet = "".join(f"{n}: {'x'.join(str(v + 1) for v in value) if isinstance(value, list) else value + 1}\n"
                    for n, value in numeric)  # two wrong answers
    assert cli("check", data["code"], "-", "--no-record", input=sheet).returncode == 0
    assert json.loads(cli("stats", "--json").stdout)["attempts"] == 0
    out = cli("check", data["code"], "-", input=sheet)
    assert "answers saved as practice: 2" in out.stdout
    stats = json.loads(cli("stats", "--json").stdout)
    assert stats["attempts"] == 2 and stats["correct"] == 0
