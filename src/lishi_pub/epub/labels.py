"""The words a reader sees for an issue, a page and an article.

Labels come out cleaned and never empty, because ebooklib writes an empty
navigation label as an anchor without text, which EPUBCheck rejects.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence

from ..errors import ExportError
from ..model import Article, Figure, Issue, Page
from .sanitize import clean, clean_line

__all__ = [
    "UNTITLED",
    "article_label",
    "byline",
    "chinese_date",
    "collection_name",
    "collection_span",
    "collection_title",
    "issue_number",
    "issue_title",
    "language",
    "named_publication",
    "page_label",
    "publication",
]

UNTITLED = "（无标题）"
#: How much of an untitled article's opening text stands in for its title.
SNIPPET_CHARS = 16
_DIGITS = re.compile(r"\d+")
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def chinese_date(date: _dt.date) -> str:
    return f"{date.year}年{date.month}月{date.day}日"


def named_publication(issue: Issue) -> str | None:
    """The paper's name as given: its title, else its publisher."""
    return clean_line(issue.title) or clean_line(issue.publisher)


def publication(issue: Issue) -> str:
    return named_publication(issue) or "报纸"


def issue_number(issue: Issue) -> str | None:
    """``第1234期`` for a bare number; a number printed with words is kept as printed."""
    number = clean_line(issue.number)
    if number is None:
        return None
    return f"第{number}期" if _DIGITS.fullmatch(number) else number


def issue_title(issue: Issue) -> str:
    """Publication, then date and issue number as far as they are known."""
    parts = [publication(issue)]
    if issue.date is not None:
        parts.append(chinese_date(issue.date))
    number = issue_number(issue)
    if number is not None:
        parts.append(number)
    return " ".join(parts)


def collection_name(issues: Sequence[Issue]) -> str:
    return "、".join(dict.fromkeys(publication(i) for i in issues))


def collection_span(issues: Sequence[Issue]) -> str | None:
    """The dates a collection covers, e.g. ``2022年4月1日至4月30日``."""
    dates = sorted(i.date for i in issues if i.date is not None)
    if not dates:
        return None
    first, last = dates[0], dates[-1]
    if first == last:
        return chinese_date(first)
    if first.year == last.year:
        return f"{chinese_date(first)}至{last.month}月{last.day}日"
    return f"{chinese_date(first)}至{chinese_date(last)}"


def collection_title(issues: Sequence[Issue]) -> str:
    """e.g. ``离石报 2022年4月1日至4月30日（30期）``."""
    span = collection_span(issues)
    return f"{collection_name(issues)}{' ' + span if span else ''}（{len(issues)}期）"


def language(issue: Issue) -> str:
    """The issue's language tag, refused early when EPUBCheck would reject it."""
    tag = clean_line(issue.language) or ""
    if not _LANGUAGE_TAG.fullmatch(tag):
        raise ExportError(f"language {issue.language!r} is not a BCP 47 tag such as zh-CN")
    return tag


def page_label(page: Page, position: int) -> str:
    """``第2版 综合新闻``; a label that already names the page is kept as printed."""
    label = clean_line(page.label)
    if page.number is None:
        return label or f"版面 {position}"
    if label is None:
        return f"第{page.number}版"
    return label if "版" in label else f"第{page.number}版 {label}"


def article_label(article: Article) -> str:
    """The title, or for an untitled article the start of its text, marked as such.

    A derived title is a title: it is shown like a printed one.
    """
    title = clean_line(article.title)
    if title is not None:
        return title
    texts = (b.caption if isinstance(b, Figure) else b.text for b in article.blocks)
    opening = next(filter(None, map(clean_line, texts)), None)
    opening = opening or clean_line(article.subtitle) or clean_line(article.kicker)
    if opening is None:
        return UNTITLED
    snippet = opening if len(opening) <= SNIPPET_CHARS else opening[:SNIPPET_CHARS] + "…"
    return f"{UNTITLED}{snippet}"


def byline(article: Article) -> str | None:
    """Names grouped under their roles in print order: ``记者 王艳 李明　通讯员 张三``."""
    groups: list[tuple[str | None, list[str]]] = []
    for c in article.contributors:
        name, role = clean_line(c.name), clean_line(c.role)
        if name is None:
            continue
        if groups and groups[-1][0] == role:
            groups[-1][1].append(name)
        else:
            groups.append((role, [name]))
    text = "　".join(" ".join(([role] if role else []) + names) for role, names in groups)
    return clean(text)
