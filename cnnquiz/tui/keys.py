"""Footer labels in the learner's language.

Screens name their bindings' descriptions by UI-string key ("study", "stats");
`localise` swaps in the text of the current language. Textual keeps bindings
per node in `_bindings` (a copy per instance), so changing them touches only
this screen; screens are rebuilt when the language changes.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from cnnquiz.i18n import Lang, table, text


def localise(node: DOMNode, lang: Lang) -> None:
    known = table()
    for key, bindings in node._bindings.key_to_bindings.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=text(f"app.{b.description}", lang))
            if f"app.{b.description}" in known else b
            for b in bindings]
