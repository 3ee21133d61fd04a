"""The words the PDF adds around the content: dates, page labels, article labels, metadata.

Kept apart from layout so the outline, the running head, the table of
contents and the document metadata all name things the same way.
"""

from __future__ import annotations

import datetime as _dt

from ..model import Article, Issue, Page
from .cleantext import clean

__all__ = [
    "article_label",
    "byline",
    "chinese_date",
    "document_title",
    "issue_line",
    "page_label",
    "publication",
]

_WEEKDAYS = "一二三四五六日"
_SNIPPET = 18


def chinese_date(date: _dt.date) -> str:
    """2022年4月22日 星期五"""
    return f"{date.year}年{date.month}月{date.day}日 星期{_WEEKDAYS[date.weekday()]}"


def publication(issue: Issue) -> str:
    return clean(issue.title or issue.publisher or "").strip()


def _number(issue: Issue) -> str:
    number = clean(issue.number or "").strip()
    if number and number.isdigit():
        return f"第{number}期"
    return number


def issue_line(issue: Issue) -> str:
    """The line under the masthead: date, issue number and publisher."""
    parts = [chinese_date(issue.date) if issue.date else "", _number(issue)]
    publisher = clean(issue.publisher or "").strip()
    if publisher and publisher != publication(issue):
        parts.append(publisher)
    return "　".join(p for p in parts if p)


def document_title(issue: Issue) -> str:
    """The title shown in a viewer's title bar (displayDocTitle): publication, date and number,
    or, when the issue names none of them, its first article."""
    parts = [publication(issue), chinese_date(issue.date).split(" ")[0] if issue.date else "", _number(issue)]
    title = " ".join(p for p in parts if p)
    if not title and issue.articles:
        title = article_label(issue.articles[0])
    return title or "未命名报纸"


def page_label(page: Page, index: int) -> str:
    """第N版 (or the label the dump printed), for a page that is the ``index``-th (1-based)."""
    label = clean(page.label or "").strip()
    if label:
        return label
    return f"第{page.number if page.number is not None else index}版"


def article_label(article: Article) -> str:
    """The article's title; an untitled one is named by the start of its first paragraph."""
    if article.title:
        return clean(article.title).strip()
    for block in article.blocks:
        text = clean(getattr(block, "text", None) or getattr(block, "caption", "")).strip()
        if text:
            snippet = text if len(text) <= _SNIPPET else text[:_SNIPPET] + "…"
            return f"（无题）{snippet}"
    return "（无题）"


def byline(article: Article) -> str:
    """记者 王艳　通讯员 李四: each author with the role printed before the name."""
    names = []
    for name, role in ((c.name, c.role) for c in article.contributors):
        name = clean(name).strip()
        if name:
            names.append(f"{clean(role).strip()} {name}" if role and clean(role).strip() else name)
    return "　".join(names)

