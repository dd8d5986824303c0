"""Errors a user can cause. The CLI prints their message on one line and exits 1."""


class CnnquizError(Exception):
    """Base of every error whose message is meant for the user (no traceback)."""


class SpecError(CnnquizError, ValueError):
    """A layer spec, an input size or a layer configuration that PyTorch would reject."""


class DemoError(CnnquizError, ValueError):
    """A demo's matrix or option that cannot be used (ragged rows, a kernel with the wrong
    channels, an option the operation does not take)."""


class LangError(CnnquizError, ValueError):
    """A language cnnquiz has no text in: it speaks en and zh."""


class OpError(CnnquizError, ValueError):
    """Arguments a tensor operation rejects, as PyTorch would (shapes, sizes, probabilities)."""


class ReadError(CnnquizError, ValueError):
    """An answer that cannot be read; `reason` is a short sentence for the person."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
