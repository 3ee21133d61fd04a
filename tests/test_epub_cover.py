"""The generated cover image: declared cover-image, drawn from what the cover page says, stable."""

from __future__ import annotations

import io
import zipfile

import attrs
from lxml import etree
from PIL import Image

import lishi_pub
from epub_samples import NS, hostile_issue, two_page_issue
from lishi_pub import Page
from lishi_pub.epub.cover import HEIGHT, MASTHEAD_RED, WIDTH, CoverText, draw_cover


def cover_of(data: bytes) -> tuple[etree._Element, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        opf = etree.fromstring(z.read("EPUB/content.opf"))
        item = opf.find(".//opf:manifest/opf:item[@properties='cover-image']", NS)
        return opf, z.read("EPUB/" + item.get("href"))


def test_the_book_declares_a_png_cover_image() -> None:
    opf, png = cover_of(lishi_pub.render(two_page_issue(), "epub"))
    item = opf.find(".//opf:manifest/opf:item[@properties='cover-image']", NS)
    assert item.get("media-type") == "image/png"
    assert opf.find(".//opf:metadata/opf:meta[@name='cover']", NS).get("content") == item.get("id")  # EPUB 2
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (WIDTH, HEIGHT)
    top = image.crop((0, 0, WIDTH, HEIGHT // 5)).convert("RGB")
    assert MASTHEAD_RED in {colour for _, colour in top.getcolors(WIDTH * HEIGHT)}  # the masthead is drawn


def test_the_cover_shows_what_the_issue_says() -> None:
    base = cover_of(lishi_pub.render(two_page_issue(), "epub"))[1]
    assert cover_of(lishi_pub.render(two_page_issue(), "epub"))[1] == base  # same issue, same bytes
    for change in ({"title": "吕梁日报"}, {"number": "1235"}, {"publisher": None}):
        assert cover_of(lishi_pub.render(attrs.evolve(two_page_issue(), **change), "epub"))[1] != base
    more = attrs.evolve(two_page_issue(), pages=(*two_page_issue().pages, Page(number=3, label="专版")))
    assert cover_of(lishi_pub.render(more, "epub"))[1] != base  # the list of pages is on it


def test_long_lists_and_hostile_text_still_draw() -> None:
    rows = tuple((f"第{k}版 综合新闻", f"{k}篇") for k in range(1, 60))
    png = draw_cover(CoverText("离石报" * 20, ("2022年4月22日 星期五",), "本期版面", rows, tuple(("标题",) for _ in rows)))
    assert Image.open(io.BytesIO(png)).size == (WIDTH, HEIGHT)
    assert cover_of(lishi_pub.render(hostile_issue(), "epub"))[1].startswith(b"\x89PNG")
