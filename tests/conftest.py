"""Shared fixtures.

Every test runs with external plugins switched off and a fresh plugin
manager, so nothing that happens to be installed in the environment (the
example plugins under plugins/, say) changes what a test sees.  Tests that
need a plugin register it themselves.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from lishi_pub import plugins

# Under CI the properties search with a fixed seed per test (hypothesis's advice for CI): a red build is
# reproducible by anyone, and a green one is not luck; the random search runs on developers' machines.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"


@pytest.fixture(autouse=True)
def isolated_plugins(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(plugins.DISABLE_ENV, "1")
    plugins.reset()
    yield plugins.get_plugin_manager()
    plugins.reset()


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_issue():
    import lishi_pub

    return lishi_pub.parse(SAMPLE, title="离石报", date="2022-04-22", number="1234",
                           publisher="离石区融媒体中心")
