"""Footer labels in the learner's language.

Screens name their bindings' descriptions by UI-string key ("study", "stats");
`localise` swaps in the text of the current language. Textual keeps bindings
per node in `_bindings` (a copy per instance), so changing them touches only
this node. The keys are read from the class's BINDINGS each time (not from
the labels already shown), so the app's own bindings (quit, the palette) can
change language again and again; screens are rebuilt anyway.
"""

from __future__ import annotations

from dataclasses import replace

from textual.binding import Binding
from textual.dom import DOMNode

from cnnquiz.i18n import Lang, table, text

PALETTE = Binding("ctrl+p", "command_palette", "palette")  # the one Textual adds to the app


def localise(node: DOMNode, lang: Lang) -> None:
    known = table()
    named = {b.action: b.description for b in (*type(node).BINDINGS, PALETTE)
             if isinstance(b, Binding)}
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=text(f"app.{named[b.action]}", lang))
            if f"app.{named.get(b.action)}" in known else b
            for b in bindings]
