"""Test-wide setup: the PyTorch oracle must run in CI (CI=true), may skip locally."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "default", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("default")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if os.environ.get("CI", "").lower() not in ("true", "1"):
        return
    try:
        import torch  # noqa: F401
    except ImportError:  # pragma: no cover - only when CI forgot the oracle
        raise pytest.UsageError(
            "CI=true but torch is not installed: the oracle tests must run in CI "
            "(pip install torch==2.13.0)"
        ) from None
