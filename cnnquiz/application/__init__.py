"""The one application layer: settings, the store, code resolution and every product
operation, shared by the CLI, the Textual app and the printing face.

    settings = resolve_settings(db=..., lang=..., bank_dirs=[...])
    with open_application(settings) as app:
        q = app.question("bank:odd-kernel")
        loop = app.study(["output-size"], count=10)

Faces parse their input and format output; the rules live here and below.
"""

from __future__ import annotations

from cnnquiz.application.app import Application, make_application, open_application
from cnnquiz.application.bank import BankCheck
from cnnquiz.application.calc import CalcResult
from cnnquiz.application.settings import (
    Settings,
    parse_interview,
    parse_lang,
    resolve_settings,
)

__all__ = ["Application", "BankCheck", "CalcResult", "Settings", "make_application",
           "open_application", "parse_interview", "parse_lang", "resolve_settings"]
