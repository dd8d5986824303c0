"""Questions about one given network: every kind on every built-in, regenerated from its
code, recomputable from its spec, with named mistakes that differ from the answer."""

from __future__ import annotations

import pytest

from cnnquiz.engine import zoo
from cnnquiz.engine.network import analyze
from cnnquiz.engine.user_network import resolve
from cnnquiz.questions import network_questions as nq
from cnnquiz.questions.codes import CodeError
from cnnquiz.questions.mistakes import CATALOG
from cnnquiz.questions.network_case import case_for
from cnnquiz.questions.template import REGISTRY


def _case(name: str):  # type: ignore[no-untyped-def]
    net = zoo.get(name)
    assert net is not None
    return case_for(resolve(name), net.input)


def _recomputed(spec: dict) -> object:  # type: ignore[type-arg]
    """The answer from the spec alone: a plain stack's layers, or torchvision's network."""
    if "layers" in spec:
        summary = analyze(spec["layers"], spec["input"])
    else:
        summary = analyze(zoo.get(spec["network"]).build(), spec["input"])  # type: ignore[union-attr]
        assert summary.rows[spec["layer"] - 1].name == spec.get("module", "")
    row = summary.rows[spec["layer"] - 1]
    value = {"output": list(row.output), "params": row.params, "macs": row.macs, "rf": row.rf,
             "jump": row.jump}[spec["ask"]]
    return value


@pytest.mark.parametrize("name", sorted(zoo.NETWORKS))
def test_every_kind_regenerates_and_recomputes_on_every_builtin(name: str) -> None:
    case = _case(name)
    asks = nq.asks_for(case)
    assert [a.template.short for a in asks] == ["nwo", "nwp", "nwm", "nwr", "nwj", "nww"]
    for ask in asks:
        named = 0
        for seed in (1, 2, 3):
            q = nq.make(ask.template.id, case, seed, "en")
            assert q.code.endswith(f".{name}") and len(q.code) <= 96
            again = nq.from_code(q.code)
            assert (again.prompt, again.answer, again.solution) == (q.prompt, q.answer, q.solution)
            if "change" not in q.spec:
                assert _recomputed(q.spec) == q.answer.value, q.code
            named += bool(q.mistakes)
            assert all(m.name in CATALOG and m.value != q.answer.value for m in q.mistakes)
            zh = nq.make(ask.template.id, case, seed, "zh")
            assert zh.answer == q.answer and "层" in zh.prompt
        assert named, f"{ask.template.id} on {name}: no named mistake in three questions"


def test_what_if_asks_about_the_changed_network() -> None:
    case = _case("vgg16")
    q = nq.make("network.what_if", case, 11, "en")
    assert "instead of" in q.prompt and q.solution[0].startswith("Changed: layer ")
    assert _recomputed(q.spec) == q.answer.value  # the spec holds the changed stack
    original = list(case.rows[q.spec["layer"] - 1].output)
    assert ("ignored-the-change", original) in [(m.name, m.value) for m in q.mistakes]


def test_a_network_from_a_file_needs_that_network_to_regenerate() -> None:
    mine = case_for(resolve("conv(8,k=3,p=1) -> relu -> maxpool(2) -> conv(16,k=3) -> flatten"
                            " -> linear(10)"), (3, 32, 32))
    q = nq.make("network.layer_params", mine, 5, "en")
    ref = q.code.rsplit(".", 1)[1]
    assert ref.startswith("f") and len(ref) == 11
    with pytest.raises(CodeError, match=r"--network FILE"):
        nq.from_code(q.code)
    assert nq.from_code(q.code, "en", mine).prompt == q.prompt
    other = case_for(resolve("conv(8,k=3,p=1) -> relu"), (3, 32, 32))
    with pytest.raises(CodeError, match="another network"):
        nq.from_code(q.code, "en", other)
    bigger = case_for(mine.net, (3, 64, 64))  # the same layers on another input: another case
    assert bigger.ref != mine.ref


def test_a_plain_mlp_gets_only_the_questions_it_can_answer() -> None:
    mlp = case_for(resolve("linear(128) -> relu -> linear(10)"), (784,))
    assert [a.template.short for a in nq.asks_for(mlp)] == ["nwo", "nwp", "nwm"]


def test_network_codes_do_not_clash_with_template_codes() -> None:
    from cnnquiz.questions import generate

    generate.load()
    assert not {short for short, _ in REGISTRY} & set(nq.BY_SHORT)
    assert not nq.is_network_code("os.1.2.1x9kq3") and nq.is_network_code("nwo.1.1.7.alexnet")
