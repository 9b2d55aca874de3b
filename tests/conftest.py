import shutil
from pathlib import Path

import pytest

from dashboard.data import DEFAULT_SEEDS_DIR, SEEDS_ENV

VALID = Path(__file__).parent / "fixtures" / "valid"


@pytest.fixture
def data_dir(tmp_path, monkeypatch) -> Path:
    """A fresh copy of the valid fixture dataset, checked against the real statement texts."""
    assert DEFAULT_SEEDS_DIR.is_dir(), f"the statement texts belong in {DEFAULT_SEEDS_DIR}"
    monkeypatch.delenv(SEEDS_ENV, raising=False)
    return Path(shutil.copytree(VALID, tmp_path / "data"))
