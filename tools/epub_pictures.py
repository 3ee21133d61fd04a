"""Regenerate the EPUB pictures in docs/: the cover image, an article, the
same article and a page note in vertical layout.

    .venv/bin/python tools/epub_pictures.py        # needs Debian's chromium

The cover is the book's own ``images/cover.png``, byte for byte.  The other
pictures are Chromium's rendering of the unzipped documents with their style
sheets and the system's CJK fonts (fonts-noto-cjk here): the sample page's
first article, with a kicker, a subtitle, a byline, a subheading and a
credited photo caption added so that one picture shows them all.  Look at
each picture before committing it.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import attrs

import lishi_pub
from lishi_pub import Contributor, Credit, Figure, Heading, Issue

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
ARTICLE = "EPUB/text/i001-p01-a001.xhtml"
PAGE_NOTE = "EPUB/text/i001-p01.xhtml"


def screenshot(chromium: str, page: Path, out: Path, size: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--no-first-run", "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
             "--hide-scrollbars", f"--screenshot={out}", f"--window-size={size}", page.as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def dressed(issue: Issue) -> Issue:
    """The first article with every part of a headline apparatus and a credited photo."""
    first = issue.pages[0].articles[0]
    blocks = (*first.blocks[:2], Heading("“国家安全，人人有责”"), *first.blocks[2:],
              Figure("党员干部在滨河佳苑小区开展知识宣传。", Credit((Contributor("王艳"),), "摄")))
    first = attrs.evolve(first, kicker="学习贯彻总体国家安全观", subtitle="区档案馆党支部走进城东社区",
                         contributors=(Contributor("王艳", "记者"),), blocks=blocks)
    page = issue.pages[0]
    return attrs.evolve(issue, pages=(attrs.evolve(page, articles=(first, *page.articles[1:])), *issue.pages[1:]))


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("epub_pictures: chromium is not installed", file=sys.stderr)
        return 1
    issue = dressed(lishi_pub.parse(SAMPLE, title="离石报", date="2022-04-22", number="1234",
                                    publisher="离石区融媒体中心"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name, vertical in (("horizontal", False), ("vertical", True)):
            with zipfile.ZipFile(io.BytesIO(lishi_pub.render(issue, "epub", vertical=vertical))) as book:
                book.extractall(work / name)
        (DOCS / "epub-cover.png").write_bytes((work / "horizontal/EPUB/images/cover.png").read_bytes())
        screenshot(chromium, work / "horizontal" / ARTICLE, DOCS / "epub-chapter.png", "640,900")
        screenshot(chromium, work / "vertical" / ARTICLE, DOCS / "epub-chapter-vertical.png", "900,640")
        screenshot(chromium, work / "vertical" / PAGE_NOTE, DOCS / "epub-page-note-vertical.png", "900,640")
    for name in ("epub-cover.png", "epub-chapter.png", "epub-chapter-vertical.png", "epub-page-note-vertical.png"):
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
