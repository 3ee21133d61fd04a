"""Assemble the EPUB 3 package with ebooklib and write it deterministically.

ebooklib writes the package document, the navigation document (with
landmarks) and the NCX from the outline; the content documents come finished
from :mod:`.xhtml`, each made only when ebooklib writes it into the archive,
so the book never holds more than one of them.  The archive goes through :mod:`.zipwrite`, which fixes
each entry's time and permissions as ebooklib writes it, because ebooklib's
own entries carry the clock.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from .._version import __version__
from ..model import Issue
from . import identity, labels, outline
from .cover import draw_cover
from .sanitize import clean_line
from .style import stylesheets
from .zipwrite import write_book

__all__ = ["build"]

XHTML_TYPE = "application/xhtml+xml"
STYLE_DIR = "style"
COVER_IMAGE = "images/cover.png"
#: EPUB Accessibility 1.1 metadata, each claim true of every book built here:
#: text only (captions stand in for photos the dump did not carry), headings
#: and a table of contents mirroring the paper's pages, print reading order.
ACCESSIBILITY = (
    ("schema:accessMode", "textual"),
    ("schema:accessModeSufficient", "textual"),
    ("schema:accessibilityFeature", "structuralNavigation"),
    ("schema:accessibilityFeature", "tableOfContents"),
    ("schema:accessibilityFeature", "readingOrder"),
    ("schema:accessibilityHazard", "none"),
    ("schema:accessibilitySummary",
     "纯文本报纸：按版面和文章组织，每篇文章有标题层级，目录按期、版、文章排列。"
     "原版照片未收录，只保留图片说明和作者。"),
)


def build(issues: Sequence[Issue], *, collection: bool, vertical: bool = False, title: str | None = None) -> bytes:
    """The whole EPUB file of one issue, or of several issues as one book."""
    from ebooklib import epub

    css = stylesheets(vertical)
    links = [f"../{STYLE_DIR}/{name}" for name in css]
    title = title or labels.book_title(issues, collection=collection)
    if collection:
        plan = outline.collection_outline(issues, title=title, css=links)
        identifier = identity.collection_identifier(issues)
    else:
        plan = outline.issue_outline(issues[0], title=title, css=links)
        identifier = identity.issue_identifier(issues[0])

    book = epub.EpubBook()
    _describe(book, issues, identifier=identifier, title=title, vertical=vertical)
    book.set_cover(COVER_IMAGE, draw_cover(plan.cover_text), create_page=False)
    _fill(book, plan, css)
    return write_book(book, {
        "epub3_pages": False,
        "landmark_title": "导览",
        "mtime": identity.modified(issues),
        "raise_exceptions": True,
    }, identity.modified(issues))


def _describe(book: Any, issues: Sequence[Issue], *, identifier: str, title: str, vertical: bool) -> None:
    """The package metadata."""
    from ebooklib import VERSION as EBOOKLIB_VERSION

    book.set_identifier(identifier)
    book.set_title(title)
    book.set_language(labels.language(issues[0]))
    # The publisher is the paper's creator in a catalogue; given or found, else left out, never a placeholder.
    publishers = dict.fromkeys(filter(None, (clean_line(i.publisher) for i in issues)))
    for n, publisher in enumerate(publishers, start=1):
        book.add_author(publisher, uid=f"creator-{n}")  # distinct ids: ebooklib's default repeats
        book.add_metadata("DC", "publisher", publisher)
    dates = [i.date for i in issues if i.date is not None]
    if dates:
        book.add_metadata("DC", "date", max(dates).isoformat())
    generator = f"lishi-pub {__version__} (EbookLib {'.'.join(map(str, EBOOKLIB_VERSION))})"
    book.set_unique_metadata("OPF", "generator", "", {"name": "generator", "content": generator})
    for prop, value in ACCESSIBILITY:
        book.add_metadata(None, "meta", value, {"property": prop})
    if vertical:
        book.set_direction("rtl")  # the spine's page-progression-direction
        book.add_metadata(None, "meta", "", {"name": "primary-writing-mode", "content": "vertical-rl"})


def _fill(book: Any, plan: outline.Outline, css: dict[str, bytes]) -> None:
    """Style sheets, documents, spine, navigation and landmarks."""
    from ebooklib import epub

    for name, content in css.items():
        book.add_item(epub.EpubItem(uid=f"css-{name.removesuffix('.css')}", file_name=f"{STYLE_DIR}/{name}",
                                    media_type="text/css", content=content))
    spine = []
    document = _document_class()
    for entry in plan.reading_order:
        item = document(entry.make, uid=entry.uid, file_name=entry.name, media_type=XHTML_TYPE)
        book.add_item(item)
        spine.append(item)
    nav = epub.EpubNav(title="目录")
    for name in css:
        nav.add_link(href=f"{STYLE_DIR}/{name}", rel="stylesheet", type="text/css")
    book.add_item(nav)
    book.add_item(epub.EpubNcx())
    # Out of the reading order (the cover lists the pages), but in the spine,
    # since the "toc" landmark may only point at a spine item.
    book.spine = [spine[0], (nav, "no"), *spine[1:]]
    book.toc = [epub.Link(plan.cover.name, plan.cover.label, "toc-cover"), *map(_toc, plan.parts)]
    book.guide = [
        {"type": "cover", "href": plan.cover.name, "title": plan.cover.label},
        {"type": "toc", "href": nav.file_name, "title": "目录"},
        {"type": "text", "href": plan.parts[0].name if plan.parts else plan.cover.name, "title": "正文"},
    ]


@cache
def _document_class() -> Any:
    from ebooklib import epub

    class Document(epub.EpubItem):  # type: ignore[misc]
        """A content document made as ebooklib writes it into the archive (its
        only call for the bytes), then let go: one document in memory at a time."""

        def __init__(self, make: Callable[[], bytes], **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self._make = make

        def get_content(self, default: bytes | None = None) -> bytes:
            return self._make()

    return Document


def _toc(entry: outline.Entry) -> Any:
    """A document with children is a section heading that links to it; a leaf is a link."""
    from ebooklib import epub

    if not entry.children:
        return epub.Link(entry.name, entry.label, f"toc-{entry.uid}")
    return (epub.Section(entry.label, entry.name), [_toc(child) for child in entry.children])
