"""Metadata is given, found in the page, or left out: never a placeholder a
catalogue would take in as data (issue 14, item 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

import lishi_pub
from lishi_pub.epub.identity import WRITER_EXISTS

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "lishi-2022-04-page.txt"
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
EPOCH_2022_04_22 = "1650585600"  # 2022-04-22T00:00:00Z


@pytest.fixture(autouse=True)
def no_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


def opf(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        name = next(n for n in z.namelist() if n.endswith(".opf"))
        return etree.fromstring(z.read(name))


def epub_meta(data: bytes) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for el in opf(data).find("opf:metadata", NS):
        key = el.get("property") or el.get("name") or etree.QName(el).localname
        out.setdefault(key, []).append(el.text or el.get("content") or "")
    return out


def pdf_info(data: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(data)) as pdf:
        return {k: str(v) for k, v in pdf.docinfo.items()}


def xmp(data: bytes) -> dict[str, str]:
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_metadata() as meta:
        return {etree.QName(k).localname: str(meta[k]) for k in meta}


def test_the_readme_sample_is_named_by_its_file_not_by_an_invented_title() -> None:
    """No masthead, no options: the title is the file's stem, and nothing else is claimed."""
    issue = lishi_pub.parse(SAMPLE)
    assert issue.title is None  # the page prints no masthead
    meta = epub_meta(lishi_pub.render(issue, "epub"))
    assert meta["title"] == ["lishi-2022-04-page"]
    assert "creator" not in meta and "publisher" not in meta and "date" not in meta
    info = pdf_info(lishi_pub.render(issue, "pdf"))
    assert info["/Title"] == "lishi-2022-04-page"  # not the first article's headline
    assert "/Author" not in info  # not 出版者不详
    assert "/CreationDate" not in info and "/ModDate" not in info  # not 2000-01-01
    assert "出版者不详" not in str(info) and "报纸" not in info["/Title"]


def test_title_order_option_then_masthead_then_file() -> None:
    text = SAMPLE.read_text("utf-8")
    assert lishi_pub.parse_text("吕梁日报\n" + text).title == "吕梁日报"  # found in the page
    assert lishi_pub.parse_text("吕梁日报\n" + text, title="离石报").title == "离石报"  # given wins
    assert lishi_pub.parse_text("喜报\n" + text).title is None  # a banner word is no masthead
    assert epub_meta(lishi_pub.render(lishi_pub.parse_text("吕梁日报\n" + text), "epub"))["title"] == ["吕梁日报"]


def test_dates_follow_the_issue_then_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = lishi_pub.parse(SAMPLE)
    assert epub_meta(lishi_pub.render(undated, "epub"))["dcterms:modified"] == [
        WRITER_EXISTS.strftime("%Y-%m-%dT%H:%M:%SZ")]  # EPUB requires one: the documented lower bound
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH_2022_04_22)
    assert epub_meta(lishi_pub.render(undated, "epub"))["dcterms:modified"] == ["2022-04-22T00:00:00Z"]
    assert pdf_info(lishi_pub.render(undated, "pdf"))["/CreationDate"].startswith("D:20220422000000")
    dated = lishi_pub.parse(SAMPLE, date="2021-03-04", publisher="离石区融媒体中心")
    meta = epub_meta(lishi_pub.render(dated, "epub"))
    assert meta["dcterms:modified"] == ["2021-03-04T00:00:00Z"] and meta["date"] == ["2021-03-04"]  # the issue wins
    info = pdf_info(lishi_pub.render(dated, "pdf"))
    assert info["/CreationDate"].startswith("D:20210304") and info["/ModDate"] == info["/CreationDate"]
    assert info["/Author"] == "离石区融媒体中心" and meta["creator"] == meta["publisher"] == ["离石区融媒体中心"]


def test_a_malformed_source_date_epoch_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(lishi_pub.ExportError, match="SOURCE_DATE_EPOCH"):
        lishi_pub.render(lishi_pub.parse(SAMPLE), "epub")


def test_pdfa_xmp_says_what_the_info_says(monkeypatch: pytest.MonkeyPatch) -> None:
    undated = xmp(lishi_pub.render(lishi_pub.parse(SAMPLE), "pdf", pdfa=True))
    assert undated["title"] == "lishi-2022-04-page"
    assert "creator" not in undated  # no dc:creator placeholder
    assert not {"CreateDate", "ModifyDate", "MetadataDate"} & set(undated)  # no clock, no 2000-01-01
    dated = xmp(lishi_pub.render(lishi_pub.parse(SAMPLE, date="2022-04-22", publisher="离石区融媒体中心"),
                                 "pdf", pdfa=True))
    assert dated["CreateDate"].startswith("2022-04-22") and dated["MetadataDate"] == dated["CreateDate"]
    assert "离石区融媒体中心" in dated["creator"]


def test_the_epub_identifier_does_not_depend_on_how_the_path_was_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    ids = set()
    for typed in ("examples/lishi-2022-04-page.txt", "./examples/lishi-2022-04-page.txt", str(SAMPLE),
                  "examples/../examples/lishi-2022-04-page.txt"):
        ids.add(opf(lishi_pub.render(lishi_pub.parse(typed), "epub")).find(".//dc:identifier", NS).text)
    assert len(ids) == 1
