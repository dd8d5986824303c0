"""The demo screen's form row: the operation and its numbers, changed in place.

The screen rebuilds its demo whenever a field changes (their Changed messages bubble
up to it); the form knows only its fields: which ones the chosen operation takes, the
numbers typed in them, and the placeholders that show what the demo actually used.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select

from cnnquiz.demos import OPS, Op
from cnnquiz.demos.build import TAKES
from cnnquiz.i18n import Lang, text

FIELDS = ("size", "kernel", "stride", "padding", "dilation")


class DemoForm(Horizontal):
    def __init__(self, op: Op, numbers: dict[str, str], lang: Lang, *, id: str) -> None:
        """`numbers` fill the fields at first (by field name)."""
        super().__init__(id=id)
        self.op, self.numbers, self.lang = op, numbers, lang

    def compose(self) -> ComposeResult:
        op = Select([(o, o) for o in OPS], value=self.op, allow_blank=False, id="demo-op")
        op.border_title = text("tools.op", self.lang)
        yield op
        for name in FIELDS:
            field = Input(self.numbers.get(name, ""), id=f"demo-{name}",
                          restrict=r"[0-9a-z]*" if name == "padding" else r"[0-9]*")
            field.border_title = text(f"tools.{name}", self.lang)
            yield field

    def chosen(self) -> Op:
        """The operation picked (conv while the picker holds nothing known)."""
        op = self.query_one("#demo-op", Select).value
        return op if isinstance(op, str) and op in OPS else "conv"

    def read(self, op: Op) -> dict[str, int | str | None]:
        """Each field's number; None for an empty field or one `op` does not take, which
        is disabled."""
        values: dict[str, int | str | None] = {}
        for name in FIELDS:
            field = self.query_one(f"#demo-{name}", Input)
            field.disabled = name not in TAKES[op]
            raw = field.value.strip()
            values[name] = None if field.disabled or not raw else (
                raw if name == "padding" else int(raw))
        return values

    def show_used(self, used: dict[str, object]) -> None:
        """The numbers the demo ran with, as each field's placeholder."""
        for name in FIELDS:
            self.query_one(f"#demo-{name}", Input).placeholder = str(used.get(name, ""))
