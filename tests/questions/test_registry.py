"""The template registry is what the package holds, and every template in it is pinned and
checked by an oracle.

The lists come from discovery (every module of cnnquiz/questions/templates), never from a
hand-kept list, so a new template without pinned codes (tests/questions/test_pins_*.py) or
without an oracle (tests/questions/test_oracle_*.py) fails here by name.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from cnnquiz.questions import generate
from cnnquiz.questions.template import REGISTRY, Template
from cnnquiz.questions.templates import INDEX
from tests.questions import (
    test_oracle_costs,
    test_oracle_ops,
    test_oracle_sizes,
    test_pins_costs,
    test_pins_ops,
    test_pins_sizes,
)

generate.load()
VERSIONS: list[Template] = sorted(REGISTRY.values(), key=lambda t: (t.id, t.version))
NEWEST: list[Template] = generate.templates()
PINS = [code for code, _ in test_pins_sizes.PINS + test_pins_costs.PINS + test_pins_ops.PINS]
ORACLE_IDS = {*test_oracle_sizes.IDS, *test_oracle_ops.TEMPLATES,
              *(t.id for t in NEWEST if t.short in test_oracle_costs.SHORTS)}


def test_every_module_of_the_package_is_loaded() -> None:
    loaded = {name.rsplit(".", 1)[1] for name in sys.modules
              if name.startswith("cnnquiz.questions.templates.")}
    assert set(generate.modules()) <= loaded
    assert "output_size" in generate.modules()


def test_the_index_names_the_module_of_every_code() -> None:
    module = {t.short: t.build.__module__.rsplit(".", 1)[1] for t in VERSIONS}
    found = {t.short: (t.id, module[t.short], t.topic, t.levels) for t in NEWEST}
    if found != INDEX or set(module) != set(INDEX):
        lines = "\n".join(f'    "{s}": ("{i}", "{m}", "{topic}", {levels!r}),'
                          for s, (i, m, topic, levels) in sorted(
                              found.items(), key=lambda kv: (kv[1][1], kv[1][0])))
        pytest.fail(f"templates.INDEX is stale; it should read:\n{lines}")


def test_the_listing_is_what_the_registry_lists() -> None:
    assert [(t.id, t.topic, t.levels) for t in generate.listing()] == \
        [(t.id, t.topic, t.levels) for t in NEWEST]
    topics = ["padding", "pooling"]
    assert [t.id for t in generate.listing(topics)] == [t.id for t in generate.templates(topics)]


def test_a_code_loads_only_its_own_template_module() -> None:
    probe = ("import sys\nfrom cnnquiz.questions import generate\n"
             "q = generate.from_code('os.1.2.9ix')\n"
             "print(q.answer.value, sorted(m.rsplit('.', 1)[1] for m in sys.modules "
             "if m.startswith('cnnquiz.questions.templates.')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.split() == ["[192,", "96,", "96]", "['common',", "'output_size']"]


@pytest.mark.parametrize("tpl", VERSIONS, ids=[f"{t.id}@v{t.version}" for t in VERSIONS])
def test_every_template_version_has_pinned_codes(tpl: Template) -> None:
    mine = [c for c in PINS if c.startswith(f"{tpl.short}.{tpl.version}.")]
    assert len(mine) >= 2, (f"{tpl.id} v{tpl.version} has {len(mine)} pinned code(s); pin two "
                            "(different levels) in tests/questions/test_pins_*.py")


@pytest.mark.parametrize("tpl", NEWEST, ids=[t.id for t in NEWEST])
def test_every_template_has_a_pytorch_oracle(tpl: Template) -> None:
    assert tpl.id in ORACLE_IDS, (f"{tpl.id} has no oracle: recompute its answers from their "
                                  "spec with torch in a tests/questions/test_oracle_*.py group")
