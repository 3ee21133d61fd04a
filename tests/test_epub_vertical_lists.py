"""In vertical layout a page note numbers its articles 一、二、 upright, not with a sideways "1.".

Checked in a real headless Chromium: the page note as the book ships it, with
its style sheets, and a script added to this copy only that writes the
computed style of the list into the document for ``--dump-dom`` to print.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from lxml import etree

import lishi_pub
from external import need

sys.path.insert(0, str(Path(__file__).parent))
from epub_samples import two_page_issue  # noqa: E402

XHTML = "http://www.w3.org/1999/xhtml"
PROBE = """
var ol = document.querySelector('ol');
var s = getComputedStyle(ol);
var out = document.createElementNS('http://www.w3.org/1999/xhtml', 'p');
out.setAttribute('id', 'probe');
out.textContent = s.listStyleType + '|' + s.writingMode;
document.body.appendChild(out);
"""


def chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return need("chromium", "Debian package chromium")


def computed(book: bytes, tmp_path: Path) -> tuple[str, str]:
    """(list-style-type, writing-mode) of the first page note's article list."""
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        z.extractall(tmp_path / "book")
    page = tmp_path / "book/EPUB/text/i001-p01.xhtml"
    root = etree.parse(str(page)).getroot()
    body = root.find(f"{{{XHTML}}}body")
    etree.SubElement(body, f"{{{XHTML}}}script").text = PROBE
    probe = page.with_name("probe.xhtml")
    probe.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
    run = subprocess.run(
        [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-sync",
         "--disable-background-networking", "--disable-component-update", f"--user-data-dir={tmp_path / 'profile'}",
         "--dump-dom", probe.as_uri()],
        capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(tmp_path)},
    )
    found = re.search(r'id="probe"[^>]*>([^<]*)<', run.stdout)
    assert found, f"Chromium printed no probe (exit {run.returncode}): {run.stderr[-1500:]}"
    style, mode = found.group(1).split("|")
    return style, mode


def test_vertical_page_notes_count_in_upright_chinese_numerals(tmp_path: Path) -> None:
    style, mode = computed(lishi_pub.render(two_page_issue(), "epub", vertical=True), tmp_path)
    assert mode == "vertical-rl"
    assert style == "cjk-decimal"  # 一、二、三、 standing upright in the column


def test_horizontal_page_notes_keep_arabic_numbers(tmp_path: Path) -> None:
    style, mode = computed(lishi_pub.render(two_page_issue(), "epub"), tmp_path)
    assert (style, mode) == ("decimal", "horizontal-tb")
