"""The example script runs as documented and writes the three built-in formats."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import lishi_pub

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_use_from_python_writes_json_epub_and_pdf(tmp_path):
    result = subprocess.run([sys.executable, str(EXAMPLES / "use_from_python.py"), str(tmp_path)],
                            capture_output=True, text=True, env={**os.environ, "LISHI_PUB_NO_PLUGINS": "1"},
                            timeout=300)
    assert result.returncode == 0, result.stderr
    assert "到群众最需要的地方去" in result.stdout
    issue = lishi_pub.loads((tmp_path / "lishi-2022-04-22.json").read_text("utf-8"))
    assert issue.title == "离石报" and len(issue.articles) == 7
    assert (tmp_path / "lishi-2022-04-22.epub").read_bytes()[:2] == b"PK"
    assert (tmp_path / "lishi-2022-04-22.pdf").read_bytes()[:5] == b"%PDF-"


def test_example_page_is_the_shared_sample():
    shared = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "lishi-2022-04-page.txt"
    if shared.exists():
        assert (EXAMPLES / "lishi-2022-04-page.txt").read_bytes() == shared.read_bytes()
