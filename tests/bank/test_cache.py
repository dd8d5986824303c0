"""The validated bank is reused between runs, and never once the YAML or the code changed."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from cnnquiz import bank
from cnnquiz.bank import cache, loader, records, schema
from tests.bank.conftest import write


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("CNNQUIZ_CACHE_DIR", str(folder))
    return folder


def _fresh(extra: list[Path]) -> list[tuple[str, str, int]]:
    """What a new process would see: (id, English question, line) of every entry."""
    bank.clear_cache()
    return [(e.id, e.entry.question.en, e.line) for e in bank.get_bank(extra).entries]


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(dirs: object) -> None:
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(loader, "load", refuse)


def test_records_mirror_the_schema() -> None:
    for model, record in ((schema.Entry, records.Concept), (schema.Text, records.Text),
                          (schema.Choice, records.Choice)):
        assert {f.name for f in dataclasses.fields(record)} == set(model.model_fields)


def test_a_second_run_reads_the_cache(sample_dir: Path, cache_dir: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    first = _fresh([sample_dir])
    validated = bank.get_bank([sample_dir])
    assert len(list(cache_dir.glob("bank-*.json"))) == 1
    _no_validation(monkeypatch)
    assert _fresh([sample_dir]) == first
    assert bank.get_bank([sample_dir]).entries == validated.entries  # every field, both texts


def test_an_edit_of_the_same_size_is_seen(sample_dir: Path, cache_dir: Path) -> None:
    _fresh([sample_dir])
    path = sample_dir / "06-dropout.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("test time", "TEST TIME"), encoding="utf-8")
    assert ("dropout-at-test", "Inverted dropout scales activations at TEST TIME.", 3) \
        in _fresh([sample_dir])


def test_a_broken_edit_is_reported_not_served_from_the_cache(sample_dir: Path,
                                                             cache_dir: Path) -> None:
    _fresh([sample_dir])
    write(sample_dir, "06-dropout.yaml", "section: 6\nentries: []\n")
    for _ in range(2):  # and again on the next run: a bank with a file left out is not cached
        assert "dropout-at-test" not in [ident for ident, _, _ in _fresh([sample_dir])]
        (skipped,) = bank.get_bank([sample_dir]).skipped
        assert "06-dropout.yaml left out" in skipped


def test_a_new_file_is_seen(sample_dir: Path, cache_dir: Path) -> None:
    _fresh([sample_dir])
    write(sample_dir, "stray.yml", "section: 1\n")
    _fresh([sample_dir])
    assert any("name it *.yaml" in s for s in bank.get_bank([sample_dir]).skipped)


def test_a_damaged_cache_file_is_rebuilt(sample_dir: Path, cache_dir: Path) -> None:
    first = _fresh([sample_dir])
    (file,) = cache_dir.glob("bank-*.json")
    file.write_text('{"key": "', encoding="utf-8")
    assert _fresh([sample_dir]) == first
    assert file.read_text(encoding="utf-8").startswith('{"key": "')
    assert len(file.read_text(encoding="utf-8")) > 100


def test_an_unwritable_cache_dir_only_costs_time(sample_dir: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CNNQUIZ_CACHE_DIR", str(blocker / "cache"))
    assert _fresh([sample_dir]) == _fresh([sample_dir])
    assert blocker.read_text(encoding="utf-8") == ""


def test_the_key_changes_with_any_byte_of_a_bank_file(sample_dir: Path) -> None:
    before = cache.fingerprint([sample_dir])
    assert cache.fingerprint([sample_dir]) == before
    write(sample_dir, "06-dropout.yaml", (sample_dir / "06-dropout.yaml").read_text() + "\n")
    assert cache.fingerprint([sample_dir]) != before


def test_show_of_a_concept_question_loads_no_yaml_or_pydantic_once_cached(
        cache_dir: Path) -> None:
    probe = ("import sys\nfrom cnnquiz import bank\n"
             "q = bank.question('bank:wide-vs-narrow-convolution')\n"
             "print(q.template, sorted(m for m in ('yaml', 'pydantic', 'numpy') "
             "if m in sys.modules))")
    root = Path(__file__).resolve().parents[2]
    env = {"CNNQUIZ_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(root)}
    runs = [subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           env=env, check=True, timeout=120).stdout.strip() for _ in range(2)]
    assert runs[0].startswith("bank ") and "yaml" in runs[0]
    assert runs[1] == "bank []"
