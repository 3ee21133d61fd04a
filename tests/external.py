"""External tools a test needs: skipped with the reason on a developer's
machine, a failure under ``CI=true`` (where .ci/run installed them)."""

from __future__ import annotations

import os
import shutil

import pytest


def on_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def missing(what: str) -> None:
    """Fail under CI, skip elsewhere, naming what is missing."""
    message = f"{what} is not installed"
    if on_ci():
        pytest.fail(f"{message}, and CI=true needs it (.ci/run installs it)")
    pytest.skip(message)


def need(tool: str, package: str) -> str:
    """The path of ``tool`` on PATH, or :func:`missing` naming the package that provides it."""
    path = shutil.which(tool)
    if path is None:
        missing(f"{tool} ({package})")
    assert path is not None
    return path
