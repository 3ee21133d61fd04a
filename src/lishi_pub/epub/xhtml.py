"""The XHTML content documents: cover, page note and article.

Documents are built as lxml trees and serialised once, so escaping is never a
question: every text goes in as element text, cleaned by :mod:`.sanitize`
first.  ebooklib's ``EpubHtml`` is not used for them because it re-parses the
content with an HTML parser and rebuilds the head; what is built here is what
ships.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lxml import etree

from .. import present
from ..model import Article, Block, Figure, Heading, Paragraph
from .sanitize import clean, clean_line

__all__ = ["Link", "article_document", "cover_document", "page_document"]

XHTML_NS = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: A link to another document of the book: (href, label, note shown after it).
Link = tuple[str, str, str | None]
#: A number of one or two digits standing alone (not part of 1.8, 4.15, 2022
#: or A2): vertical.css sets it upright across the column (tate-chu-yoko), as
#: vertical Chinese print does with 4月21日.
_UPRIGHT_NUMBER = re.compile(r"(?<![0-9A-Za-z.,:/%+-])[0-9]{1,2}(?![0-9A-Za-z.,:/%+-])")


def _append(parent: etree._Element, text: str, last: etree._Element | None = None) -> None:
    """Add text after ``last`` (the last child of ``parent``), or as ``parent``'s text when it has none."""
    if last is None and len(parent):
        last = parent[-1]
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _write(parent: etree._Element, text: str) -> None:
    """Add running text, marking the numbers that turn upright in vertical layout.

    The last child is carried along rather than looked up: ``len()`` of an
    lxml element counts its children one by one, which made a long paragraph
    with thousands of numbers quadratic.
    """
    last = parent[-1] if len(parent) else None
    end = 0
    for match in _UPRIGHT_NUMBER.finditer(text):
        _append(parent, text[end:match.start()], last)
        last = etree.SubElement(parent, "span", {"class": "tcy"})
        last.text = match.group()
        end = match.end()
    _append(parent, text[end:], last)


def _el(parent: etree._Element, tag: str, text: str | None = None, cls: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, tag)
    if cls:
        element.set("class", cls)
    if text is not None:
        _write(element, text)
    return element


def _document(
    title: str, lang: str, stylesheets: Sequence[str], body_class: str,
) -> tuple[etree._Element, etree._Element]:
    """A document whose body holds one ``section``: returns the root and that section."""
    html = etree.Element("html", nsmap={None: XHTML_NS})
    html.set("lang", lang)
    html.set(XML_LANG, lang)
    head = _el(html, "head")
    meta = _el(head, "meta")
    meta.set("charset", "utf-8")
    _el(head, "title").text = title
    for href in stylesheets:
        link = _el(head, "link")
        link.set("rel", "stylesheet")
        link.set("type", "text/css")
        link.set("href", href)
    return html, _el(_el(html, "body", cls=body_class), "section")


def _serialise(html: etree._Element) -> bytes:
    return etree.tostring(html, xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>",
                          pretty_print=True)


def _links(parent: etree._Element, heading: str, links: Iterable[Link], cls: str) -> None:
    links = list(links)
    if not links:
        return
    _el(parent, "h2", heading)
    ol = _el(parent, "ol", cls=cls)
    for href, label, note in links:
        li = _el(ol, "li")
        a = _el(li, "a", label)
        a.set("href", href)
        if note:
            _el(li, "span", note, cls="note")


def _figure(parent: etree._Element, figure: Figure) -> None:
    caption, credit = clean(figure.caption), clean_line(present.credit(figure.credit))
    if caption is None and credit is None:
        return
    figcaption = _el(_el(parent, "figure"), "figcaption", caption)
    if credit is not None:
        if caption is not None:
            _append(figcaption, " ")
        _el(figcaption, "span", credit, cls="credit")


def cover_document(
    *, title: str, masthead: str, lines: Sequence[str], lang: str, stylesheets: Sequence[str],
    contents_heading: str, contents: Iterable[Link],
) -> bytes:
    """The generated cover: masthead, the lines under it (date, number, publisher), contents."""
    html, section = _document(title, lang, stylesheets, "cover")
    _el(section, "h1", masthead, cls="masthead")
    for line in lines:
        _el(section, "p", line, cls="cover-line")
    _links(section, contents_heading, contents, "cover-contents")
    return _serialise(html)


def page_document(
    *, heading: str, context: str, header: Sequence[str], banners: Sequence[str],
    figures: Sequence[Figure], articles: Iterable[Link], lang: str, stylesheets: Sequence[str],
) -> bytes:
    """The short note on a page (版): its furniture, banners, loose captions and articles."""
    html, section = _document(f"{heading} · {context}", lang, stylesheets, "page-note")
    _el(section, "h1", heading)
    _el(section, "p", context, cls="context")
    for line in filter(None, map(clean_line, header)):
        _el(section, "p", line, cls="furniture")
    for line in filter(None, map(clean_line, banners)):
        _el(section, "p", line, cls="banner")
    if any(clean(f.caption) or clean_line(present.credit(f.credit)) for f in figures):
        _el(section, "h2", "本版图片说明")
        for figure in figures:
            _figure(section, figure)
    _links(section, "本版文章", articles, "page-contents")
    return _serialise(html)


def _lead_index(blocks: Sequence[Block]) -> int | None:
    """The first paragraph with text left after cleaning: the one the dateline leads."""
    return next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and clean(b.text)), None)


def article_document(article: Article, *, label: str, lang: str, stylesheets: Sequence[str]) -> bytes:
    """One article: headline apparatus in a ``header``, then its blocks in print order."""
    html, section = _document(label, lang, stylesheets, "article")
    header = etree.Element("header")
    if kicker := clean_line(article.kicker):
        _el(header, "p", kicker, cls="kicker")
    if title := clean_line(present.article_title(article)):
        h1 = _el(header, "h1", title, cls="title")
        if article.title_source == "derived":
            h1.set("title", present.DERIVED_NOTE)
    else:
        section.set("aria-label", label)
    if subtitle := clean_line(present.subtitle(article)):
        _el(header, "p", subtitle, cls="subtitle")
    if authors := clean_line(present.byline(article)):
        _el(header, "p", authors, cls="byline")
    if len(header):
        section.append(header)

    dateline = clean_line(article.dateline)
    lead = _lead_index(article.blocks)
    if dateline is not None and lead is None:
        _el(_el(section, "p", cls="lead"), "b", dateline, cls="dateline")
    for index, block in enumerate(article.blocks):
        if isinstance(block, Figure):
            _figure(section, block)
            continue
        text = clean(block.text)
        if text is None:
            continue
        if isinstance(block, Heading):
            _el(section, "h2", clean_line(text))
        elif index == lead and dateline is not None:
            p = _el(section, "p", cls="lead")
            _el(p, "b", dateline, cls="dateline")
            _write(p, " " + text)
        else:
            _el(section, "p", text)
    if len(section) == 0:
        _el(section, "p", "（本文无正文）", cls="empty")
    return _serialise(html)
