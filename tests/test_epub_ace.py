"""DAISY Ace, the accessibility checker EPUB publishers use, reports nothing on our books.

Ace (npm ``@daisy/ace``) runs axe-core on every content document in a real
browser and checks the package metadata.  It is run here with Debian's
Chromium through ``ace-puppeteer``, so npm never downloads a browser:
.ci/run installs it with ``PUPPETEER_SKIP_DOWNLOAD=1`` into ``.ace/`` and
this test points ``PUPPETEER_EXECUTABLE_PATH`` at the system's Chromium.
Elsewhere set ``LISHI_PUB_ACE`` to an ``ace-puppeteer`` executable.
Each run takes a few seconds (Chromium's start-up), so one build of each
kind is checked: the sample, a vertical book, a two-issue collection.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import lishi_pub
from external import missing, need

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).parent))
from epub_samples import hostile_issue, month, two_page_issue  # noqa: E402


def ace_command() -> str:
    for candidate in (os.environ.get("LISHI_PUB_ACE"), str(ROOT / ".ace/node_modules/.bin/ace-puppeteer"),
                      shutil.which("ace-puppeteer")):
        if candidate and Path(candidate).is_file():
            return candidate
    missing("DAISY Ace (npm @daisy/ace; .ci/run installs it into .ace/)")
    raise AssertionError("unreachable")


def chromium() -> str:
    configured = os.environ.get("PUPPETEER_EXECUTABLE_PATH")
    if configured and Path(configured).is_file():
        return configured
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return need("chromium", "Debian package chromium")


def violations(report: dict) -> list[str]:
    """Every failed assertion, as ``file: rule (impact)``."""
    found = []
    for subject in report.get("assertions", []):
        where = subject.get("earl:testSubject", {}).get("url", "?")
        for check in subject.get("assertions", []):
            if check.get("earl:result", {}).get("earl:outcome") != "pass":
                test = check.get("earl:test", {})
                found.append(f"{where}: {test.get('dct:title')} ({test.get('earl:impact')})")
    return found


BOOKS = {
    "sample": lambda sample: lishi_pub.render(sample, "epub"),
    "vertical": lambda _sample: lishi_pub.render(two_page_issue(), "epub", vertical=True),
    "collection": lambda _sample: lishi_pub.exporters()["epub"].render_collection(
        (*month(two_page_issue(), 1), hostile_issue())),
}


@pytest.mark.parametrize("kind", sorted(BOOKS))
def test_ace_reports_no_violation(kind: str, sample_issue, tmp_path: Path) -> None:
    ace, browser = ace_command(), chromium()
    book = tmp_path / f"{kind}.epub"
    book.write_bytes(BOOKS[kind](sample_issue))
    env = {**os.environ, "PUPPETEER_EXECUTABLE_PATH": browser, "PUPPETEER_SKIP_DOWNLOAD": "1"}
    run = subprocess.run([ace, "--force", "--silent", "--outdir", str(tmp_path / "report"), str(book)],
                         capture_output=True, text=True, env=env, timeout=300)
    report_file = tmp_path / "report" / "report.json"
    assert report_file.is_file(), f"Ace wrote no report (exit {run.returncode}): {run.stderr[-2000:]}"
    report = json.loads(report_file.read_text("utf-8"))
    assert violations(report) == []
    assert report["earl:result"]["earl:outcome"] == "pass"
