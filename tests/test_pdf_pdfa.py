"""``pdfa=True``: PDF/A-2b that pikepdf's own validator accepts, text layer intact, still deterministic."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest
from pikepdf import pdfa

import lishi_pub
from lishi_pub import Issue, plugins

POPPLER = bool(shutil.which("pdftotext"))


@pytest.fixture(scope="module")
def archival(sample_issue: Issue) -> bytes:
    return lishi_pub.render(sample_issue, "pdf", pdfa=True, toc=True)


def test_pikepdf_validates_the_file_as_pdfa_2b(archival: bytes) -> None:
    report = pdfa.validate_written(io.BytesIO(archival), "2b")
    assert report.passed, report.findings
    with pikepdf.open(io.BytesIO(archival)) as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
        assert str(pdf.Root.Lang) == "zh-CN"
        assert len(pdf.Root.OutputIntents) == 1


def test_a_plain_build_is_not_pdfa(sample_issue: Issue) -> None:
    report = pdfa.validate_written(io.BytesIO(lishi_pub.render(sample_issue, "pdf")), "2b")
    assert not report.passed


@pytest.mark.skipif(not POPPLER, reason="poppler-utils (pdftotext) not installed")
def test_the_text_layer_survives(archival: bytes, sample_issue: Issue, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(archival)
    text = "".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout.split())
    article = sample_issue.articles[0]
    assert "".join(article.paragraphs[0].text.split()) in text


def test_pdfa_builds_are_byte_identical(sample_issue: Issue, archival: bytes) -> None:
    assert lishi_pub.render(sample_issue, "pdf", pdfa=True, toc=True) == archival


def test_without_pikepdf_the_error_says_what_to_install() -> None:
    code = (
        "import sys; sys.modules['pikepdf'] = None\n"
        "import lishi_pub\n"
        "from lishi_pub import Issue, Page\n"
        "try:\n"
        "    lishi_pub.render(Issue(title='离石报', pages=(Page(number=1),)), 'pdf', pdfa=True)\n"
        "except lishi_pub.ExportError as exc:\n"
        "    print(exc)\n"
    )
    env = {**os.environ, plugins.DISABLE_ENV: "1"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert "pip install 'lishi-pub[pdfa]'" in out
