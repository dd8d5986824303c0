"""The study tests use the same real stores as the store tests."""

from tests.store.conftest import _data_dir, _pg_url, clock, store, target

__all__ = ["_data_dir", "_pg_url", "clock", "store", "target"]
