"""The corpus slice the tests generate, and the rule for external tools (a module, not conftest, so
test files can import it whatever other conftest modules are loaded)."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pagegen.corpus import KINDS  # noqa: E402
from pagegen.extract import EXTRACTORS  # noqa: E402
from pagegen.scoring import ScorerMissing, load_scorer  # noqa: E402

SLICE_SEED = 7
SLICE = [(n, KINDS[n % 4], EXTRACTORS[(n // 4) % 2]) for n in range(12)]


def missing(message: str) -> None:
    """A missing tool skips the test, or fails it under CI=true."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


def need(tool: str) -> str:
    """The tool's path (skip, or fail under CI=true, when it is missing)."""
    path = shutil.which(tool)
    if path is None:
        missing(f"{tool} not found (install poppler-utils)")
    assert path is not None
    return path


def scorer() -> ModuleType:
    """../shared/tools/score_parse.py, which CI puts beside the clone."""
    try:
        return load_scorer()
    except ScorerMissing as error:
        missing(str(error))
        raise
