"""What documents the book holds, what they are called and how they nest.

One issue is a cover, then per page (版) a short page note followed by that
page's articles.  A collection puts its own cover first and each issue's cover
at the head of that issue.  The tree built here is both the reading order
(pre-order) and the table of contents (issue → page → article).
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from ..model import Issue, Page
from . import labels, xhtml
from .sanitize import clean_line

__all__ = ["COVER", "Entry", "Outline", "collection_outline", "issue_outline"]

COVER = "text/cover.xhtml"
COVER_LABEL = "封面"


@frozen
class Entry:
    """One XHTML document: its path inside the package folder, its label, its bytes."""

    name: str
    label: str
    content: bytes
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

    @property
    def reading_order(self) -> tuple[Entry, ...]:
        return (self.cover, *(e for part in self.parts for e in part.walk()))


def _href(name: str) -> str:
    """All documents share the text/ folder, so a link is the bare file name."""
    return name.removeprefix("text/")


def _page(issue: Issue, page: Page, position: int, stem: str, css: Sequence[str]) -> Entry:
    page_name = f"text/{stem}-p{position:02d}.xhtml"
    lang = labels.language(issue)
    articles = tuple(
        Entry(
            name=f"text/{stem}-p{position:02d}-a{index:03d}.xhtml",
            label=(label := labels.article_label(article)),
            content=xhtml.article_document(article, label=label, lang=lang, stylesheets=css),
        )
        for index, article in enumerate(page.articles, start=1)
    )
    heading = labels.page_label(page, position)
    content = xhtml.page_document(
        heading=heading, context=labels.issue_title(issue), header=page.header, banners=page.banners,
        figures=page.figures, articles=[(_href(a.name), a.label, None) for a in articles],
        lang=lang, stylesheets=css,
    )
    return Entry(name=page_name, label=heading, content=content, children=articles)


def _pages(issue: Issue, stem: str, css: Sequence[str]) -> tuple[Entry, ...]:
    return tuple(_page(issue, page, n, stem, css) for n, page in enumerate(issue.pages, start=1))


def _issue_lines(issue: Issue) -> list[str]:
    lines = [labels.chinese_date(issue.date)] if issue.date is not None else []
    if (number := labels.issue_number(issue)) is not None:
        lines.append(number)
    if (publisher := clean_line(issue.publisher)) is not None:
        lines.append(publisher)
    return lines


def _issue_cover(issue: Issue, title: str, pages: Sequence[Entry], css: Sequence[str]) -> bytes:
    return xhtml.cover_document(
        title=title, masthead=labels.publication(issue), lines=_issue_lines(issue),
        lang=labels.language(issue), stylesheets=css, contents_heading="本期版面",
        contents=[(_href(p.name), p.label, f"{len(p.children)}篇" if p.children else None) for p in pages],
    )


def issue_outline(issue: Issue, *, title: str, css: Sequence[str]) -> Outline:
    pages = _pages(issue, "i001", css)
    cover = Entry(name=COVER, label=COVER_LABEL, content=_issue_cover(issue, title, pages, css))
    return Outline(cover=cover, parts=pages)


def collection_outline(issues: Sequence[Issue], *, title: str, css: Sequence[str]) -> Outline:
    parts = []
    for n, issue in enumerate(issues, start=1):
        stem = f"i{n:03d}"
        pages = _pages(issue, stem, css)
        label = labels.issue_title(issue)
        parts.append(Entry(name=f"text/{stem}.xhtml", label=label,
                           content=_issue_cover(issue, label, pages, css), children=pages))
    span = labels.collection_span(issues)
    content = xhtml.cover_document(
        title=title, masthead=labels.collection_name(issues),
        lines=[*([span] if span else []), f"共{len(issues)}期"], lang=labels.language(issues[0]),
        stylesheets=css, contents_heading="各期", contents=[(_href(p.name), p.label, None) for p in parts],
    )
    return Outline(cover=Entry(name=COVER, label=COVER_LABEL, content=content), parts=tuple(parts))
