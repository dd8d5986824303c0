"""The Textual face of cnnquiz: one app, one screen a file, styles in app.tcss."""

from cnnquiz.tui.app import CnnquizApp, make_app

__all__ = ["CnnquizApp", "make_app"]
