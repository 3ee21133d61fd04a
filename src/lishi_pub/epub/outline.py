"""What documents the book holds, what they are called and how they nest.

One issue is a cover, then per page (版) a short page note followed by that
page's articles.  A collection puts its own cover first and each issue's cover
at the head of that issue.  The tree built here is both the reading order
(pre-order) and the table of contents (issue → page → article).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from attrs import frozen

from .. import present
from ..model import Issue, Page
from . import labels, xhtml
from .cover import CoverText
from .sanitize import clean_line

__all__ = ["COVER", "Entry", "Outline", "collection_outline", "issue_outline"]

COVER = "text/cover.xhtml"
COVER_LABEL = "封面"


@frozen
class Entry:
    """One XHTML document: its path inside the package folder, its label, and
    how to make its bytes.

    ``make`` runs when the document is written into the archive, so a book
    holds one document's bytes at a time, not all of them (bounded memory,
    issue 13): every document depends only on the issue and the labels of
    the entries, which are known before anything is written.
    """

    name: str
    label: str
    make: Callable[[], bytes]
    children: tuple[Entry, ...] = ()

    @property
    def uid(self) -> str:
        """Manifest id: the ASCII file stem, which always starts with a letter."""
        return self.name.rsplit("/", 1)[-1].removesuffix(".xhtml")

    def walk(self) -> tuple[Entry, ...]:
        return (self, *(e for child in self.children for e in child.walk()))


@frozen
class Outline:
    cover: Entry
    parts: tuple[Entry, ...]
    cover_text: CoverText

    @property
    def reading_order(self) -> tuple[Entry, ...]:
        return (self.cover, *(e for part in self.parts for e in part.walk()))


def _href(name: str) -> str:
    """All documents share the text/ folder, so a link is the bare file name."""
    return name.removeprefix("text/")


def _page(issue: Issue, page: Page, position: int, heading: str, stem: str, css: Sequence[str]) -> Entry:
    page_name = f"text/{stem}-p{position:02d}.xhtml"
    lang = labels.language(issue)
    articles = tuple(
        Entry(
            name=f"text/{stem}-p{position:02d}-a{index:03d}.xhtml",
            label=(label := clean_line(present.article_label(article)) or present.UNTITLED),
            make=partial(xhtml.article_document, article, label=label, lang=lang, stylesheets=css),
        )
        for index, article in enumerate(page.articles, start=1)
    )
    make = partial(
        xhtml.page_document,
        heading=heading, context=labels.issue_title(issue), header=page.header, banners=page.banners,
        figures=page.figures, articles=[(_href(a.name), a.label, None) for a in articles],
        lang=lang, stylesheets=css,
    )
    return Entry(name=page_name, label=heading, make=make, children=articles)


def _pages(issue: Issue, stem: str, css: Sequence[str]) -> tuple[Entry, ...]:
    """Each page under its label; no two pages of an issue are labelled alike."""
    headings = [clean_line(h) or f"第{n}面" for n, h in enumerate(present.page_labels(issue.pages), start=1)]
    return tuple(_page(issue, page, n, headings[n - 1], stem, css) for n, page in enumerate(issue.pages, start=1))


def _issue_lines(issue: Issue) -> list[str]:
    lines = [f"{present.chinese_date(issue.date)} {present.weekday(issue.date)}"] if issue.date is not None else []
    if (number := present.issue_number(issue)) is not None:
        lines.append(number)
    publisher = clean_line(issue.publisher)
    if publisher is not None and publisher != clean_line(present.masthead(issue)):
        lines.append(publisher)
    return lines


def _issue_cover_text(issue: Issue, pages: Sequence[Entry]) -> CoverText:
    return CoverText(
        masthead=clean_line(present.masthead(issue)) or present.SUPPLIED_TITLE,
        lines=tuple(_issue_lines(issue)), heading="本期版面",
        rows=tuple((p.label, f"{len(p.children)}篇" if p.children else None) for p in pages),
        details=tuple(tuple(a.label for a in p.children) for p in pages),
    )


def _cover_document(text: CoverText, title: str, lang: str, hrefs: Sequence[str],
                    css: Sequence[str]) -> Callable[[], bytes]:
    return partial(
        xhtml.cover_document,
        title=title, masthead=text.masthead, lines=text.lines, lang=lang, stylesheets=css,
        contents_heading=text.heading,
        contents=[(href, label, note) for href, (label, note) in zip(hrefs, text.rows)],
    )


def issue_outline(issue: Issue, *, title: str, css: Sequence[str]) -> Outline:
    pages = _pages(issue, "i001", css)
    text = _issue_cover_text(issue, pages)
    make = _cover_document(text, title, labels.language(issue), [_href(p.name) for p in pages], css)
    return Outline(cover=Entry(name=COVER, label=COVER_LABEL, make=make), parts=pages, cover_text=text)


def collection_outline(issues: Sequence[Issue], *, title: str, css: Sequence[str]) -> Outline:
    parts = []
    for n, issue in enumerate(issues, start=1):
        stem = f"i{n:03d}"
        pages = _pages(issue, stem, css)
        label = labels.issue_title(issue)
        make = _cover_document(_issue_cover_text(issue, pages), label, labels.language(issue),
                               [_href(p.name) for p in pages], css)
        parts.append(Entry(name=f"text/{stem}.xhtml", label=label, make=make, children=pages))
    span = present.collection_span(issues)
    text = CoverText(
        masthead=clean_line(present.collection_name(issues)) or present.SUPPLIED_TITLE,
        lines=(*([span] if span else []), f"共{len(issues)}期"), heading="各期",
        rows=tuple((p.label, None) for p in parts),
    )
    make = _cover_document(text, title, labels.language(issues[0]), [_href(p.name) for p in parts], css)
    return Outline(cover=Entry(name=COVER, label=COVER_LABEL, make=make), parts=tuple(parts), cover_text=text)
