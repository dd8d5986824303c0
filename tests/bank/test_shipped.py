"""The bank shipped in question_bank/: every file validates, texts are bilingual, ids
are unique, answer letters match the options marked correct, and (separately)
the bank is complete: ten section files, at least 150 entries, 5 per section.

Raw data is read with plain `yaml.safe_load`, not the loader under test, so these
checks do not share its mistakes.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from cnnquiz.bank.loader import Bank, Problem, check
from cnnquiz.bank.locate import packaged_dir
from cnnquiz.bank.render import to_question
from cnnquiz.topics import SECTIONS

SHIPPED = packaged_dir()
FILES = sorted(SHIPPED.glob("*.yaml"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def _raw(files: list[Path] | tuple[Path, ...] = FILES) -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        out.extend((path.name, e) for e in data["entries"])
    return out


@pytest.fixture(scope="module")
def shipped() -> tuple[Bank, list[Problem]]:
    """The shipped bank checked once for this module (the strict parser is slow-ish)."""
    return check([SHIPPED])


def test_the_bank_has_files() -> None:
    assert FILES, f"no *.yaml files in {SHIPPED}"


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_each_present_file_validates(path: Path, shipped: tuple[Bank, list[Problem]]) -> None:
    bank, problems = shipped
    mine = [str(p) for p in problems if Path(p.file).name == path.name]
    assert mine == [], "\n".join(mine)
    assert any(e.path.name == path.name for e in bank.entries)


def test_the_bank_is_complete(shipped: tuple[Bank, list[Problem]]) -> None:
    """Fails until the content is written: ten files, >= 150 entries, >= 5 per section."""
    prefixes = sorted(int(p.name.split("-", 1)[0]) for p in FILES if p.name[:2].isdigit())
    assert prefixes == list(SECTIONS), f"section files present: {prefixes}"
    bank, problems = shipped
    assert problems == [], "\n".join(map(str, problems[:20]))
    assert len(bank.entries) >= 150, f"only {len(bank.entries)} entries"
    per_section = Counter(e.section for e in bank.entries)
    thin = {s: per_section[s] for s in SECTIONS if per_section[s] < 5}
    assert not thin, f"sections with fewer than 5 entries: {thin}"


def test_ids_are_unique_across_files() -> None:
    counts = Counter(e.get("id") for _, e in _raw())
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_entry_is_written_in_both_languages() -> None:
    bad = []
    for name, e in _raw():
        for key in ("question", "answer", "why"):
            text = e.get(key)
            if text is None:
                continue
            en, zh = str(text.get("en", "")), str(text.get("zh", ""))
            if not en.strip() or not CJK.search(zh) or en.strip() == zh.strip():
                bad.append(f"{name}#{e.get('id')}.{key}")
        for i, point in enumerate(e.get("points") or []):
            if not str(point.get("en", "")).strip() or not str(point.get("zh", "")).strip():
                bad.append(f"{name}#{e.get('id')}.points[{i}]")
        for i, option in enumerate(e.get("options") or []):
            for part in ("text", "why"):
                pair = option.get(part) or {}
                if not str(pair.get("en", "")).strip() or not str(pair.get("zh", "")).strip():
                    bad.append(f"{name}#{e.get('id')}.options[{i}].{part}")
    assert bad == []


def test_choice_answers_are_the_correct_options(shipped: tuple[Bank, list[Problem]]) -> None:
    bank, _ = shipped
    raw = {e["id"]: e for _, e in _raw(bank.files)}
    assert bank.entries, "nothing loaded"
    for item in bank.entries:
        e = raw[item.id]
        for lang in ("en", "zh"):
            q = to_question(item, lang)
            if e["kind"] == "choice":  # letters follow the order the code draws
                right = {o["text"][lang] for o in e["options"] if o["correct"]}
                letters = sorted(o.letter for o in q.options if o.text in right)
                assert q.answer.value == (letters[0] if len(letters) == 1 else letters), item.id
                assert sorted(o.text for o in q.options) == sorted(
                    o["text"][lang] for o in e["options"])
            elif e["kind"] == "truefalse":
                assert q.answer.value == ("A" if e["statement_true"] else "B"), item.id
            else:
                assert q.answer.value == e["answer"][lang]
                assert len(q.key_points) == len(e["points"])
