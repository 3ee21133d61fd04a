"""The words every format prints around the content: one presentation layer.

After pandoc's ``Text.Pandoc.Writers.Shared``: the EPUB, the PDF and the
example plugins all call these functions, so an issue reads the same in each
format: the page is ``第2版 综合新闻`` everywhere, a byline groups its names
under their role everywhere, a credit keeps its ``摄`` everywhere.  A plugin
author who prints any of these things should call them too (docs/plugins.md).

Every function takes model values and returns plain text (or None when there
is nothing to print).  The text is free of control characters, surrogates and
noncharacters and has its white space folded, but it is not escaped: escaping
belongs to the writer, which alone knows its markup.

The conventions are data, kept together here (trafilatura-style) rather than
scattered through the writers.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from pathlib import PurePath, PurePosixPath, PureWindowsPath

from .model import Article, Contributor, Credit, Figure, Issue, Page

__all__ = [
    "DERIVED_CLOSE",
    "DERIVED_NOTE",
    "DERIVED_OPEN",
    "SUBTITLE_DASH",
    "SUPPLIED_TITLE",
    "UNTITLED",
    "article_label",
    "article_title",
    "byline",
    "byline_groups",
    "chinese_date",
    "collection_label",
    "collection_name",
    "collection_span",
    "credit",
    "issue_label",
    "issue_number",
    "masthead",
    "page_label",
    "page_labels",
    "subtitle",
    "text",
    "weekday",
]

#: An article without a title is named by this and the start of its text.
UNTITLED = "（无标题）"
#: How much of an untitled article's opening text stands in for its title.
SNIPPET_CHARS = 16
#: A title lishi-pub made from the lead is printed in square brackets, as a
#: cataloguer marks a title she supplied (ISBD 1.1.2, 中国文献编目规则 自拟题名).
DERIVED_OPEN, DERIVED_CLOSE = "［", "］"
#: The legend a format prints once where it shows a derived title.
DERIVED_NOTE = "方括号中的标题由 lishi-pub 据导语拟定，原版无标题。"
#: For the one place a format cannot do without a title (EPUB's dc:title) and
#: nothing names the issue: a title visibly supplied, in the same brackets.
SUPPLIED_TITLE = f"{DERIVED_OPEN}未题名报纸{DERIVED_CLOSE}"
#: A 副题 is printed after a dash of two em-dash widths.
SUBTITLE_DASH = "——"
#: Separators: between role groups of a byline, and between names of one group.
GROUP_GAP, NAME_GAP = "\u3000", " "
_WEEKDAYS = "一二三四五六日"

_BAD = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF) for plane in range(17))
    + "]"
)
_SPACE = re.compile(r"[ \t\n\r\u2028\u2029\x85]+")
_DIGITS = re.compile(r"\d+")
_DASHES = re.compile(r"^[—–\-－─━]+\s*")


def text(value: str | None) -> str | None:
    """``value`` as one line with nothing a format cannot hold, or None when
    nothing visible is left.  U+3000 is kept between two phrases of a
    headline, where it is meant; at either end it is padding, and goes."""
    if value is None:
        return None
    value = _SPACE.sub(" ", _BAD.sub("", value)).strip()
    return value if value.strip() else None


def chinese_date(date: _dt.date) -> str:
    """``2022年4月22日``."""
    return f"{date.year}年{date.month}月{date.day}日"


def weekday(date: _dt.date) -> str:
    """``星期五``."""
    return f"星期{_WEEKDAYS[date.weekday()]}"


def issue_number(issue: Issue) -> str | None:
    """``第1234期`` for a bare number; a number printed with words is kept as printed."""
    number = text(issue.number)
    if number is None:
        return None
    return f"第{number}期" if _DIGITS.fullmatch(number) else number


def masthead(issue: Issue) -> str | None:
    """What names the issue, in the order a catalogue would trust it: the title
    given or found in the page (``Issue.title``), then the publisher, then the
    stem of the file the first page came from.  None when there is nothing at
    all: the caller leaves the title out rather than invent one."""
    found = text(issue.title) or text(issue.publisher)
    if found:
        return found
    source = next((p.source for p in issue.pages if p.source), None)
    return file_stem(source) if source else None


def file_stem(source: str) -> str | None:
    """``lishi-2022-04-page`` from ``lishi-2022-04-page.txt``, ``/abs/dir/lishi-2022-04-page.txt``
    or ``C:\\x\\lishi-2022-04-page.txt``: the same however the path was typed.  None for a
    pseudo-name such as ``<text>`` or ``-`` (text that came from no file)."""
    if source.startswith("<") or source.strip() in ("", "-"):
        return None
    path: PurePath = PureWindowsPath(source) if "\\" in source else PurePosixPath(source)
    return text(path.stem or path.name)


def issue_label(issue: Issue, *, with_weekday: bool = False) -> str | None:
    """``离石报 2022年4月22日 第1234期``: as much of it as is known, or None."""
    date = None
    if issue.date is not None:
        date = chinese_date(issue.date) + (f" {weekday(issue.date)}" if with_weekday else "")
    parts = [masthead(issue), date, issue_number(issue)]
    shown = [p for p in parts if p]
    return " ".join(shown) or None


def page_label(page: Page, position: int) -> str:
    """``第2版 综合新闻``: the number and the printed name, the number from the
    page when it has one, else from its position (1-based) in the issue.  A
    printed label that already says 版 (``第2版``, ``第2版：要闻``) is kept as printed."""
    label = text(page.label)
    number = page.number if page.number is not None else position
    if label is None:
        return f"第{number}版"
    return label if "版" in label else f"第{number}版 {label}"


def page_labels(pages: Sequence[Page]) -> list[str]:
    """The labels of an issue's pages, no two alike.

    Printed labels are used as they are; a page whose label would repeat
    another's (two 第3版 from a mis-numbered dump) gets its position added,
    ``第3版（第4面）``, so that a reader can always tell them apart.
    """
    labels = [page_label(p, k) for k, p in enumerate(pages, start=1)]
    seen: dict[str, int] = {}
    for label in labels:
        seen[label] = seen.get(label, 0) + 1
    return [f"{label}（第{k}面）" if seen[label] > 1 else label for k, label in enumerate(labels, start=1)]


def article_title(article: Article) -> str | None:
    """The title as printed; a derived one in square brackets (:data:`DERIVED_OPEN`)."""
    title = text(article.title)
    if title is None:
        return None
    return f"{DERIVED_OPEN}{title}{DERIVED_CLOSE}" if article.title_source == "derived" else title


def article_label(article: Article) -> str:
    """The title (:func:`article_title`), or for an untitled article
    ``（无标题）`` and the start of its text: never empty, so it can name a
    chapter, a bookmark or a table-of-contents entry."""
    title = article_title(article)
    if title is not None:
        return title
    texts = (b.caption if isinstance(b, Figure) else b.text for b in article.blocks)
    opening = next(filter(None, map(text, texts)), None) or text(article.subtitle) or text(article.kicker)
    if opening is None:
        return UNTITLED
    snippet = opening if len(opening) <= SNIPPET_CHARS else opening[:SNIPPET_CHARS] + "…"
    return f"{UNTITLED}{snippet}"


def subtitle(article: Article) -> str | None:
    """``——全区干部群众植树三万株``: the 副题 with its dash, however the
    source printed the dash (or left it out)."""
    value = text(article.subtitle)
    if value is None:
        return None
    value = _DASHES.sub("", value)
    return f"{SUBTITLE_DASH}{value}" if value else None


def byline_groups(people: Sequence[Contributor]) -> list[tuple[str | None, list[str]]]:
    """Consecutive names under one role, in print order: ``[("记者", ["王艳", "李明"]), ("通讯员", ["张三"])]``."""
    groups: list[tuple[str | None, list[str]]] = []
    for person in people:
        name, role = text(person.name), text(person.role)
        if name is None:
            continue
        if groups and groups[-1][0] == role:
            groups[-1][1].append(name)
        else:
            groups.append((role, [name]))
    return groups


def _names(people: Sequence[Contributor]) -> str | None:
    shown = GROUP_GAP.join(
        NAME_GAP.join(([role] if role else []) + names) for role, names in byline_groups(people)
    )
    return shown or None


def byline(article: Article) -> str | None:
    """``记者 王艳 李明　通讯员 张三``: each role printed once, before its names."""
    return _names(article.contributors)


def credit(value: Credit | None) -> str | None:
    """A photo credit as the page put it: ``王晶晶 摄``, ``通讯员 刘芳 供图``,
    ``资料图``, ``图片来源：新华网``; a bare name (a reader that found no
    credit word) stays a bare name rather than gain a word nobody printed."""
    if value is None:
        return None
    names, kind = _names(value.by), text(value.kind)
    if names is None:
        return kind
    if kind is None:
        return names
    if kind.startswith("图片来源"):
        return f"{kind}：{names}"
    return f"{names} {kind}"


def collection_name(issues: Sequence[Issue]) -> str | None:
    """The papers of a collection, each once: ``离石报、吕梁日报``."""
    names = dict.fromkeys(filter(None, map(masthead, issues)))
    return "、".join(names) or None


def collection_span(issues: Sequence[Issue]) -> str | None:
    """The dates a collection covers: ``2022年4月1日至4月30日``."""
    dates = sorted(i.date for i in issues if i.date is not None)
    if not dates:
        return None
    first, last = dates[0], dates[-1]
    if first == last:
        return chinese_date(first)
    if first.year == last.year:
        return f"{chinese_date(first)}至{last.month}月{last.day}日"
    return f"{chinese_date(first)}至{chinese_date(last)}"


def collection_label(issues: Sequence[Issue]) -> str:
    """``离石报 2022年4月1日至4月30日（30期）``, as much of it as is known."""
    head = " ".join(p for p in (collection_name(issues), collection_span(issues)) if p)
    return f"{head}（{len(issues)}期）"
