"""The text-dump reader: what pdfminer or pdftotext left of a page, as a :class:`PageLayout`.

A dump knows no geometry, only the order of its lines and the blank lines
between them, so each physical line becomes a :class:`TextLine` (a blank one
with the ``BLANK`` hint: their count is how the shared stages tell a text box
from a paragraph), and the extractor's style is named for the page.  Pages
are cut at form feeds one at a time, so a long file is never held twice.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...inputs import Source
from ..layout import PageLayout, Role, TextLine
from .latin import latin_lines  # a page in Latin script finds its own paragraphs
from .style import detect_style

__all__ = ["read_dump", "split_pages"]

_BLANK = TextLine("", hint=Role.BLANK)


def split_pages(text: str) -> Iterator[str]:
    """Form feeds separate pages, and blank pages are skipped."""
    start = 0
    while start <= len(text):
        end = text.find("\f", start)
        if end < 0:
            end = len(text)
        if text[start:end].strip():
            yield text[start:end]
        start = end + 1


def page_layout(text: str, number: int, source: str | None = None) -> PageLayout:
    """One page of a dump as lines; trailing spaces go, leading ones (an indent) stay."""
    lines = [TextLine(line) if line else _BLANK for line in map(str.rstrip, text.split("\n"))]
    return PageLayout(number, latin_lines(lines), source=source, style=detect_style(lines))


def read_dump(source: Source) -> Iterator[PageLayout]:
    for number, text in enumerate(split_pages(source.text), start=1):
        yield page_layout(text, number, source.name)
