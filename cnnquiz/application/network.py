"""`drill --network NET` and `show CODE --network NET`: the network a learner names.

NET is a built-in name (`alexnet`) or a file holding a layer spec or PyTorch's
print(model) text (`@FILE` is read the same). The input size comes from `--input`, a
built-in's own, or - for a print - the first usual size its printed sizes agree with,
said in a notice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cnnquiz.errors import CnnquizError
from cnnquiz.i18n import Lang

if TYPE_CHECKING:
    from cnnquiz.questions.network_case import NetworkCase


@dataclass(frozen=True)
class NetworkChoice:
    case: NetworkCase
    notices: tuple[str, ...]  # the input size taken, the print's warning


def network_text(net: str) -> str:
    """A built-in name as it is, or the text of the file NET (or @NET) names."""
    from cnnquiz.engine import zoo

    if zoo.get(net) is not None:
        return net
    path = Path(net.removeprefix("@"))
    if not path.is_file():
        names = ", ".join(zoo.NETWORKS)
        raise CnnquizError(f"--network {net}: neither a built-in network ({names}) nor a file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CnnquizError(f"cannot read {path}: {getattr(exc, 'strerror', None) or exc}") from None


def load_network(net: str, input_size: str | None, lang: Lang) -> NetworkChoice:
    """The network NET names on its input, ready for questions."""
    from cnnquiz.engine.spec_args import parse_input
    from cnnquiz.engine.user_network import resolve
    from cnnquiz.i18n import text
    from cnnquiz.questions.network_case import case_for

    found = resolve(network_text(net))
    shape, guessed = found.input_for(parse_input(input_size) if input_size else None)
    case = case_for(found, shape)
    notices = [text("network.input_guessed", lang, shape="x".join(map(str, shape)))] \
        if guessed else []
    if (warning := found.warning(case.summary, lang)) is not None:
        notices.append(warning)
    return NetworkChoice(case, tuple(notices))
