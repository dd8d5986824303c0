"""`show`, `print --format json` and `check` through the real CLI (contract formats)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Run

QUESTION_KEYS = {"n", "code", "template", "topic", "level", "prompt", "answer", "solution", "spec"}


def _print(cli: Run, *args: str) -> dict:
    out = cli("print", "--format", "json", *args)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_print_json_follows_contract_and_seed_reproduces(cli: Run, cli_process: Run) -> None:
    data = _print(cli, "--count", "12", "--seed", "42", "--level", "2")
    assert {"code", "version", "lang", "created", "questions"} <= set(data)
    assert data["lang"] == "en" and len(data["questions"]) == 12
    for n, q in enumerate(data["questions"], 1):
        assert set(q) >= QUESTION_KEYS and q["n"] == n
        assert q["answer"]["kind"] in ("int", "float", "shape", "matrix", "choice", "text")
        assert q["solution"] and q["level"] == 2
    again = _print(cli_process, "--count", "12", "--seed", "42", "--level", "2")  # the real one
    assert [q["code"] for q in again["questions"]] == [q["code"] for q in data["questions"]]
    assert again["code"] == data["code"]


def test_print_in_chinese_keeps_numbers(cli: Run) -> None:
    en = _print(cli, "--count", "6", "--seed", "5", "--topic", "output-size")
    zh = _print(cli, "--count", "6", "--seed", "5", "--topic", "output-size", "--lang", "zh")
    numbers = [[q["answer"] for q in s["questions"] if q["answer"]["kind"] != "text"] for s in (en, zh)]
    assert numbers[0] == numbers[1]  # a short concept answer's model answer is in its language
    assert zh["lang"] == "zh" and all(q["prompt"] != e["prompt"]
                                      for q, e in zip(zh["questions"], en["questions"], strict=True))


def test_versions_write_forms_with_their_own_codes(cli: Run, tmp_path: Path) -> None:
    out = cli("print", "--count", "5", "--seed", "9", "--versions", "2", "-o", str(tmp_path / "set.json"))
    assert out.returncode == 0, out.stderr
    a = json.loads((tmp_path / "set-A.json").read_text())
    b = json.loads((tmp_path / "set-B.json").read_text())
    assert a["code"] != b["code"]
    assert [q["template"] for q in a["questions"]] == [q["template"] for q in b["questions"]]
    assert [q["code"] for q in a["questions"]] != [q["code"] for q in b["questions"]]


def test_show_regenerates_a_printed_question(cli: Run) -> None:
    data = _print(cli, "--count", "4", "--seed", "3", "--topic", "output-size")
    q = data["questions"][0]
    out = cli("show", q["code"], "--json")
    assert out.returncode == 0, out.stderr
    shown = json.loads(out.stdout)
    assert shown["answer"] == q["answer"] and shown["prompt"] == q["prompt"]
    text = cli("show", q["code"])
    assert text.returncode == 0 and "Solution" in text.stdout


def test_show_unknown_code_is_one_line(cli: Run) -> None:
    for code in ("zz.1.1.abc", "nonsense", "os.1.9.abc", "bank:no-such-entry"):
        out = cli("show", code)
        assert out.returncode == 1, code
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_check_grades_everyday_notations_and_names_mistakes(cli: Run, tmp_path: Path) -> None:
    data = _print(cli, "--count", "12", "--seed", "11", "--topic", "output-size", "--level", "2")
    (tmp_path / "set.json").write_text(json.dumps(data))
    qs = data["questions"]
    k = next(i for i, q in enumerate(qs) if q["template"] == "conv.output_size")
    others = [i for i in range(len(qs)) if i != k and qs[i]["answer"]["kind"] != "text"]
    short = [i for i in range(len(qs)) if qs[i]["answer"]["kind"] == "text"]
    c, h, w = qs[k]["answer"]["value"]
    sheet = [f"{k + 1}: ({c}, {h}, {w})", f"{others[0] + 1}: banana ((", f"{others[1] + 1}:"]
    (tmp_path / "answers.txt").write_text("\n".join(sheet) + "\n")
    out = cli("check", str(tmp_path / "set.json"), str(tmp_path / "answers.txt"), "--json")
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout)
    verdicts = [r["verdict"] for r in report["results"]]
    assert verdicts[k] == "correct"
    assert verdicts[others[0]] == "unreadable" and verdicts[others[1]] == "blank"
    assert verdicts.count("blank") == len(qs) - 2 - len(short)
    assert [verdicts[i] for i in short] == ["self"] * len(short)  # model answer shown, not scored
    assert report["score"] == 1 and report["total"] == len(qs) - len(short)
    assert report["code"] == data["code"]
    # the set code alone regenerates the set; a forgotten +1, written H x W x C, is named
    shown = json.loads(cli("show", qs[k]["code"], "--json").stdout)
    mistake = next(m for m in shown["mistakes"] if m["name"] == "forgot-plus-one")
    mc, mh, mw = mistake["value"]
    (tmp_path / "answers.txt").write_text(f"{k + 1}: {mh}x{mw}x{mc}\n")
    out = cli("check", data["code"], str(tmp_path / "answers.txt"), "--json")
    result = json.loads(out.stdout)["results"][k]
    assert result["verdict"] == "wrong" and result["mistake"] == "forgot-plus-one"


def test_check_bad_files_are_one_line_errors(cli_process: Run, tmp_path: Path) -> None:
    """A smoke test of the real program: user errors leave it as one line and exit 1."""
    cli = cli_process
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "a.txt").write_text("1: 3\n")
    broken = {"code": "x", "questions": [{"code": "zz", "answer": {"kind": "int", "value": {"a": 1}}}]}
    (tmp_path / "broken.json").write_text(json.dumps(broken))
    for args in (["check", str(tmp_path / "bad.json"), str(tmp_path / "a.txt")],
                 ["check", str(tmp_path / "broken.json"), str(tmp_path / "a.txt")],
                 ["check", "s1.2.3.0.zz", str(tmp_path / "missing.txt")],
                 ["check", "not-a-set", str(tmp_path / "a.txt")]):
        out = cli(*args)
        assert out.returncode == 1, args
        assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr
