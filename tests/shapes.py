"""Inputs of a given size and shape, for the scaling test and bench/bench_scaling.py.

Each shape is one of the ways an input can be big: one huge page of many
stories, one huge paragraph, thousands of short lines, thousands of
headline-like lines.  Text is varied (numbered sentences), so no shape is
artificially easy to compress, match or break.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from lishi_pub.model import Article, Issue, Page, Paragraph

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "lishi-2022-04-page.txt"


def _sentence(k: int) -> str:
    return f"离石区第{k}项工作稳步推进，群众满意度达到百分之{k % 100}。"


def _fill(size: int, piece: Callable[[int], str]) -> str:
    """Pieces until ``size`` UTF-8 bytes."""
    parts, total, k = [], 0, 0
    while total < size:
        text = piece(k)
        parts.append(text)
        total += len(text.encode("utf-8"))
        k += 1
    return "".join(parts)


def page_text(size: int) -> str:
    """One page (no form feed) of many stories: the sample page's text again and again."""
    sample = SAMPLE.read_text("utf-8").replace("\f", "\n")
    return _fill(size, lambda k: sample + "\n")


def paragraph_text(size: int) -> str:
    """One paragraph on one line."""
    return _fill(size, _sentence) + "\n"


def short_lines_text(size: int) -> str:
    """Thousands of short lines, as an extractor breaking a narrow column leaves them."""
    return _fill(size, lambda k: f"第{k}行文字\n")


def headline_lines_text(size: int) -> str:
    """The sample page followed by thousands of short headline-like lines."""
    sample = SAMPLE.read_text("utf-8")
    return sample + _fill(size - len(sample.encode("utf-8")), lambda k: f"离石区召开第{k}次专题会议\n")


ENGLISH = Path(__file__).resolve().parent / "data" / "english-county-news.txt"


def english_text(size: int) -> str:
    """An English page (the Latin-script path of the dump reader): the English news page again and again."""
    news = ENGLISH.read_text("utf-8")
    return _fill(size, lambda k: news + "\n")


TEXT_SHAPES: dict[str, Callable[[int], str]] = {
    "english": english_text,
    "page": page_text,
    "paragraph": paragraph_text,
    "short-lines": short_lines_text,
    "headline-lines": headline_lines_text,
}


def articles_issue(size: int) -> Issue:
    """One page of many articles of a few paragraphs each, about ``size`` bytes of text."""
    per_article = 5
    count = max(1, size // (per_article * 60))
    articles = tuple(
        Article(id=f"a{n}", title=f"第{n}篇报道的标题", title_source="headline",
                blocks=tuple(Paragraph(_sentence(n * per_article + k)) for k in range(per_article)))
        for n in range(count)
    )
    return Issue(title="离石报", date=dt.date(2022, 4, 22), pages=(Page(number=1, articles=articles),))


def paragraph_issue(size: int) -> Issue:
    """One article holding one paragraph of about ``size`` bytes."""
    text = paragraph_text(size).strip()
    return Issue(title="离石报", date=dt.date(2022, 4, 22),
                 pages=(Page(number=1, articles=(Article(id="a1", blocks=(Paragraph(text),)),)),))


ISSUE_SHAPES: dict[str, Callable[[int], Issue]] = {
    "articles": articles_issue,
    "paragraph": paragraph_issue,
}


def measure(kind: str, shape: str, size: int, fmt: str) -> dict[str, float]:
    """CPU seconds and peak memory growth (bytes) of one parse or render, in this (fresh) process.

    Imports and a small warm-up come first, so what is measured is the work
    on the input alone.  Run it in a process of its own: peak RSS never goes down.
    """
    import resource
    import time

    import lishi_pub

    def peak() -> int:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    if kind == "parse":
        lishi_pub.parse_text(SAMPLE.read_text("utf-8"))
        text = TEXT_SHAPES[shape](size)
        before = peak()
        start = time.process_time()
        lishi_pub.parse_text(text)
    else:
        lishi_pub.render(ISSUE_SHAPES[shape](4000), fmt)
        issue = ISSUE_SHAPES[shape](size)
        before = peak()
        start = time.process_time()
        lishi_pub.render(issue, fmt)
    cpu = time.process_time() - start
    return {"cpu": cpu, "peak": peak(), "growth": peak() - before}


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(measure(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])))
