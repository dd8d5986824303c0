"""Export and import: lossless round trip, merging without duplicates, bad files refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cnnquiz.store.db import open_store
from cnnquiz.store.errors import ImportFileError
from cnnquiz.store.scheduler import Planner
from cnnquiz.store.store import Store
from cnnquiz.store.transfer import export_data, import_data
from tests.store.helpers import Clock, attempt, cli

PLAN = Planner(fuzzing=False)


def fill(store: Store, clock: Clock, learner: str = "default", n: int = 6) -> None:
    lid = store.learner_id(learner)
    store.set_setting(lid, "interview_date", "2025-06-30")
    uid = store.start_session(lid, ["output-size", "pooling"], n)
    verdicts = ["correct", "wrong", "unreadable"]
    for i in range(n):
        a = attempt(f"conv.output_size@{1 + i % 3}", verdicts[i % 3], when=clock.advance(
            seconds=37.123457), seconds=1.1 * i, mistake="forgot-plus-one" if i % 3 == 1 else None,
            given=f"答案 {i}")
        a = type(a)(**{**a.__dict__, "session_uid": uid})
        store.record(lid, a, planner=None if a.verdict == "unreadable" else PLAN)
    store.end_session(uid)


def test_export_import_export_is_identical(store: Store, clock: Clock, tmp_path: Path) -> None:
    fill(store, clock)
    fill(store, clock, "ben", 4)
    first = export_data(store)
    with open_store(str(tmp_path / "copy.sqlite3")) as copy:
        import_data(copy, json.loads(json.dumps(first)), "x.json")
        assert export_data(copy) == first
    assert sum(len(p["attempts"]) for p in first["learners"]) == 10


def test_importing_twice_adds_nothing(store: Store, clock: Clock, tmp_path: Path) -> None:
    fill(store, clock)
    doc = json.loads(json.dumps(export_data(store)))
    report = import_data(store, doc, "x.json")
    assert sum(report.added.values()) == 0 and report.skipped["attempts"] == 6
    assert export_data(store) == doc


def test_two_diverged_stores_merge(tmp_path: Path) -> None:
    clock = Clock()
    with open_store(str(tmp_path / "a.sqlite3"), now=clock) as a:
        fill(a, clock, n=3)
        shared = json.loads(json.dumps(export_data(a)))
        fill(a, clock, n=2)  # more on machine A
        doc_a = json.loads(json.dumps(export_data(a)))
    with open_store(str(tmp_path / "b.sqlite3"), now=clock) as b:
        import_data(b, shared, "shared.json")
        b.set_setting(b.learner_id(), "interview_date", "2025-07-15")  # B's own choice
        lid = b.learner_id()
        clock.advance(days=3)
        b.record(lid, attempt("conv.output_size@1", when=clock.t), planner=PLAN)  # B is newer
        import_data(b, doc_a, "a.json")
        merged = export_data(b)["learners"][0]
    assert len(merged["attempts"]) == 3 + 2 + 1
    assert len({x["uid"] for x in merged["attempts"]}) == 6
    assert merged["settings"] == {"interview_date": "2025-07-15"}  # kept, not overwritten
    cards = {c["skill"]: c for c in merged["cards"]}
    assert cards["conv.output_size@1"]["last_review"] == clock.t.isoformat()  # newest wins
    assert len(merged["sessions"]) == 2  # both of A's, once


uids = st.lists(st.integers(0, 40), max_size=25, unique=True)


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(uids, uids)
def test_merge_is_the_union_of_attempts(tmp_path: Path, mine: list[int], theirs: list[int]) -> None:
    def doc(ids: list[int]) -> dict[str, object]:
        rows = [{"uid": f"u{i:03d}", "session_uid": None, "code": "os.1.1.a",
                 "template": "conv.output_size", "topic": "output-size", "level": 1,
                 "skill": "conv.output_size@1", "given": str(i), "verdict": "wrong",
                 "mistake": None, "seconds": float(i), "rating": None,
                 "answered_at": f"2025-01-01T10:{i:02d}:00+00:00", "day": "2025-01-01"}
                for i in sorted(ids)]
        return {"format": "cnnquiz-progress", "version": 1, "learners": [
            {"name": "default", "created_at": "2025-01-01T00:00:00+00:00", "settings": {},
             "sessions": [], "attempts": rows, "reviews": [], "cards": []}]}
    path = tmp_path / f"m{len(list(tmp_path.iterdir()))}.sqlite3"
    with open_store(str(path)) as store:
        import_data(store, doc(mine), "mine")
        report = import_data(store, doc(theirs), "theirs")
        got = [a["uid"] for a in export_data(store)["learners"][0]["attempts"]]
    assert got == [f"u{i:03d}" for i in sorted(set(mine) | set(theirs))]
    assert report.added.get("attempts", 0) == len(set(theirs) - set(mine))


BAD = {
    "not an export": ({"hello": 1}, "not a cnnquiz progress export"),
    "newer": ({"format": "cnnquiz-progress", "version": 9, "learners": []}, "newer cnnquiz"),
    "bad verdict": (None, r"learners\[0\]\.attempts\[0\]\.verdict"),
    "naive time": (None, r"answered_at"),
    "unknown field": (None, r"learners\[0\]\.extra"),
}


@pytest.mark.parametrize("case", BAD)
def test_bad_files_import_nothing(store: Store, clock: Clock, case: str) -> None:
    fill(store, clock)
    before = export_data(store)
    doc, message = BAD[case]
    if doc is None:
        doc = json.loads(json.dumps(before))
        person = doc["learners"][0]
        person["name"] = "someone-else"
        person["attempts"][0]["uid"] = "fresh"
        if case == "bad verdict":
            person["attempts"][0]["verdict"] = "maybe"
        elif case == "naive time":
            person["attempts"][0]["answered_at"] = "2025-01-01T10:00:00"
        else:
            person["extra"] = 1
    with pytest.raises(ImportFileError, match=message):
        import_data(store, doc, "f.json")
    assert export_data(store) == before


def test_cli_round_trip_is_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    clock = Clock()
    with open_store(str(a), now=clock) as store:
        fill(store, clock)
    assert cli("export", str(tmp_path / "one.json"), db=a).returncode == 0
    out = cli("import", str(tmp_path / "one.json"), db=b)
    assert out.returncode == 0 and "imported 1 learners, 6 attempts" in out.stdout, out.stderr
    assert cli("export", str(tmp_path / "two.json"), db=b).returncode == 0
    assert (tmp_path / "one.json").read_bytes() == (tmp_path / "two.json").read_bytes()
    again = cli("import", str(tmp_path / "one.json"), db=b)
    assert "imported 0 learners, 0 attempts" in again.stdout and "already present" in again.stdout


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"), ("{not json", "is not JSON"), ("[]", "not a cnnquiz progress export")])
def test_cli_rejects_bad_import_files(tmp_path: Path, content: str | None, message: str) -> None:
    f = tmp_path / "in.json"
    if content is not None:
        f.write_text(content)
    out = cli("import", str(f), db=tmp_path / "p.sqlite3")
    assert out.returncode == 1 and out.stderr.startswith("error: ") and message in out.stderr
    assert "Traceback" not in out.stderr
