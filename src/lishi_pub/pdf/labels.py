"""The words the PDF adds around the content, from :mod:`lishi_pub.present`.

The outline, the running head, the table of contents and the document
metadata all name things through here, and here everything comes from the
presentation layer the EPUB and the plugins share, passed through the PDF's
own cleaner (which also drops format characters a font would draw as boxes).
"""

from __future__ import annotations

from .. import present
from ..model import Article, Issue, Page
from .cleantext import clean

__all__ = [
    "article_label",
    "byline",
    "chinese_date",
    "document_title",
    "issue_line",
    "page_label",
    "page_labels",
    "publication",
    "subtitle",
    "title",
]


def _clean(text: str | None) -> str:
    return clean(text or "").strip()


def chinese_date(issue: Issue) -> str:
    """2022年4月22日 星期五, or '' for an undated issue."""
    if issue.date is None:
        return ""
    return f"{present.chinese_date(issue.date)} {present.weekday(issue.date)}"


def publication(issue: Issue) -> str:
    """The masthead: the title given or found, else the publisher, else the input's file name."""
    return _clean(present.masthead(issue))


def issue_line(issue: Issue) -> str:
    """The line under the masthead: date, issue number and publisher."""
    parts = [chinese_date(issue), _clean(present.issue_number(issue))]
    publisher = _clean(issue.publisher)
    if publisher and publisher != publication(issue):
        parts.append(publisher)
    return "　".join(p for p in parts if p)


def document_title(issue: Issue) -> str | None:
    """``离石报 2022年4月22日 第1234期`` for the title bar and ``/Title``; None
    when nothing names the issue (the PDF then has no title rather than an
    article's headline posing as one)."""
    return _clean(present.issue_label(issue)) or None


def page_label(page: Page, index: int) -> str:
    """``第2版 综合新闻`` for a page that is the ``index``-th (1-based)."""
    return _clean(present.page_label(page, index))


def page_labels(pages: tuple[Page, ...]) -> list[str]:
    """The labels of an issue's pages, no two alike."""
    return [_clean(label) for label in present.page_labels(pages)]


def title(article: Article) -> str:
    """The headline as printed; a derived one in brackets, as every format marks it."""
    return _clean(present.article_title(article))


def article_label(article: Article) -> str:
    """The title, or for an untitled article ``（无标题）`` and the start of its text."""
    return _clean(present.article_label(article)) or present.UNTITLED


def subtitle(article: Article) -> str:
    """``——副题``, with its dash."""
    return _clean(present.subtitle(article))


def byline(article: Article) -> str:
    """记者 王艳 李明　通讯员 李四: each role once, before its names."""
    return _clean(present.byline(article))
