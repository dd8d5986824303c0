"""Properties over generated banks: any text survives the loader unchanged, and a
field removed or mistyped in any entry is reported once, at that entry's line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cnnquiz.bank.loader import check
from cnnquiz.topics import TOPICS

TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn", "Zl", "Zp")),
    min_size=1, max_size=30,
).filter(lambda s: s.strip() != "")
BOTH = st.fixed_dictionaries({"en": TEXT, "zh": TEXT})
SECTION_ONE = [t.slug for t in TOPICS if t.section == 1]


@st.composite
def entry(draw: st.DrawFn, n: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["short", "choice", "truefalse"]))
    out: dict[str, Any] = {"id": f"e-{n}", "topic": draw(st.sampled_from(SECTION_ONE)),
                           "kind": kind, "level": draw(st.integers(1, 3)), "question": draw(BOTH)}
    if kind == "short":
        out["answer"] = draw(BOTH)
        out["points"] = draw(st.lists(BOTH, min_size=3, max_size=5))
    elif kind == "choice":
        options = draw(st.lists(st.fixed_dictionaries(
            {"text": BOTH, "correct": st.booleans(), "why": BOTH}), min_size=2, max_size=6))
        options[draw(st.integers(0, len(options) - 1))]["correct"] = True
        out["options"] = options
    else:
        out["statement_true"] = draw(st.booleans())
        out["why"] = draw(BOTH)
    return out


BANKS = st.integers(1, 6).flatmap(lambda k: st.tuples(*[entry(i) for i in range(k)]))


def _dump(tmp: Path, entries: list[dict[str, Any]]) -> str:
    text = yaml.safe_dump({"section": 1, "entries": entries}, allow_unicode=True,
                          sort_keys=False, width=60)
    (tmp / "01-gen.yaml").write_text(text, encoding="utf-8")
    return text


def _entry_lines(text: str) -> list[int]:
    """Lines where top-level entries start (safe_dump writes them as `- ` at column 0)."""
    return [i for i, line in enumerate(text.split("\n"), 1) if line.startswith("- ")]


@settings(max_examples=100)
@given(bank=BANKS)
def test_any_text_round_trips(tmp_path_factory: Any, bank: tuple[dict[str, Any], ...]) -> None:
    tmp = tmp_path_factory.mktemp("gen")
    _dump(tmp, list(bank))
    loaded, problems = check([tmp])
    assert problems == []
    assert [e.entry.to_plain() for e in loaded.entries] \
        == [dict(b) for b in bank]


@settings(max_examples=100)
@given(bank=BANKS, data=st.data())
def test_a_removed_field_is_reported_at_its_entry(
    tmp_path_factory: Any, bank: tuple[dict[str, Any], ...], data: st.DataObject
) -> None:
    entries = [dict(b) for b in bank]
    i = data.draw(st.integers(0, len(entries) - 1))
    field = data.draw(st.sampled_from(["id", "topic", "kind", "level", "question"]))
    del entries[i][field]
    tmp = tmp_path_factory.mktemp("gen")
    text = _dump(tmp, entries)
    _, problems = check([tmp])
    assert [(p.where, p.reason, p.line) for p in problems] == [
        (f"entries[{i}].{field}", "field required", _entry_lines(text)[i])]


@settings(max_examples=100)
@given(bank=BANKS, data=st.data())
def test_a_mistyped_level_is_reported_on_its_line(
    tmp_path_factory: Any, bank: tuple[dict[str, Any], ...], data: st.DataObject
) -> None:
    entries = [dict(b) for b in bank]
    i = data.draw(st.integers(0, len(entries) - 1))
    entries[i]["level"] = data.draw(st.sampled_from(["two", 2.5, [2], None, True, 4, 0]))
    tmp = tmp_path_factory.mktemp("gen")
    text = _dump(tmp, entries)
    _, problems = check([tmp])
    level_lines = [n for n, line in enumerate(text.split("\n"), 1) if line.startswith("  level:")]
    assert [(p.where, p.line) for p in problems] == [(f"entries[{i}].level", level_lines[i])]
