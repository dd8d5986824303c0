"""Layer-name completion for the calculator's spec field.

The field holds a whole stack ("conv(64,k=3), relu, max"); only the layer being typed
(after the last separator outside parentheses) is completed, to a name the spec
parser knows, with its opening parenthesis when the layer takes arguments.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.suggester import Suggester


def last_layer_start(value: str) -> int:
    """Where the layer being typed starts: after the last , ; or -> outside parentheses."""
    depth, start = 0, 0
    for i, ch in enumerate(value):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in ",;\n" or value.startswith("->", i)):
            start = i + (2 if ch == "-" else 1)
    return start


class LayerSuggester(Suggester):
    def __init__(self, names: Mapping[str, bool]) -> None:
        """`names`: each layer name and whether it takes arguments."""
        super().__init__(use_cache=True, case_sensitive=True)
        self.names = names

    async def get_suggestion(self, value: str) -> str | None:
        start = last_layer_start(value)
        typed = value[start:].lstrip()
        if not typed or not typed.isalnum():
            return None
        low = typed.lower()
        exact = next((n for n in self.names if n.lower() == low), None)
        name = exact or next((n for n in self.names if n.lower().startswith(low)), None)
        if name is None or (name == exact and not self.names[name]):
            return None
        return value[:len(value) - len(typed)] + name + ("(" if self.names[name] else "")
