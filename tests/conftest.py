"""Test-wide setup: the PyTorch oracle must run in CI (CI=true), may skip locally; the
user cache (the validated concept bank) lives in a temporary folder, never the user's."""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

_IN_CI = os.environ.get("CI", "").lower() in ("true", "1")

# Locally every run explores new random cases; CI draws a fixed sequence so that a
# submission's verdict does not depend on the luck of the draw.
settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=_IN_CI
)
settings.load_profile("default")

# One thread per process for torch's and numpy's kernels, set before either is imported: the
# tests' tensors are tiny, and on a busy two-core machine (or beside a second pytest-xdist
# worker) idle OpenMP threads spinning for work made the oracle tests up to ten times slower.
os.environ.setdefault("OMP_NUM_THREADS", "1")

# Set at import, before any test (subprocess runs inherit it); removed with the temp dir.
_CACHE = tempfile.TemporaryDirectory(prefix="cnnquiz-test-cache-")
os.environ["CNNQUIZ_CACHE_DIR"] = _CACHE.name


_NO_TORCH = ("CI=true but torch is not installed: the oracle tests must run in CI "
             "(pip install torch==2.13.0)")


def pytest_configure(config: pytest.Config) -> None:
    """Said before pytest-xdist starts its workers (a worker's error would read as an
    internal error); the import itself is tried where the tests run, below."""
    import importlib.util

    if _IN_CI and importlib.util.find_spec("torch") is None:
        raise pytest.UsageError(_NO_TORCH)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not _IN_CI:
        return
    try:
        import torch  # noqa: F401
    except ImportError:  # pragma: no cover - only when CI forgot the oracle
        raise pytest.UsageError(_NO_TORCH) from None
